// Role dashboards on the worked example: each role gets its figures, trends, pipeline by stage,
// people compared and expectations, all agreeing with the KPI API.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';
import { workedExample } from './testing/worked-example.js';

describeEngines('dashboards', (env) => {
  it('gives the CSO, a manager and a rep their dashboards, consistent with the KPI API', async () => {
    const x = await workedExample(env());
    await x.w.as(x.w.admin).put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: 20_000 }] });
    await x.w.as(x.mia).post('/api/v1/expectations', {
      kpiId: 'win_rate',
      scopeType: 'user',
      scopeId: x.ann.id,
      periodKind: 'quarter',
      target: 0.6,
      amberThreshold: 0.55,
      redThreshold: 0.4,
    });

    const cso = (await x.w.as(x.w.admin).get('/api/v1/dashboard')).body;
    expect(cso).toMatchObject({ kind: 'cso', scope: { kind: 'workspace' }, period: { key: 'FY2026-Q4' }, year: { key: 'FY2026' }, currency: 'EUR' });
    expect(cso.tiles.map((t) => t.kpi.id)).toContain('sales_velocity');
    const win = cso.tiles.find((t) => t.kpi.id === 'win_rate');
    expect(win).toMatchObject({ value: 0.75, drill: { numerator: expect.stringContaining('/api/v1/kpis/win_rate/records') } });
    expect(cso.trends.map((t) => [t.kpi.id, t.points.length])).toEqual([
      ['won_amount', 12],
      ['win_rate', 12],
      ['pipeline_created', 12],
    ]);
    expect(cso.trends[0]?.points.find((p) => p.period.key === '2026-10')?.value).toBe(60_000);
    expect(cso.pipelineByStage.breakdown).toEqual([expect.objectContaining({ label: 'Proposal', value: 30_000 })]);
    expect(cso.people?.rows.map((r) => [r.name, r.values.won_amount])).toEqual([
      ['Dan', 50_000],
      ['Cat', 40_000],
      ['Ann', 10_000],
      ['Ben', 0],
    ]);
    expect(cso.people?.rows.find((r) => r.name === 'Ann')?.values).toMatchObject({ quota_attainment: 0.5, win_rate: 0.5 });
    expect(cso.expectations).toHaveLength(1);

    const mia = (await x.w.as(x.mia).get('/api/v1/dashboard')).body;
    expect(mia).toMatchObject({ kind: 'manager', scope: { kind: 'team', id: x.teamId } });
    expect(mia.people?.rows.map((r) => r.name).sort()).toEqual(['Ann', 'Ben', 'Cat']);
    expect(mia.expectations.map((e) => e.current.status)).toEqual(['amber']);

    const ann = (await x.w.as(x.ann).get('/api/v1/dashboard')).body;
    expect(ann).toMatchObject({ kind: 'rep', people: null, scope: { kind: 'rep', id: x.ann.id } });
    expect(ann.tiles.find((t) => t.kpi.id === 'quota_attainment')).toMatchObject({ value: 0.5, quota: 20_000 });
    expect(ann.expectations).toHaveLength(1);
    expect((await x.w.as(x.ann).get(`/api/v1/dashboard?scope=team&scopeId=${x.teamId}`)).status).toBe(403);
    expect((await x.w.as(x.w.admin).get(`/api/v1/dashboard?scope=rep&scopeId=${x.dan.id}`)).body.kind).toBe('rep');
  });

  it('shows 0 % attainment, not "no data", for a rep with a quota and nothing won; no data only without a quota', async () => {
    const x = await workedExample(env());
    await x.w.as(x.w.admin).put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ben.id, periodKey: 'FY2026-Q4', amount: 40_000 }] });
    const cso = (await x.w.as(x.w.admin).get('/api/v1/dashboard')).body;
    const row = (name: string) => cso.people!.rows.find((r) => r.name === name)!.values;
    expect(row('Ben')).toMatchObject({ won_amount: 0, quota_attainment: 0 });
    expect(row('Dan').quota_attainment).toBeNull();
    const ben = (await x.w.as(x.ben).get('/api/v1/dashboard')).body;
    expect(ben.tiles.find((t) => t.kpi.id === 'quota_attainment')).toMatchObject({ value: 0, quota: 40_000, noData: null });
  });

  it('shows every figure as it was known at an as-of date, and over a custom range', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    // On 31 October D1 and D5 were won, D4 still open and D2 not yet lost.
    const then = (await admin.get('/api/v1/dashboard?period=FY2026-Q4&asOf=2026-10-31')).body;
    expect(then.asOf).toMatch(/^2026-10-31T/);
    expect(then.tiles.find((t) => t.kpi.id === 'won_amount')).toMatchObject({ value: 60_000, asOf: then.asOf });
    expect(then.tiles.find((t) => t.kpi.id === 'win_rate')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(then.trends[0]?.asOf).toBe(then.asOf);
    expect(then.trends[0]?.points.find((p) => p.period.key === '2026-11')?.value).toBe(0);
    expect(then.people?.rows.find((r) => r.name === 'Cat')?.values.won_amount).toBe(0);
    expect((await admin.get('/api/v1/dashboard')).body.asOf).toBeNull();

    const october = (await admin.get('/api/v1/dashboard?from=2026-10-01&to=2026-10-31')).body;
    expect(october.period).toMatchObject({ kind: 'custom', from: '2026-10-01', to: '2026-10-31' });
    expect(october.year.key).toBe('FY2026');
    expect(october.tiles.find((t) => t.kpi.id === 'won_amount')?.value).toBe(60_000);
    expect((await admin.get('/api/v1/dashboard?from=2026-10-01')).status).toBe(400);
    expect((await admin.get('/api/v1/dashboard?asOf=2099-01-01')).status).toBe(400);
  });
});

describeEngines('the funnel dashboard (marketing)', (env) => {
  it('gives marketing the funnel in aggregates, by source and campaign, and keeps deal figures and records closed', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    const tag = async (id: string, fields: Record<string, string>) => {
      const deal = (await admin.get(`/api/v1/deals/${id}`)).body;
      expect((await admin.patch(`/api/v1/deals/${id}`, { version: deal.version, ...fields })).status).toBe(200);
    };
    await tag(x.deals.d1, { source: 'Webinar', campaign: 'Autumn launch' });
    await tag(x.deals.d2, { source: 'Webinar' });
    await tag(x.deals.d3, { source: 'Referral' });
    const marketer = await x.w.user('marketing', { name: 'Mo Marketing' });
    const mo = x.w.as(marketer);

    const res = await mo.get('/api/v1/dashboard/funnel');
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f).toMatchObject({ kind: 'marketing', period: { key: 'FY2026-Q4' }, year: { key: 'FY2026' }, currency: 'EUR' });
    // The catalogue's figures for the workspace: D1–D4 created in Q4; D1, D4, D5 won and D2 lost.
    const figure = (id: string) => f.figures.find((g) => g.kpi.id === id);
    expect(figure('pipeline_created')).toMatchObject({ value: 100_000, count: 4, kpi: { formula: expect.stringContaining('Σ amount') } });
    expect(figure('win_rate')).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(figure('won_amount')).toMatchObject({ value: 100_000 });
    // The same figures as the KPI API gives an admin.
    expect((await admin.get('/api/v1/kpis/pipeline_created?period=FY2026-Q4')).body.value).toBe(100_000);
    expect(f.trends.map((t) => [t.kpi.id, t.points.length])).toEqual([
      ['pipeline_created', 12],
      ['won_amount', 12],
    ]);
    expect(f.trends[0]?.points.find((p) => p.period.key === '2026-09')).toMatchObject({ value: 50_000, count: 1 });

    // By source: the groups add up to pipeline created; "won" and "lost" are what became of them.
    expect(f.bySource).toEqual([
      { key: null, created: 1, createdAmount: 40_000, won: 1, wonAmount: 40_000, lost: 0 },
      { key: 'Referral', created: 1, createdAmount: 30_000, won: 0, wonAmount: 0, lost: 0 },
      { key: 'Webinar', created: 2, createdAmount: 30_000, won: 1, wonAmount: 10_000, lost: 1 },
    ]);
    expect(f.bySource.reduce((s, g) => s + g.createdAmount, 0)).toBe(figure('pipeline_created')!.value);
    expect(f.byCampaign.find((g) => g.key === 'Autumn launch')).toMatchObject({ created: 1, won: 1 });
    // Aggregates only: no deal id or name anywhere in the answer.
    const text = JSON.stringify(f);
    for (const id of Object.values(x.deals)) expect(text).not.toContain(id);
    expect(text).not.toMatch(/"D[1-5]"/);

    // A custom range, and a bad one.
    const sept = (await mo.get('/api/v1/dashboard/funnel?from=2026-09-01&to=2026-09-30')).body;
    expect(sept.figures.find((g) => g.kpi.id === 'pipeline_created')).toMatchObject({ value: 50_000, count: 1 });
    expect((await mo.get('/api/v1/dashboard/funnel?from=2026-09-01')).status).toBe(400);

    // Deal figures and their records stay closed to marketing; sales roles have their own dashboards.
    expect((await mo.get('/api/v1/dashboard')).status).toBe(403);
    expect((await mo.get('/api/v1/kpis/win_rate/records')).status).toBe(403);
    expect((await x.w.as(x.mia).get('/api/v1/dashboard/funnel')).status).toBe(403);
    expect((await x.w.as(x.ann).get('/api/v1/dashboard/funnel')).status).toBe(403);
    expect((await admin.get('/api/v1/dashboard/funnel')).status).toBe(200);
  });
});
