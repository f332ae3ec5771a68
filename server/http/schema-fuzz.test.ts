// Schema fuzzing of every route in the OpenAPI document (issue 17, "suites to keep"): fast-check
// builds requests from each operation's parameters and body schema and bends them — wrong types,
// NUL and unpaired surrogates, huge and deeply nested bodies, overflowing integers, __proto__, and
// mass-assignment fields (owner, workspace, role, version). No answer may be a 500, and every 400
// names its field. FURROW_FUZZ_RUNS (default 3) sets the requests per operation.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { openApi, propertiesOf } from '../test/openapi-document.js';
import { describeEngines } from '../test/test-env.js';

const RUNS = Number(process.env.FURROW_FUZZ_RUNS ?? 3);

const badString = fc.oneof(
  fc.constant('\u0000'),
  fc.constant('a\uD800b'),
  fc.constant('\uDFFFz'),
  fc.constant('x'.repeat(70_000)),
  fc.constant("'; drop table deals; --"),
  fc.constant('=cmd|x'),
  fc.constant(''),
  fc.constant('   '),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const badNumber = fc.oneof(
  fc.constant('1e308'),
  fc.constant('9007199254740993'),
  fc.constant('-9007199254740993'),
  fc.constant('2147483648'),
  fc.constant('-1'),
  fc.constant('0'),
  fc.constant('1.5'),
  fc.integer().map(String),
);
/** A JSON fragment (text), so numbers JSON.stringify cannot write (1e308, 2^53 + 1) reach the parser. */
const deep = fc.integer({ min: 40, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
const jsonValue: fc.Arbitrary<string> = fc.oneof(
  badString.map((s) => JSON.stringify(s)),
  badNumber,
  fc.constantFrom('true', 'null', '[]', '{}', '{"__proto__":{"role":"admin"}}', '["a",1]'),
  deep,
);
const MASS_ASSIGNMENT = ['ownerId', 'owner', 'workspaceId', 'workspace', 'role', 'version', 'id', 'createdAt', 'deletedAt', '__proto__', 'constructor'];

/** Percent-encoding; an unpaired surrogate goes as its raw (invalid UTF-8) bytes, as a hostile client would send it. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  bodyProps: string[];
}

/** The operation's request as generated text pieces: path, query string and JSON body. */
function requestOf(op: Operation) {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  return fc.record({
    path: fc
      .tuple(...pathParams.map(() => fc.oneof(badString, badNumber, fc.uuid())))
      .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, encode(String(values[i] || 'x'))), op.path)),
    query: fc
      .subarray([...queryParams, 'limit', 'cursor', 'q'])
      .chain((names) =>
        fc.tuple(...names.map(() => fc.oneof(badString, badNumber))).map((values) => names.map((n, i) => `${n}=${encode(String(values[i]))}`).join('&')),
      ),
    body: fc
      .subarray([...op.bodyProps, ...MASS_ASSIGNMENT])
      .chain((names) => fc.tuple(...names.map(() => jsonValue)).map((values) => `{${names.map((n, i) => `${JSON.stringify(n)}:${values[i]}`).join(',')}}`)),
  });
}

describeEngines('schema fuzzing', (env) => {
  it(`answers no generated request with a 500, and every 400 names a field (${RUNS} per operation)`, { timeout: 600_000 }, async () => {
    const w = await env().workspace();
    const doc = openApi((await env().anonymous().get('/api/openapi.json')).body);
    const ops: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        // Signing out would end nothing (bearer), but the setup and sign-in routes are about
        // anonymous callers and their throttles; the login throttle has its own test.
        if (path.startsWith('/api/v1/auth/') || path.startsWith('/api/v1/setup')) continue;
        // Pages for people (the email unsubscribe confirm) answer HTML, not the JSON error shape.
        if (op.responses?.['200']?.content && !op.responses['200'].content['application/json']) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], bodyProps: Object.keys(propertiesOf(schema)) });
      }
    }
    expect(ops.length).toBeGreaterThan(50);

    const failures: string[] = [];
    let requests = 0;
    for (const op of ops) {
      const samples = fc.sample(requestOf(op), { numRuns: RUNS, seed: 17 + requests });
      for (const sample of samples) {
        requests++;
        const url = sample.query ? `${sample.path}?${sample.query}` : sample.path;
        const hasBody = ['POST', 'PATCH', 'PUT'].includes(op.method);
        const res = await env().app.inject({
          method: op.method as 'GET',
          url,
          headers: { authorization: `Bearer ${w.admin.token}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          ...(hasBody ? { payload: sample.body } : {}),
        });
        const label = `${op.method} ${url.slice(0, 200)} ${hasBody ? sample.body.slice(0, 300) : ''}`;
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ← ${label}: ${res.body.slice(0, 300)}`);
        if (res.statusCode === 400) {
          const fields = res.json().error?.details?.fields;
          if (!Array.isArray(fields) || fields.length === 0 || fields.some((f: { field?: unknown }) => typeof f.field !== 'string' || f.field === ''))
            failures.push(`400 without a field ← ${label}: ${res.body.slice(0, 300)}`);
        }
      }
    }
    console.info(`schema fuzzing [${env().engine}]: ${requests} requests over ${ops.length} operations, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});
