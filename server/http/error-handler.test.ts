import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

describeEngines('error shape', (env) => {
  it('names the allowed values when a value is none of a list of literals', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const sort = await api.get('/api/v1/deals?sort=colour');
    expect(sort.status).toBe(400);
    expect(sort.body.error?.code).toBe('invalid_input');
    const [problem] = sort.body.error!.details.fields;
    expect(problem?.field).toBe('sort');
    expect(problem?.message).toMatch(/^must be one of .*-closeDate/);
    expect(sort.body.error?.requestId).toEqual(expect.any(String));

    const created = await api.post('/api/v1/activities', { type: 'fax', subject: 'Hi', occurredAt: '2026-11-20T10:00:00.000Z' });
    expect(created.status).toBe(400);
    expect(created.body.error?.details.fields).toEqual([{ field: 'type', message: 'must be one of call, meeting, email, task, note' }]);
  });

  it('keeps the first readable problem of a nullable field', async () => {
    const w = await env().workspace();
    const res = await w.as(w.admin).post('/api/v1/deals', { name: 'X', amount: -1, closeDate: '2027-01-31' });
    expect(res.status).toBe(400);
    expect(res.body.error?.details.fields).toEqual([{ field: 'amount', message: 'must be >= 0' }]);
  });
});
