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
    expect(cso.tiles.map((t: any) => t.kpi.id)).toContain('sales_velocity');
    const win = cso.tiles.find((t: any) => t.kpi.id === 'win_rate');
    expect(win).toMatchObject({ value: 0.75, drill: { numerator: expect.stringContaining('/api/v1/kpis/win_rate/records') } });
    expect(cso.trends.map((t: any) => [t.kpi.id, t.points.length])).toEqual([
      ['won_amount', 12],
      ['win_rate', 12],
      ['pipeline_created', 12],
    ]);
    expect(cso.trends[0].points.find((p: any) => p.period.key === '2026-10').value).toBe(60_000);
    expect(cso.pipelineByStage.breakdown).toEqual([expect.objectContaining({ label: 'Proposal', value: 30_000 })]);
    expect(cso.people.rows.map((r: any) => [r.name, r.values.won_amount])).toEqual([
      ['Dan', 50_000],
      ['Cat', 40_000],
      ['Ann', 10_000],
      ['Ben', 0],
    ]);
    expect(cso.people.rows.find((r: any) => r.name === 'Ann').values).toMatchObject({ quota_attainment: 0.5, win_rate: 0.5 });
    expect(cso.expectations).toHaveLength(1);

    const mia = (await x.w.as(x.mia).get('/api/v1/dashboard')).body;
    expect(mia).toMatchObject({ kind: 'manager', scope: { kind: 'team', id: x.teamId } });
    expect(mia.people.rows.map((r: any) => r.name).sort()).toEqual(['Ann', 'Ben', 'Cat']);
    expect(mia.expectations.map((e: any) => e.current.status)).toEqual(['amber']);

    const ann = (await x.w.as(x.ann).get('/api/v1/dashboard')).body;
    expect(ann).toMatchObject({ kind: 'rep', people: null, scope: { kind: 'rep', id: x.ann.id } });
    expect(ann.tiles.find((t: any) => t.kpi.id === 'quota_attainment')).toMatchObject({ value: 0.5, quota: 20_000 });
    expect(ann.expectations).toHaveLength(1);
    expect((await x.w.as(x.ann).get(`/api/v1/dashboard?scope=team&scopeId=${x.teamId}`)).status).toBe(403);
    expect((await x.w.as(x.w.admin).get(`/api/v1/dashboard?scope=rep&scopeId=${x.dan.id}`)).body.kind).toBe('rep');
  });

  it('shows every figure as it was known at an as-of date, and over a custom range', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    // On 31 October D1 and D5 were won, D4 still open and D2 not yet lost.
    const then = (await admin.get('/api/v1/dashboard?period=FY2026-Q4&asOf=2026-10-31')).body;
    expect(then.asOf).toMatch(/^2026-10-31T/);
    expect(then.tiles.find((t: any) => t.kpi.id === 'won_amount')).toMatchObject({ value: 60_000, asOf: then.asOf });
    expect(then.tiles.find((t: any) => t.kpi.id === 'win_rate')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(then.trends[0].asOf).toBe(then.asOf);
    expect(then.trends[0].points.find((p: any) => p.period.key === '2026-11').value).toBe(0);
    expect(then.people.rows.find((r: any) => r.name === 'Cat').values.won_amount).toBe(0);
    expect((await admin.get('/api/v1/dashboard')).body.asOf).toBeNull();

    const october = (await admin.get('/api/v1/dashboard?from=2026-10-01&to=2026-10-31')).body;
    expect(october.period).toMatchObject({ kind: 'custom', from: '2026-10-01', to: '2026-10-31' });
    expect(october.year.key).toBe('FY2026');
    expect(october.tiles.find((t: any) => t.kpi.id === 'won_amount').value).toBe(60_000);
    expect((await admin.get('/api/v1/dashboard?from=2026-10-01')).status).toBe(400);
    expect((await admin.get('/api/v1/dashboard?asOf=2099-01-01')).status).toBe(400);
  });
});
