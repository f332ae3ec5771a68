// Bad input found by a fuzzing pass (issue 17, item 6): each answered 500 before the input guard.
import { expect, it } from 'vitest';
import { describeEngines, type TestError } from '../test/test-env.js';

const named = (res: { status: number; body: { error?: TestError } }, field: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error?.code).toBe('invalid_input');
  expect(res.body.error?.details.fields.map((f) => f.field)).toContain(field);
};

describeEngines('input guard', (env) => {
  /** A request with a JSON body written by hand (numbers JSON.stringify cannot produce). */
  const raw = async (token: string, method: 'POST' | 'PATCH', url: string, payload: string) => {
    const res = await env().app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload });
    return { status: res.statusCode, body: res.json() };
  };

  it('refuses NUL and unpaired surrogates in any string, path or query, naming the field', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    named(await api.get('/api/v1/deals?q=%00'), 'q');
    named(await api.get('/api/v1/deals/abc%00def'), 'id');
    named(await api.post('/api/v1/accounts', { name: 'Acme\u0000' }), 'name');
    named(await api.post('/api/v1/teams', { name: 'Team \uD800' }), 'name');
    named(await api.post('/api/v1/teams', { name: 'Team \uDC00 x' }), 'name');
    // Multi-line text says which line holds the bad character, so it can be found in a long note (an
    // import's cells, people and quota sheets too, are checked row by row instead:
    // import-cell-guard.test.ts, sheet-cell-rules.test.ts).
    const text = await api.post('/api/v1/activities', { type: 'note', subject: 'Notes', body: 'Good\nfine\nb\uD800d', occurredAt: '2026-11-01T10:00:00.000Z' });
    named(text, 'body');
    expect(text.body.error?.details.fields[0]?.message).toMatch(/^line 3 /);
    // Other fields of an import's body are checked here like any other.
    named(await api.post('/api/v1/imports/accounts', { csv: 'Name\nAcme', fileName: 'a\u0000.csv' }), 'fileName');
    // A valid pair (an emoji) is text like any other.
    expect((await api.post('/api/v1/teams', { name: 'Team 🚀' })).status).toBe(201);
    // …and compared as stored: the same name again is a duplicate.
    expect([400, 409]).toContain((await api.post('/api/v1/teams', { name: 'Team 🚀' })).status);
  });

  it('bounds every integer: versions and counts beyond the engines answer 400 naming the field', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const deal = await api.post('/api/v1/deals', { name: 'Bounded', amount: 1, closeDate: '2027-01-01' });
    for (const version of ['1e308', '9007199254740993', '3000000000']) {
      const res = await raw(w.admin.token, 'PATCH', `/api/v1/deals/${deal.body.id}`, `{"version":${version},"name":"x"}`);
      named(res, 'version');
    }
    for (const first of [1e308, 'a\u0000b']) {
      const cursor = Buffer.from(JSON.stringify([first, 'x', 'amount'])).toString('base64url');
      named(await api.get(`/api/v1/deals?cursor=${cursor}&sort=amount`), 'cursor');
    }
    named(await api.get('/api/v1/deals?limit=99999999999'), 'limit');
  });

  it('answers 413 with the error shape for a body over the limit, and 400 for one nested too deep', async () => {
    const w = await env().workspace();
    const big = await env().app.inject({
      method: 'POST',
      url: '/api/v1/imports/accounts',
      headers: { authorization: `Bearer ${w.admin.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ csv: 'x'.repeat(26 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'payload_too_large' });
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const tooDeep = await raw(w.admin.token, 'POST', '/api/v1/accounts', `{"name":"x","tags":${deep}}`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.details.fields[0].field).toMatch(/^tags\.0\.0/);
  });

  it('marks every API answer Cache-Control: no-store', async () => {
    const w = await env().workspace();
    expect((await w.as(w.admin).get('/api/v1/deals')).headers['cache-control']).toBe('no-store');
    expect((await w.as(w.admin).get('/api/v1/nothing-here')).headers['cache-control']).toBe('no-store');
  });
});
