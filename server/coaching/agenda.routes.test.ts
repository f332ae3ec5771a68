// The prepared agenda on both engines: deals at risk by the three tests, overdue actions, the last
// session's notes (private ones to their coach only), reviews since, the focus trend; what an
// outside coach and an unrelated rep get.
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

describeEngines('coaching agenda', (env) => {
  let w: TestWorkspace;
  let manager: TestUser;
  let rep: TestUser;
  let outsider: TestUser;
  let coach: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await env().workspace();
    manager = await w.user('manager', { name: 'Mia Manager' });
    const teamId = await w.team('Field', { managerId: manager.id });
    rep = await w.user('rep', { teamId, name: 'Rita Rep' });
    outsider = await w.user('rep', { teamId: await w.team('Partners'), name: 'Oscar Outsider' });
    coach = await w.user('coach', { name: 'Cole Coach' });
    expect((await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: rep.id, cadenceDays: 14 })).status).toBe(201);

    const deal = async (name: string, closeDate: string) => (await w.as(rep).post('/api/v1/deals', { name, amount: 10000, closeDate })).body.id as string;
    ids.late = await deal('Late and idle', '2026-11-20');
    ids.healthy = await deal('Healthy', '2027-01-31');
    ids.idle = await deal('No next step', '2027-01-31');
    const next = await w
      .as(rep)
      .post('/api/v1/activities', { type: 'call', subject: 'Follow up', dealId: ids.healthy, occurredAt: '2026-12-02T10:00:00.000Z' });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    ids.hidden = await (async () => (await w.as(outsider).post('/api/v1/deals', { name: 'Elsewhere', amount: 5, closeDate: '2026-01-01' })).body.id)();

    const held = await w.as(manager).post('/api/v1/coaching-sessions', {
      coacheeId: rep.id,
      scheduledAt: '2026-11-20T09:00:00.000Z',
      heldAt: '2026-11-20T09:30:00.000Z',
      sharedNotes: 'Work on multi-threading',
      privateNotes: 'Watch her confidence',
      dealIds: [ids.idle],
      actionItems: [
        { ownerId: rep.id, text: 'Map the buying committee', dueDate: '2026-11-25' },
        { ownerId: rep.id, text: 'Not due yet', dueDate: '2026-12-10' },
      ],
    });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    env().clock.now += 60_000;
    expect((await w.as(manager).post(`/api/v1/deals/${ids.late}/reviews`, { findings: 'No economic buyer' })).status).toBe(201);
  });

  it('prepares the agenda for the manager from live data', async () => {
    const res = await w.as(manager).get(`/api/v1/coaching-agenda?coacheeId=${rep.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const a = res.body;
    expect(a.dealsAtRisk.map((d) => [d.name, d.reasons])).toEqual([
      ['Late and idle', ['past_close_date', 'no_next_step']],
      ['No next step', ['no_next_step']],
    ]);
    expect(a.overdueActionItems.map((i) => i.text)).toEqual(['Map the buying committee']);
    expect(a.lastSession).toMatchObject({ sharedNotes: 'Work on multi-threading', privateNotes: 'Watch her confidence', coach: { id: manager.id } });
    expect(a.dealReviews.map((r) => r.findings)).toEqual(['No economic buyer']);
    expect(a.focus).toMatchObject({ kpiId: 'win_rate', source: 'default' });
    expect(a.focus.trend.length).toBeGreaterThanOrEqual(5);
    expect(a.text).toContain('Since last session:\nWork on multi-threading');
    expect(a.text).toContain('- Late and idle: past its close date, no next step');
    expect(a.text).toContain('Map the buying committee');
    expect(a.text).not.toContain('Watch her confidence');
  });

  it('gives an outside coach only the deals a session links and no private notes of others', async () => {
    const res = await w.as(coach).get(`/api/v1/coaching-agenda?coacheeId=${rep.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dealsAtRisk.map((d) => d.id)).toEqual([ids.idle]);
    expect(res.body.dealReviews).toEqual([]);
    expect(res.body.lastSession?.privateNotes).toBeNull();
    expect(res.body.text).not.toContain('Late and idle');
    // The coach reads the coachee's figures but not the deals behind them.
    expect((await w.as(coach).get(`/api/v1/kpis/win_rate?scope=rep&scopeId=${rep.id}`)).status).toBe(200);
    expect((await w.as(coach).get(`/api/v1/kpis/win_rate/records?scope=rep&scopeId=${rep.id}`)).status).toBe(403);
  });

  it('answers 404 for someone the caller does not coach, and 400 without a coachee', async () => {
    expect((await w.as(coach).get(`/api/v1/coaching-agenda?coacheeId=${outsider.id}`)).status).toBe(404);
    expect((await w.as(outsider).get(`/api/v1/coaching-agenda?coacheeId=${rep.id}`)).status).toBe(404);
    expect((await w.as(manager).get('/api/v1/coaching-agenda')).status).toBe(400);
    const own = await w.as(rep).get(`/api/v1/coaching-agenda?coacheeId=${rep.id}`);
    expect(own.status).toBe(200);
    expect(own.body.lastSession?.privateNotes).toBeNull();
  });
});
