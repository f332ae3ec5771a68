import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { TERMS } from './testing.js';

describeEngines('lead agreement', (env) => {
  let w: TestWorkspace;
  let marketing: TestUser;
  let manager: TestUser;
  let rep: TestUser;
  beforeAll(async () => {
    w = await env().workspace();
    marketing = await w.user('marketing');
    manager = await w.user('manager');
    rep = await w.user('rep');
  });

  it('comes into force only when both sides approve; the second approval supersedes the previous version', async () => {
    const m = w.as(marketing);
    const first = await m.post('/api/v1/lead-agreements', { terms: TERMS, note: 'first' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, status: 'draft' });
    let v = (await m.post(`/api/v1/lead-agreements/${first.body.id}/propose`, { version: first.body.version })).body;
    expect(v.status).toBe('proposed');
    // Marketing approving twice does not count as two sides.
    v = (await m.post(`/api/v1/lead-agreements/${first.body.id}/approve`, { version: v.version })).body;
    expect(v.status).toBe('proposed');
    expect(v.marketingApproval?.userId).toBe(marketing.id);
    expect((await m.post(`/api/v1/lead-agreements/${first.body.id}/approve`, { version: v.version })).status).toBe(409);
    v = (await w.as(manager).post(`/api/v1/lead-agreements/${first.body.id}/approve`, { version: v.version })).body;
    expect(v.status).toBe('in_force');
    expect(v.salesApproval?.userId).toBe(manager.id);

    // Version 2: sales approves first, marketing second → v2 in force, v1 superseded at the same instant.
    const second = (await w.as(w.admin).post('/api/v1/lead-agreements', { terms: { ...TERMS, mqlThreshold: 70 } })).body;
    expect(second.number).toBe(2);
    let s = (await w.as(w.admin).post(`/api/v1/lead-agreements/${second.id}/propose`, { version: second.version })).body;
    s = (await w.as(w.admin).post(`/api/v1/lead-agreements/${second.id}/approve`, { version: s.version })).body;
    expect(s.status).toBe('proposed');
    s = (await m.post(`/api/v1/lead-agreements/${second.id}/approve`, { version: s.version })).body;
    expect(s.status).toBe('in_force');
    const list = (await w.as(rep).get('/api/v1/lead-agreements')).body.items;
    expect(list.map((a: { number: number; status: string }) => [a.number, a.status])).toEqual([
      [2, 'in_force'],
      [1, 'superseded'],
    ]);
    expect(list[1]?.supersededAt).toBe(list[0]!.inForceAt);
  });

  it('edits only drafts, with the version (409 when stale), and refuses reps', async () => {
    const d = (await w.as(marketing).post('/api/v1/lead-agreements', { terms: TERMS })).body;
    const edited = await w.as(marketing).patch(`/api/v1/lead-agreements/${d.id}`, { version: d.version, note: 'tweak' });
    expect(edited.status).toBe(200);
    expect((await w.as(manager).patch(`/api/v1/lead-agreements/${d.id}`, { version: d.version, note: 'late' })).status).toBe(409);
    expect((await w.as(rep).post('/api/v1/lead-agreements', { terms: TERMS })).status).toBe(403);
    const p = (await w.as(marketing).post(`/api/v1/lead-agreements/${d.id}/propose`, { version: edited.body.version })).body;
    const refused = await w.as(marketing).patch(`/api/v1/lead-agreements/${d.id}`, { version: p.version, note: 'x' });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('rule_violation');
    const back = await w.as(manager).post(`/api/v1/lead-agreements/${d.id}/withdraw`, { version: p.version });
    expect(back.body.status).toBe('draft');
  });

  it('names the field of bad terms and writes nothing', async () => {
    const before = (await w.as(marketing).get('/api/v1/lead-agreements')).body.items.length;
    const dup = await w.as(marketing).post('/api/v1/lead-agreements', { terms: { ...TERMS, fit: [TERMS.fit[0], TERMS.fit[0]] } });
    expect(dup.status).toBe(400);
    expect(dup.body.error?.details.fields[0]?.field).toBe('terms/fit/1/id');
    const noSla = await w.as(marketing).post('/api/v1/lead-agreements', { terms: { ...TERMS, sla: { acceptWithinHours: 0 } } });
    expect(noSla.status).toBe(400);
    expect((await w.as(marketing).get('/api/v1/lead-agreements')).body.items.length).toBe(before);
  });

  it('keeps one agreement in force when both final approvals race', async () => {
    const w2 = await env().workspace();
    const mk = await w2.user('marketing');
    const mk2 = await w2.user('marketing');
    const ids: { id: string; version: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const d = (await w2.as(mk).post('/api/v1/lead-agreements', { terms: TERMS })).body;
      const p = (await w2.as(mk).post(`/api/v1/lead-agreements/${d.id}/propose`, { version: d.version })).body;
      const a = (await w2.as(w2.admin).post(`/api/v1/lead-agreements/${d.id}/approve`, { version: p.version })).body;
      ids.push({ id: a.id, version: a.version });
    }
    const results = await Promise.all(ids.map((a, i) => w2.as(i === 0 ? mk : mk2).post(`/api/v1/lead-agreements/${a.id}/approve`, { version: a.version })));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const list = (await w2.as(mk).get('/api/v1/lead-agreements')).body.items;
    expect(list.filter((a: { status: string }) => a.status === 'in_force')).toHaveLength(1);
  });
});
