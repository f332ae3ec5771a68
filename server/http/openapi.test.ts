import { expect, it } from 'vitest';
import { openApi } from '../test/openapi-document.js';
import { describeEngines } from '../test/test-env.js';

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
