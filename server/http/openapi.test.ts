import { type Static, Type } from 'typebox';
import Value from 'typebox/value';
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

/**
 * The part of the OpenAPI document this test reads: its version, and each path's operations with their
 * responses and request body. The document is no /api/v1 route, so the test client types it as unknown.
 */
const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  paths: Type.Record(
    Type.String(),
    Type.Record(
      Type.String(),
      Type.Object({ responses: Type.Optional(Type.Record(Type.String(), Type.Unknown())), requestBody: Type.Optional(Type.Unknown()) }),
    ),
  ),
});

/** The OpenAPI document's body read as such; throws, naming what does not fit, when it is not one. */
function openApi(body: unknown): Static<typeof OpenApiDocument> {
  if (Value.Check(OpenApiDocument, body)) return body;
  const errors = [...Value.Errors(OpenApiDocument, body)].slice(0, 5);
  throw new Error(`not the OpenAPI document this test reads: ${errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
}

describeEngines('OpenAPI and health', (env) => {
  it('serves health with the engine name', async () => {
    const res = await env().anonymous().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: env().engine });
  });

  it('documents every /api/v1 route with a response schema, and every write with a request body schema', async () => {
    const res = await env().anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = openApi(res.body);
    expect(doc.openapi).toMatch(/^3\./);
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses ?? {});
        if (!codes.some((c) => c.startsWith('2'))) problems.push(`${method.toUpperCase()} ${path}: no success response schema`);
        // Logout is the one write that takes no body.
        if (['post', 'patch', 'put'].includes(method) && !op.requestBody && !path.endsWith('/logout'))
          problems.push(`${method.toUpperCase()} ${path}: no request body schema`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);

    // No route under /api/v1 hides from the document: every one the server answers is described.
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    const served: string[] = [];
    const walk = (tree: string) => {
      // printRoutes with commonPrefix off lists one full path per line, followed by its methods.
      for (const line of tree.split('\n')) {
        const m = /(\/api\/v1\/\S*) \(([A-Z, ]+)\)/.exec(line.replace(/^[\s│├└─]+/, ''));
        if (m) for (const method of (m[2] as string).split(', ')) if (method !== 'HEAD') served.push(`${method} ${m[1]}`);
      }
    };
    walk(env().app.printRoutes({ commonPrefix: false }));
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('serves the browsable docs', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(res.statusCode);
  });
});
