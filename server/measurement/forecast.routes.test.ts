// The forecast on the worked example (testing/worked-example.ts): category overrides by the owner,
// calls by reps, the manager's roll-up and adjusted call, the CSO's whole, and accuracy afterwards.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';
import { workedExample } from './testing/worked-example.js';

const Q4 = 'FY2026-Q4';

describeEngines('forecast API', (env) => {
  it('lets reps call, rolls the calls up through the team tree, keeps every call, and scores them after the quarter', async () => {
    const x = await workedExample(env());
    const as = (u: typeof x.ann) => x.w.as(u);
    const d3 = x.deals.d3;

    // D3 sits in Proposal, which maps to best case; Ben, its owner, commits it.
    let ben = (await as(x.ben).get(`/api/v1/forecast?period=${Q4}`)).body;
    expect(ben.deals).toEqual([expect.objectContaining({ id: d3, stageCategory: 'best_case', category: 'best_case', overridden: false })]);
    expect(ben.suggested).toEqual({ commit: 0, bestCase: 30_000 });
    expect((await as(x.mia).put(`/api/v1/forecast/deals/${d3}`, { category: 'commit' })).status).toBe(403);
    expect((await as(x.ann).put(`/api/v1/forecast/deals/${d3}`, { category: 'commit' })).status).toBe(404);
    expect((await as(x.ben).put(`/api/v1/forecast/deals/${d3}`, { category: 'maybe' })).status).toBe(400);
    expect((await as(x.ben).put(`/api/v1/forecast/deals/${d3}`, { category: 'commit' })).body).toEqual({ dealId: d3, category: 'commit' });
    ben = (await as(x.ben).get(`/api/v1/forecast?period=${Q4}`)).body;
    expect(ben.deals[0]).toMatchObject({ category: 'commit', overridden: true });
    expect(ben.suggested).toEqual({ commit: 30_000, bestCase: 30_000 });
    const history = await env()
      .database.db.selectFrom('changes')
      .select(['from_value', 'to_value', 'actor_id'])
      .where('entity_id', '=', d3)
      .where('field', '=', 'forecast_category')
      .execute();
    expect(history).toEqual([{ from_value: null, to_value: 'commit', actor_id: x.ben.id }]);

    expect((await as(x.ben).post('/api/v1/forecast/submissions', { period: Q4, commit: 30_000, bestCase: 20_000 })).body.error?.details.fields[0]?.field).toBe(
      'bestCase',
    );
    expect((await as(x.ben).post('/api/v1/forecast/submissions', { period: 'FY2026-Q3', commit: 1, bestCase: 1 })).body.error?.details.fields[0]?.field).toBe(
      'period',
    );
    const benCall = await as(x.ben).post('/api/v1/forecast/submissions', {
      period: Q4,
      commit: 30_000,
      bestCase: 30_000,
      note: 'Signature expected mid-December',
    });
    expect(benCall.status).toBe(201);
    expect(benCall.body).toMatchObject({ scopeType: 'user', userName: 'Ben', weekStart: '2026-11-23', won: 0, rollupCommit: null });
    expect((await as(x.ann).post('/api/v1/forecast/submissions', { period: Q4, commit: 15_000, bestCase: 20_000 })).status).toBe(201);

    // Mia's team: Ann's and Ben's calls, and T2 (no manager, no call) rolled up from Cat's won deal.
    const mia = (await as(x.mia).get(`/api/v1/forecast?period=${Q4}`)).body;
    expect(mia.scopeType).toBe('team');
    expect(mia.rollup?.rows.map((r) => [r.name.replace(/ \w+$/, ''), r.source, r.commit])).toEqual([
      ['Ann', 'submitted', 15_000],
      ['Ben', 'submitted', 30_000],
      ['T2', 'rollup', 40_000],
    ]);
    expect(mia.rollup?.total).toEqual({ commit: 85_000, bestCase: 90_000 });
    // The deals behind her figures are her teams' (sub-team T2 included), each with its owner, by category.
    expect(mia.deals.map((d) => [d.name, d.ownerName, d.category]).sort()).toEqual([
      ['D1', 'Ann', 'closed'],
      ['D3', 'Ben', 'commit'],
      ['D4', 'Cat', 'closed'],
    ]);
    const miaCall = (await as(x.mia).post('/api/v1/forecast/submissions', { period: Q4, commit: 80_000, bestCase: 95_000 })).body;
    expect(miaCall).toMatchObject({ scopeType: 'team', scopeId: x.teamId, rollupCommit: 85_000, adjustment: -5_000 });

    // The CSO sees the whole: team T by Mia's call, Dan (no team) by his deals.
    const cso = (await as(x.w.admin).get(`/api/v1/forecast?period=${Q4}`)).body;
    expect(cso.rollup?.rows.map((r) => [r.source, r.commit])).toEqual([
      ['submitted', 80_000],
      ['system', 50_000],
    ]);
    expect(cso.rollup?.total.commit).toBe(130_000);
    expect(cso.deals.map((d) => d.name).sort()).toEqual(['D1', 'D3', 'D4', 'D5']);
    expect((await as(x.ann).get(`/api/v1/forecast?period=${Q4}&userId=${x.ben.id}`)).status).toBe(404);
    expect((await as(x.mia).get(`/api/v1/forecast?period=${Q4}&userId=${x.ben.id}`)).body.latest).toMatchObject({ commit: 30_000 });

    // Ben calls again the same week and the next; every call is kept.
    await as(x.ben).post('/api/v1/forecast/submissions', { period: Q4, commit: 28_000, bestCase: 30_000 });
    env().clock.now += 7 * 86_400_000;
    await as(x.ben).post('/api/v1/forecast/submissions', { period: Q4, commit: 30_000, bestCase: 30_000 });
    expect((await as(x.mia).get(`/api/v1/forecast/submissions?period=${Q4}&userId=${x.ben.id}`)).body.items).toHaveLength(3);
    expect((await as(x.ann).get(`/api/v1/forecast/submissions?period=${Q4}`)).body.items.map((s) => s.userName)).toEqual(['Ann']);

    const open = (await as(x.w.admin).get(`/api/v1/forecast/accuracy?period=${Q4}`)).body;
    expect(open.closed).toBe(false);
    expect(open.people.every((p) => p.weeks.every((w) => w.accuracy === null))).toBe(true);

    // Ben wins D3 on 15 December; the quarter closes.
    env().clock.now = Date.parse('2026-12-15T10:00:00Z');
    const { body: deal } = await as(x.ben).get(`/api/v1/deals/${d3}`);
    expect((await as(x.ben).patch(`/api/v1/deals/${d3}`, { version: deal.version, status: 'won' })).status).toBe(200);
    env().clock.now = Date.parse('2027-01-05T10:00:00Z');
    const scored = (await as(x.w.admin).get(`/api/v1/forecast/accuracy?period=${Q4}`)).body;
    expect(scored.closed).toBe(true);
    const person = (name: string) => scored.people.find((p) => p.name === name);
    expect(person('Ben')).toMatchObject({ actual: 30_000 });
    expect(person('Ben')?.weeks.map((w) => [w.weekStart, w.commit, w.accuracy, w.bias])).toEqual([
      ['2026-11-23', 28_000, 1 - 2_000 / 30_000, -2_000 / 30_000],
      ['2026-11-30', 30_000, 1, 0],
    ]);
    expect(person('Ann')).toMatchObject({ actual: 10_000, weeks: [expect.objectContaining({ accuracy: 0.5, bias: 0.5 })] });
    // Team T won 10 000 (Ann) + 30 000 (Ben) + 40 000 (Cat): Mia's 80 000 was exact.
    expect(person('Mia Manager')).toMatchObject({ scopeType: 'team', actual: 80_000, weeks: [expect.objectContaining({ accuracy: 1, bias: 0 })] });
    expect(scored.commitConversion).toEqual([
      expect.objectContaining({ name: 'Ann', committed: 0, conversion: null }),
      expect.objectContaining({ name: 'Ben', committed: 30_000, won: 30_000, conversion: 1, deals: 1, wonDeals: 1 }),
    ]);
    const mine = (await as(x.ann).get(`/api/v1/forecast/accuracy?period=${Q4}`)).body;
    expect(mine.people.map((p) => p.name)).toEqual(['Ann']);
  });

  it('keeps marketing out and refuses weeks as forecast periods', async () => {
    env().clock.now = Date.parse('2026-11-28T10:00:00Z');
    const w = await env().workspace();
    const marketer = await w.user('marketing');
    expect((await w.as(marketer).get('/api/v1/forecast')).status).toBe(403);
    const week = await w.as(w.admin).get('/api/v1/forecast?period=2026-W48');
    expect(week.status).toBe(400);
    expect(week.body.error?.details.fields[0]?.field).toBe('period');
    expect((await w.as(w.admin).get('/api/v1/forecast')).body).toMatchObject({
      scopeType: 'workspace',
      period: { kind: 'quarter', key: 'FY2026-Q4' },
      rollup: { rows: [] },
    });
  });
});
