// JSON bodies are validated as sent; query strings and path parameters are coerced from text.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

describeEngines('request validation', (env) => {
  it('clears a nullable field to null when the body says null: not "" for text, not 0 for a number', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const created = await api.post('/api/v1/accounts', { name: 'Acme', industry: 'Retail', size: 250 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const cleared = await api.patch(`/api/v1/accounts/${created.body.id}`, { version: created.body.version, industry: null, size: null });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ industry: null, size: null });
    expect((await api.get(`/api/v1/accounts/${created.body.id}`)).body).toMatchObject({ industry: null, size: null });
  });

  it('refuses a number sent as text in a body, naming the field; a query string still reads numbers', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const res = await api.post('/api/v1/accounts', { name: 'Initech', size: '250' });
    expect(res.status).toBe(400);
    expect(res.body.error?.details.fields.map((f: { field: string }) => f.field)).toContain('size');
    const list = await api.get('/api/v1/accounts?limit=1');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
  });
});
