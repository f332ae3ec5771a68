// The drivers outside the velocity formula get a velocity effect from the team's own data, on both
// engines, from deals and activities written through the API: the team's reps who log more
// activities win more often, so the coachee who logs fewer is credited that lift (driver-effects.ts).
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { writeTeamHistory } from './testing/team-history.js';

describeEngines('coaching focus: driver effects from the team’s data', (env) => {
  let w: TestWorkspace;
  let manager: TestUser;
  let rita: TestUser;
  let cat: TestUser;

  beforeAll(async () => {
    env().clock.now = Date.UTC(2026, 8, 1, 9);
    w = await env().workspace();
    manager = await w.user('manager', { name: 'Mia Manager' });
    const teamId = await w.team('Field', { managerId: manager.id });
    rita = await w.user('rep', { teamId, name: 'Rita Rep' });
    cat = await w.user('rep', { teamId, name: 'Cat' });
    await writeTeamHistory(env(), w, [
      { who: await w.user('rep', { teamId, name: 'Ann' }), won: 6, closed: 10, open: 2, activities: 10 },
      { who: await w.user('rep', { teamId, name: 'Ben' }), won: 6, closed: 10, open: 2, activities: 10 },
      { who: cat, won: 3, closed: 10, open: 2, activities: 2 },
      { who: await w.user('rep', { teamId, name: 'Dan' }), won: 3, closed: 10, open: 2, activities: 2 },
      { who: rita, won: 3, closed: 15, open: 2, activities: 5 },
    ]);
  });

  it('credits the coachee below the median activity with the win-rate lift the team shows above it', async () => {
    const res = await w.as(manager).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    // Rita: 2 open qualified deals × 3/15 won × 10,000 ÷ 20 days = 200 a day.
    expect(f.velocity).toBeCloseTo(200, 6);
    // The other reps log 10, 10, 2, 2 activities: median 6. Above it 12 of 20 won (60 %), below
    // 6 of 20 (30 %): win rate 20 % × 2 = 40 %, velocity 400, effect +200.
    const s = f.suggestions.find((x: { lever: string }) => x.lever === 'activity_volume');
    expect(s, JSON.stringify(f.suggestions)).toMatchObject({
      kpiId: 'activity_volume',
      person: 5,
      benchmark: 6,
      records: 5,
      skillKeys: ['pipeline_generation'],
    });
    expect(s?.velocityIfClosed).toBeCloseTo(400, 6);
    expect(s?.effect).toBeCloseTo(200, 6);
    expect(s?.model).toContain('20.0% × 2.00 → 40.0%');
    expect(s?.explanation).toContain('2 reps above the median won 12 of 20 closed deals (60.0%), 2 below it 6 of 20 (30.0%)');
    expect(s?.recordsUrl).toContain(`/api/v1/kpis/activity_volume/records?scope=rep&scopeId=${rita.id}`);
    const activity = f.drivers.find((d: { kpiId: string }) => d.kpiId === 'activity_volume');
    expect(activity?.effect).toBeCloseTo(200, 6);
    expect(activity?.effectNote).toBeNull();
    // Every driver says what it adds or why it adds nothing.
    for (const d of f.drivers) expect(d.effect !== null || typeof d.effectNote === 'string', JSON.stringify(d)).toBe(true);
    // Ranked with the formula's levers: activity (+200) before the win rate at the team's pooled
    // 21 of 55 (2 × 21/55 × 10,000 ÷ 20 = 381.8: +181.8).
    expect(f.suggestions.slice(0, 2).map((x: { lever: string }) => x.lever)).toEqual(['activity_volume', 'win_rate']);
    expect(f.suggestions[1]?.effect).toBeCloseTo(2000 / 11, 6);
  });

  it('gives in one batch what each asks alone, though the team’s figures are computed once for both', async () => {
    const single = async (id: string) => (await w.as(manager).get(`/api/v1/coaching-focus?coacheeId=${id}`)).body;
    const batch = await w.as(manager).get(`/api/v1/coaching-focus/top?coacheeIds=${rita.id},${cat.id}`);
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    for (const [i, id] of [rita.id, cat.id].entries()) {
      const alone = await single(id);
      expect(batch.body.items[i]).toEqual({
        coachee: alone.coachee,
        velocity: alone.velocity,
        top: alone.suggestions[0] ?? null,
        insufficient: alone.insufficient,
      });
    }
  });

  it('answers 404 to someone who does not reach the coachee, with no figures', async () => {
    const stranger = await w.user('rep', { teamId: await w.team('Elsewhere'), name: 'Stan' });
    expect((await w.as(stranger).get(`/api/v1/coaching-focus?coacheeId=${rita.id}`)).status).toBe(404);
  });
});
