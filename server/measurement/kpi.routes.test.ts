// The KPI API on the worked example (testing/worked-example.ts): figures by hand, as-of, drill-down,
// who may ask for what, and bad input named by field.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';
import { recordsPath } from './testing/records-path.js';
import { workedExample } from './testing/worked-example.js';

const Q4 = 'period=FY2026-Q4';

describeEngines('KPI API', (env) => {
  it('lists the catalogue with formulas, units, bases and versions', async () => {
    const w = await env().workspace();
    const res = await w.as(w.admin).get('/api/v1/kpis');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((k: { id: string }) => k.id);
    for (const id of [
      'win_rate',
      'win_rate_value',
      'average_deal_size',
      'sales_cycle_length',
      'sales_cycle_length_mean',
      'time_in_stage',
      'stage_conversion',
      'pipeline_created',
      'weighted_pipeline',
      'pipeline_coverage',
      'sales_velocity',
      'quota_attainment',
      'activity_volume',
      'cramming_index',
      'process_adherence',
      'process_adherence_weighted',
    ]) {
      expect(ids).toContain(id);
    }
    expect(res.body.items.find((k: { id: string }) => k.id === 'win_rate')).toMatchObject({
      unit: 'ratio',
      basis: 'closed',
      measure: 'count',
      version: 1,
      formula: expect.stringContaining('won deals ÷ (won + lost deals)'),
    });
  });

  it('computes the worked example by hand for the workspace', async () => {
    const x = await workedExample(env());
    const get = async (id: string, q = Q4) => {
      const r = await x.w.as(x.w.admin).get(`/api/v1/kpis/${id}?${q}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    expect(await get('win_rate')).toMatchObject({
      value: 0.75,
      numerator: 3,
      denominator: 4,
      noData: null,
      definitionVersion: 1,
      scope: { kind: 'workspace' },
    });
    expect((await get('win_rate_value')).value).toBeCloseTo(100_000 / 120_000, 12);
    expect((await get('average_deal_size')).value).toBeCloseTo(100_000 / 3, 9);
    const cycle = await get('sales_cycle_length');
    expect(cycle.value).toBe(20);
    expect(cycle.mean).toBeCloseTo(86 / 3, 9);
    expect((await get('sales_cycle_length_mean')).value).toBeCloseTo(86 / 3, 9);
    expect((await get('pipeline_created')).value).toBe(100_000);
    expect((await get('open_pipeline')).value).toBe(30_000);
    expect(await get('weighted_pipeline')).toMatchObject({ value: 18_000, breakdown: [{ label: 'Proposal', value: 18_000, count: 1 }] });
    const stay = await get('time_in_stage');
    expect(stay.value).toBe(17.5);
    expect(stay.breakdown).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Qualify', value: 20, count: 5 }),
        expect.objectContaining({ label: 'Discovery', value: 15, count: 1 }),
      ]),
    );
    const conversion = await get('stage_conversion');
    expect(conversion).toMatchObject({ numerator: 4, denominator: 6 });
    expect(conversion.breakdown).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Qualify', numerator: 3, denominator: 4 }),
        expect.objectContaining({ label: 'Discovery', numerator: 1, denominator: 1 }),
        expect.objectContaining({ label: 'Proposal', numerator: 0, denominator: 1 }),
      ]),
    );
    expect((await get('stage_conversion', `${Q4}&stageId=${x.stage('Qualify')}`)).value).toBe(0.75);
    expect(await get('cramming_index')).toMatchObject({ value: 0, numerator: 0, denominator: 100_000 });
    expect(await get('activity_volume')).toMatchObject({ value: 0, noData: null });
    // Six moves; winning straight from Qualify or Discovery skips the stages between, as does
    // D3's jump to Proposal: only D1's move to Discovery and D2's loss adhere.
    expect(await get('process_adherence')).toMatchObject({ numerator: 2, denominator: 6 });
    expect((await get('sales_velocity')).value).toBeCloseTo((1 * (100_000 / 3) * 0.75) / (86 / 3), 9);
    expect(await get('quota_attainment')).toMatchObject({ value: null, numerator: 100_000, quota: null, noData: expect.stringContaining('No quota') });
  });

  it('answers as of a past date from the history', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const win = (await admin.get(`/api/v1/kpis/win_rate?${Q4}&asOf=2026-10-31`)).body;
    expect(win).toMatchObject({ value: 1, numerator: 2, denominator: 2, asOf: '2026-10-31T23:59:59.999Z' });
    expect((await admin.get(`/api/v1/kpis/open_pipeline?${Q4}&asOf=2026-10-31`)).body.value).toBe(90_000);
    expect((await admin.get(`/api/v1/kpis/win_rate?${Q4}&asOf=2026-09-30`)).body).toMatchObject({
      value: null,
      denominator: 0,
      noData: expect.stringContaining('No data'),
    });
    const records = (await admin.get(recordsPath(win.drill.numerator))).body.items;
    expect(records.map((r) => r.dealName).sort()).toEqual(['D1', 'D5']);
  });

  it('lists the records behind the numerator and the denominator, with the formula beside them', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const win = (await admin.get(`/api/v1/kpis/win_rate?${Q4}`)).body;
    expect(win.drill.numerator).toMatch(/^\/api\/v1\/kpis\/win_rate\/records\?.*part=numerator/);
    const won = (await admin.get(recordsPath(win.drill.numerator))).body;
    expect(won.kpi.formula).toBe(win.kpi.formula);
    expect(won.partLabel).toBe('Won deals');
    expect(won.items.map((r) => r.dealName).sort()).toEqual(['D1', 'D4', 'D5']);
    expect(won.items.find((r) => r.dealName === 'D4')).toMatchObject({
      ownerName: 'Cat',
      status: 'won',
      amount: 40_000,
      closeDate: '2026-11-20',
    });
    const closed = (await admin.get(recordsPath(win.drill.denominator!))).body.items;
    expect(closed.map((r) => r.dealName).sort()).toEqual(['D1', 'D2', 'D4', 'D5']);
    const stays = (await admin.get(`/api/v1/kpis/time_in_stage/records?${Q4}&group=${x.stage('Discovery')}`)).body.items;
    expect(stays).toEqual([expect.objectContaining({ dealName: 'D1', value: 15, detail: 'Discovery', recordType: 'stage_interval' })]);
    const moves = (await admin.get(`/api/v1/kpis/process_adherence/records?${Q4}&part=denominator`)).body.items;
    expect(moves).toHaveLength(6);
    expect(moves.find((m) => m.dealName === 'D3')).toMatchObject({ numerator: 0, detail: expect.stringContaining('Qualify → Proposal') });
    const coverage = await admin.get(`/api/v1/kpis/quota_attainment/records?${Q4}&part=denominator`);
    expect(coverage.status).toBe(400);
    expect(coverage.body.error?.details.fields[0]?.field).toBe('part');
  });

  it('lets a rep see only their own figures, a manager their teams, an admin everything, marketing none', async () => {
    const x = await workedExample(env());
    const marketer = await x.w.user('marketing');
    const value = async (user: typeof x.ann, q: string) => {
      const r = await x.w.as(user).get(`/api/v1/kpis/win_rate?${Q4}${q}`);
      return r.status === 200 ? r.body.value : r.status;
    };
    expect(await value(x.ann, '')).toBe(0.5);
    expect(await value(x.ann, `&scope=rep&scopeId=${x.ann.id}`)).toBe(0.5);
    expect(await value(x.ann, `&scope=rep&scopeId=${x.ben.id}`)).toBe(403);
    expect(await value(x.ann, `&scope=team&scopeId=${x.teamId}`)).toBe(403);
    expect(await value(x.ann, '&scope=workspace')).toBe(403);
    expect(await value(x.mia, '')).toBeCloseTo(2 / 3, 12);
    expect((await x.w.as(x.mia).get(`/api/v1/kpis/win_rate?${Q4}`)).body.scope).toMatchObject({ kind: 'team', id: x.teamId });
    expect(await value(x.mia, `&scope=team&scopeId=${x.subTeamId}`)).toBe(1);
    expect(await value(x.mia, `&scope=rep&scopeId=${x.cat.id}`)).toBe(1);
    expect(await value(x.mia, `&scope=rep&scopeId=${x.dan.id}`)).toBe(404);
    expect(await value(x.mia, '&scope=workspace')).toBe(403);
    expect(await value(x.w.admin, '')).toBe(0.75);
    expect(await value(x.w.admin, `&scope=rep&scopeId=${x.dan.id}`)).toBe(1);
    expect(await value(marketer, '')).toBe(403);
    expect((await x.w.as(x.ann).get(`/api/v1/kpis/win_rate/records?${Q4}&scope=rep&scopeId=${x.ben.id}`)).status).toBe(403);
    const mine = (await x.w.as(x.ann).get(`/api/v1/kpis/win_rate/records?${Q4}&part=denominator`)).body.items;
    expect(mine.map((r) => r.dealName).sort()).toEqual(['D1', 'D2']);
  });

  it('names the field of bad input and never answers 500', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const field = async (url: string) => {
      const r = await api.get(url);
      expect(r.status, url).toBe(400);
      return r.body.error!.details.fields[0]!.field;
    };
    expect(await field('/api/v1/kpis/win_rate?period=FY2026-Q5')).toBe('period');
    expect(await field('/api/v1/kpis/win_rate?period=2026-W53x')).toBe('period');
    expect(await field('/api/v1/kpis/win_rate?from=2026-01-01')).toBe('to');
    expect(await field('/api/v1/kpis/win_rate?from=2026-02-01&to=2026-01-01')).toBe('to');
    expect(await field('/api/v1/kpis/win_rate?from=2026-01-01&to=2026-02-01&period=FY2026')).toBe('period');
    expect(await field('/api/v1/kpis/win_rate?asOf=2027-01-01')).toBe('asOf');
    expect(await field('/api/v1/kpis/win_rate?asOf=yesterday')).toBe('asOf');
    expect(await field('/api/v1/kpis/win_rate?scope=everyone')).toBe('scope');
    expect(await field('/api/v1/kpis/win_rate?scope=team')).toBe('scopeId');
    expect(await field('/api/v1/kpis/win_rate?stageId=nope')).toBe('stageId');
    expect(await field('/api/v1/kpis/win_rate?pipelineId=nope')).toBe('pipelineId');
    expect(await field('/api/v1/kpis/win_rate/trend?period=FY2026&by=day')).toBe('by');
    expect(await field('/api/v1/kpis/win_rate/records?part=all')).toBe('part');
    expect(await field('/api/v1/kpis/win_rate/records?cursor=garbage')).toBe('cursor');
    expect((await api.get('/api/v1/kpis/no_such_kpi')).status).toBe(404);
    expect((await api.get('/api/v1/kpis/win_rate?scope=team&scopeId=nope')).status).toBe(404);
  });

  it('gives a trend per month of the fiscal year, each point the figure for that month', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const trend = (await admin.get('/api/v1/kpis/win_rate/trend?period=FY2026')).body;
    expect(trend.points).toHaveLength(12);
    const byMonth = Object.fromEntries(trend.points.map((p) => [p.period.key, [p.numerator, p.denominator]]));
    expect(byMonth['2026-10']).toEqual([2, 2]);
    expect(byMonth['2026-11']).toEqual([1, 2]);
    expect(trend.points[0]?.value).toBeNull();
    for (const p of trend.points) {
      const single = (await admin.get(`/api/v1/kpis/win_rate?period=${p.period.key}`)).body;
      expect(single.value).toBe(p.value);
    }
    const weekly = (await admin.get('/api/v1/kpis/pipeline_created/trend?period=FY2026-Q4&by=week')).body;
    expect(weekly.points.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(100_000);
    expect(weekly.points[0]?.period.key).toBe('2026-W40');
  });
});
