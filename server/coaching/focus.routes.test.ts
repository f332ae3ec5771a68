// Focus suggestions on both engines, from deals written through the API: a rep who wins less often
// than their team gets win rate first, with the figures behind it; the agenda follows it; too little
// data says so; the coachee reach decides who may ask.
import { beforeAll, expect, it } from 'vitest';
import { recordsPath } from '../measurement/testing/records-path.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { patchDeal, writeTeamHistory } from './testing/team-history.js';

describeEngines('coaching focus suggestions', (env) => {
  let w: TestWorkspace;
  let manager: TestUser;
  let rita: TestUser;
  let newcomer: TestUser;
  let outsider: TestUser;
  let coach: TestUser;
  let patch: (who: TestUser, id: string, body: Record<string, unknown>) => Promise<void>;

  beforeAll(async () => {
    env().clock.now = Date.UTC(2026, 8, 1, 9);
    w = await env().workspace();
    manager = await w.user('manager', { name: 'Mia Manager' });
    const teamId = await w.team('Field', { managerId: manager.id });
    rita = await w.user('rep', { teamId, name: 'Rita Rep' });
    const bea = await w.user('rep', { teamId, name: 'Bea' });
    const carl = await w.user('rep', { teamId, name: 'Carl' });
    newcomer = await w.user('rep', { teamId, name: 'Nina New' });
    outsider = await w.user('rep', { teamId: await w.team('Partners'), name: 'Oscar Outsider' });
    coach = await w.user('coach', { name: 'Cole Coach' });
    expect((await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: rita.id, cadenceDays: 14 })).status).toBe(201);
    patch = (who, id, body) => patchDeal(w, who, id, body);
    await writeTeamHistory(env(), w, [
      { who: rita, won: 3, closed: 15, open: 3 },
      { who: bea, won: 6, closed: 10, open: 3 },
      { who: carl, won: 6, closed: 10, open: 3 },
    ]);
  });

  it('ranks win rate first for the rep who wins less than the team, with its figures', async () => {
    const res = await w.as(manager).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f.benchmark).toMatchObject({ kind: 'team', label: expect.stringMatching(/^Field/), people: 4 });
    const input = Object.fromEntries(f.inputs.map((i) => [i.lever, i]));
    expect(input.win_rate).toMatchObject({ person: 0.2, records: 15 });
    expect(input.win_rate?.benchmark).toBeCloseTo(15 / 35, 9);
    expect(input.opportunities).toMatchObject({ person: 3, benchmark: 9 / 4 });
    expect(input.cycle?.person).toBeCloseTo(20, 6);
    const top = f.suggestions[0];
    expect(top).toMatchObject({ lever: 'win_rate', kpiId: 'win_rate', skillKeys: ['qualification', 'objection_handling'] });
    // velocity = 3 × 0.2 × 10,000 ÷ 20 = 300; at the team's win rate 3 × 15/35 × 10,000 ÷ 20 ≈ 642.86.
    expect(f.velocity).toBeCloseTo(300, 6);
    expect(top?.velocityIfClosed).toBeCloseTo(4500 / 7, 6);
    expect(top?.explanation).toContain(`Win rate 20.0% against ${f.benchmark.label}'s 42.9%`);
    expect(top?.recordsUrl).toContain(`/api/v1/kpis/win_rate/records?scope=rep&scopeId=${rita.id}`);
    const records = await w.as(manager).get(recordsPath(top!.recordsUrl));
    expect(records.status).toBe(200);
    expect(records.body.items).toHaveLength(15);

    // The drivers outside the formula: no activity logged, so activity volume says so instead of
    // comparing or estimating an effect.
    expect(f.drivers.map((d) => d.kpiId)).toEqual(['time_in_stage', 'activity_volume', 'process_adherence']);
    const activity = f.drivers.find((d) => d.kpiId === 'activity_volume');
    expect(activity).toMatchObject({ records: 0, trails: false, skillKeys: ['pipeline_generation'] });
    expect(activity?.insufficient).toMatch(/at least 5/);
    expect(activity?.effect).toBeNull();
    expect(activity?.effectNote).toMatch(/^too little data: 0 records of the coachee/);
    expect(f.insufficient).toContainEqual({ lever: 'activity_volume', stageName: null, reason: activity!.effectNote!.replace('too little data: ', '') });

    const agenda = await w.as(manager).get(`/api/v1/coaching-agenda?coacheeId=${rita.id}`);
    expect(agenda.body.focus).toMatchObject({ kpiId: 'win_rate', source: 'suggestion', skillKey: 'qualification' });
  });

  it('compares a team’s only rep with the workspace, not with themselves and their manager', async () => {
    const lead = await w.user('manager', { name: 'Lea Lead' });
    const solo = await w.user('rep', { teamId: await w.team('Solo', { managerId: lead.id }), name: 'Sol Solo' });
    const res = await w.as(lead).get(`/api/v1/coaching-focus?coacheeId=${solo.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.benchmark).toMatchObject({ kind: 'workspace' });
  });

  it('says there is too little data rather than guessing', async () => {
    const res = await w.as(manager).get(`/api/v1/coaching-focus?coacheeId=${newcomer.id}`);
    expect(res.status).toBe(200);
    expect(res.body.velocity).toBeNull();
    expect(res.body.suggestions).toEqual([]);
    expect(res.body.insufficient.map((i) => i.lever)).toEqual(['win_rate', 'deal_size', 'cycle']);
  });

  it('answers the coachee’s coaches and the coachee, 404 to others, 400 for a bad range', async () => {
    expect((await w.as(coach).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`)).status).toBe(200);
    expect((await w.as(rita).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`)).status).toBe(200);
    expect((await w.as(outsider).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`)).status).toBe(404);
    expect((await w.as(coach).get(`/api/v1/coaching-focus?coacheeId=${outsider.id}`)).status).toBe(404);
    const bad = await w.as(manager).get(`/api/v1/coaching-focus?coacheeId=${rita.id}&from=2026-10-01&to=2026-09-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toBe('to');
  });

  it('answers the Coaching list’s top focus of several coachees in one request, in their reach only', async () => {
    const res = await w.as(manager).get(`/api/v1/coaching-focus/top?coacheeIds=${rita.id},${newcomer.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i) => i.coachee.name)).toEqual(['Rita Rep', 'Nina New']);
    // The same as one request each: Rita's top lever, the newcomer's reasons.
    const single = (await w.as(manager).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`)).body;
    expect(res.body.items[0]).toMatchObject({ velocity: single.velocity, top: single.suggestions[0] });
    expect(res.body.items[1]).toMatchObject({ velocity: null, top: null });
    expect(res.body.items[1]?.insufficient.map((i) => i.lever)).toEqual(['win_rate', 'deal_size', 'cycle']);
    // The outside coach reaches Rita, not the rest of her team: one id out of reach refuses the batch.
    expect((await w.as(coach).get(`/api/v1/coaching-focus/top?coacheeIds=${rita.id}`)).status).toBe(200);
    expect((await w.as(coach).get(`/api/v1/coaching-focus/top?coacheeIds=${rita.id},${newcomer.id}`)).status).toBe(404);
    expect((await w.as(outsider).get(`/api/v1/coaching-focus/top?coacheeIds=${rita.id}`)).status).toBe(404);
    for (const ids of [`${rita.id},,${newcomer.id}`, Array.from({ length: 51 }, (_, i) => `u${i}`).join(',')]) {
      const bad = await w.as(manager).get(`/api/v1/coaching-focus/top?coacheeIds=${ids}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error?.details.fields[0]?.field).toBe('coacheeIds');
    }
    expect((await w.as(manager).get('/api/v1/coaching-focus/top')).body.error?.details.fields[0]?.field).toBe('coacheeIds');
  });

  it('sets an objective with its baseline now, and after the review date measures the effect against the team', async () => {
    const start = new Date(env().clock.now).toISOString().slice(0, 10);
    const body = { coacheeId: rita.id, skillKey: 'qualification', kpiId: 'win_rate', target: 0.35, reviewDate: '2026-10-21', note: 'Qualify out earlier' };
    expect((await w.as(rita).post('/api/v1/coaching-objectives', { ...body, coacheeId: rita.id })).status).toBe(403);
    expect((await w.as(manager).post('/api/v1/coaching-objectives', { ...body, kpiId: 'nope' })).body.error?.details.fields[0]?.field).toBe('kpiId');
    expect((await w.as(manager).post('/api/v1/coaching-objectives', { ...body, reviewDate: start })).body.error?.details.fields[0]?.field).toBe('reviewDate');
    expect((await w.as(manager).post('/api/v1/coaching-objectives', { ...body, coacheeId: outsider.id })).status).toBe(400);
    const made = await w.as(manager).post('/api/v1/coaching-objectives', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ status: 'pending', baseline: 0.2, startDate: start, target: 0.35, review: null, version: 1 });
    const id = made.body.id as string;
    expect((await w.as(manager).get(`/api/v1/coaching-agenda?coacheeId=${rita.id}`)).body.focus).toMatchObject({
      source: 'objective',
      skillKey: 'qualification',
    });

    // In the window Rita wins 3 of 5; nobody else closes anything.
    for (let i = 0; i < 5; i++) {
      const d = await w.as(rita).post('/api/v1/deals', { name: `Rita later ${i}`, amount: 10000, closeDate: '2026-12-31' });
      await patch(rita, d.body.id, i < 3 ? { status: 'won' } : { status: 'lost', lostReason: 'Price' });
    }
    expect((await w.as(rita).get(`/api/v1/coaching-objectives/${id}`)).body.status).toBe('pending');
    expect((await w.as(outsider).get(`/api/v1/coaching-objectives/${id}`)).status).toBe(404);
    expect((await w.as(rita).patch(`/api/v1/coaching-objectives/${id}`, { version: 1, target: 0.1 })).status).toBe(403);
    const edited = await w.as(manager).patch(`/api/v1/coaching-objectives/${id}`, { version: 1, target: 0.5 });
    expect(edited.body).toMatchObject({ target: 0.5, version: 2 });
    expect((await w.as(manager).patch(`/api/v1/coaching-objectives/${id}`, { version: 1, target: 0.4 })).status).toBe(409);

    env().clock.now = Date.UTC(2026, 9, 23, 9);
    const reviewed = await w.as(coach).get(`/api/v1/coaching-objectives?coacheeId=${rita.id}`);
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    const o = reviewed.body.items[0];
    expect(o?.status).toBe('met');
    expect(o?.review?.value).toBeCloseTo(0.6, 9);
    expect(o?.review?.count).toBe(5);
    expect(o?.review?.change).toBeCloseTo(0.4, 9);
    // The team (Rita included) went from 15 of 35 to 3 of 5: +0.1714…; the effect is the rest.
    expect(o?.review?.benchmark.change).toBeCloseTo(0.6 - 15 / 35, 9);
    expect(o?.review?.effect).toBeCloseTo(0.4 - (0.6 - 15 / 35), 9);
    expect((await w.as(manager).patch(`/api/v1/coaching-objectives/${id}`, { version: 2, target: 0.9 })).status).toBe(400);
    expect((await w.as(rita).get(`/api/v1/coaching-objectives?status=met`)).body.items.map((x) => x.id)).toEqual([id]);
  });
});
