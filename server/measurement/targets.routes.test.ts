// Quotas and expectations on the worked example (testing/worked-example.ts): quota-relative KPIs by
// hand, who may set and see what, CSV round trip, and expectation statuses and the off-track lists.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';
import { recordsPath } from './testing/records-path.js';
import { type WorkedExample, workedExample } from './testing/worked-example.js';

const Q4 = 'period=FY2026-Q4';

async function withQuotas(x: WorkedExample) {
  const res = await x.w.as(x.w.admin).put('/api/v1/quotas', {
    items: [
      { scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: 20_000 },
      { scopeType: 'user', scopeId: x.ben.id, periodKey: 'FY2026-Q4', amount: 40_000 },
      { scopeType: 'user', scopeId: x.cat.id, periodKey: '2026-10', amount: 10_000 },
      { scopeType: 'user', scopeId: x.cat.id, periodKey: '2026-11', amount: 10_000 },
      { scopeType: 'user', scopeId: x.cat.id, periodKey: '2026-12', amount: 10_000 },
      { scopeType: 'workspace', periodKey: 'FY2026-Q4', amount: 200_000 },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toEqual({ created: 6, updated: 0, removed: 0, unchanged: 0 });
}

describeEngines('quotas and expectations', (env) => {
  it('computes quota attainment and pipeline coverage from rep, team and workspace quotas', async () => {
    const x = await workedExample(env());
    await withQuotas(x);
    const admin = x.w.as(x.w.admin);
    const kpi = async (id: string, q: string) => (await admin.get(`/api/v1/kpis/${id}?${Q4}&${q}`)).body;
    expect(await kpi('quota_attainment', `scope=rep&scopeId=${x.ann.id}`)).toMatchObject({ value: 0.5, numerator: 10_000, denominator: 20_000, quota: 20_000 });
    // Team T has no quota of its own: Ann 20 000 + Ben 40 000 + Cat's three months 30 000.
    expect(await kpi('quota_attainment', `scope=team&scopeId=${x.teamId}`)).toMatchObject({ quota: 90_000, numerator: 50_000 });
    expect((await kpi('quota_attainment', `scope=team&scopeId=${x.teamId}`)).value).toBeCloseTo(50 / 90, 12);
    expect((await kpi('quota_attainment', `scope=team&scopeId=${x.subTeamId}`)).value).toBeCloseTo(40 / 30, 12);
    expect(await kpi('quota_attainment', 'scope=workspace')).toMatchObject({ value: 0.5, quota: 200_000 });
    expect(await kpi('quota_attainment', `scope=rep&scopeId=${x.dan.id}`)).toMatchObject({ value: null, quota: null });
    expect(await kpi('pipeline_coverage', 'scope=workspace')).toMatchObject({ value: 0.3, numerator: 30_000, denominator: 100_000 });
    expect(await kpi('pipeline_coverage', `scope=team&scopeId=${x.subTeamId}`)).toMatchObject({
      value: null,
      noData: expect.stringContaining('already reached'),
    });
    // A year needs all four quarters: Ann has only Q4.
    expect((await admin.get(`/api/v1/kpis/quota_attainment?period=FY2026&scope=rep&scopeId=${x.ann.id}`)).body.value).toBeNull();
    const records = (await admin.get(recordsPath((await kpi('pipeline_coverage', 'scope=workspace')).drill.denominator!))).body;
    expect(records.items.map((r) => r.dealName).sort()).toEqual(['D1', 'D4', 'D5']);
  });

  it('lets an admin set any quota and a manager those of the teams they run, shows each person the quotas of what they may see, and names bad fields', async () => {
    const x = await workedExample(env());
    await withQuotas(x);
    expect((await x.w.as(x.ann).put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: '2026-12', amount: 1 }] })).status).toBe(
      403,
    );
    const names = async (user: typeof x.ann) =>
      (await x.w.as(user).get('/api/v1/quotas?year=FY2026')).body.items
        .map((q: { scopeName: string; periodKey: string }) => `${q.scopeName} ${q.periodKey}`)
        .sort();
    expect(await names(x.ann)).toEqual(['Ann FY2026-Q4']);
    expect(await names(x.mia)).toEqual(['Ann FY2026-Q4', 'Ben FY2026-Q4', 'Cat 2026-10', 'Cat 2026-11', 'Cat 2026-12']);
    expect(await names(x.w.admin)).toHaveLength(6);
    expect(await names(x.dan)).toEqual([]);

    // Mia runs team T (and T2 below it): she sets its quotas and its people's, in one transaction.
    const mia = x.w.as(x.mia);
    const miaSets = await mia.put('/api/v1/quotas', {
      items: [
        { scopeType: 'team', scopeId: x.subTeamId, periodKey: 'FY2026-Q4', amount: 35_000 },
        { scopeType: 'user', scopeId: x.cat.id, periodKey: '2026-12', amount: 15_000 },
      ],
    });
    expect(miaSets.body).toEqual({ created: 1, updated: 1, removed: 0, unchanged: 0 });
    // Not Dan (no team of hers), not her own, not the workspace's: nothing of the batch is written.
    const beyond = await mia.put('/api/v1/quotas', {
      items: [
        { scopeType: 'user', scopeId: x.dan.id, periodKey: 'FY2026-Q4', amount: 1 },
        { scopeType: 'user', scopeId: x.mia.id, periodKey: 'FY2026-Q4', amount: 1 },
        { scopeType: 'workspace', periodKey: 'FY2026-Q4', amount: 1 },
        { scopeType: 'team', scopeId: x.teamId, periodKey: 'FY2026-Q4', amount: 100_000 },
      ],
    });
    expect(beyond.status).toBe(400);
    expect(beyond.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['items.0.scopeId', 'items.1.scopeId', 'items.2.scopeType']);
    expect((await mia.get(`/api/v1/quotas?scopeId=${x.teamId}`)).body.items).toEqual([]);
    const [benQuota] = (await mia.get(`/api/v1/quotas?scopeId=${x.ben.id}`)).body.items;
    expect((await mia.patch(`/api/v1/quotas/${benQuota!.id}`, { version: 1, amount: 45_000 })).body).toMatchObject({ amount: 45_000, version: 2 });
    const [wsQuota] = (await x.w.as(x.w.admin).get('/api/v1/quotas?scopeType=workspace')).body.items;
    expect((await mia.patch(`/api/v1/quotas/${wsQuota!.id}`, { version: 1, amount: 1 })).status).toBe(404);
    expect((await mia.delete(`/api/v1/quotas/${wsQuota!.id}`)).status).toBe(404);
    const [annQuota] = (await x.w.as(x.ann).get('/api/v1/quotas')).body.items;
    expect((await x.w.as(x.ann).patch(`/api/v1/quotas/${annQuota!.id}`, { version: 1, amount: 1 })).status).toBe(403);
    const bad = await x.w.as(x.w.admin).put('/api/v1/quotas', {
      items: [
        { scopeType: 'user', scopeId: x.ann.id, periodKey: '2026-W10', amount: 5 },
        { scopeType: 'team', periodKey: 'FY2026', amount: 5 },
        { scopeType: 'user', scopeId: 'nobody', periodKey: 'FY2026', amount: 5 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['items.0.periodKey', 'items.1.scopeId', 'items.2.scopeId']);
    const negative = await x.w.as(x.w.admin).put('/api/v1/quotas', { items: [{ scopeType: 'workspace', periodKey: 'FY2026', amount: -1 }] });
    expect(negative.body.error?.details.fields[0]?.field).toBe('items.0.amount');
    const [ann] = (await x.w.as(x.w.admin).get(`/api/v1/quotas?scopeId=${x.ann.id}`)).body.items;
    expect((await x.w.as(x.w.admin).patch(`/api/v1/quotas/${ann!.id}`, { version: 1, amount: 25_000 })).body).toMatchObject({ amount: 25_000, version: 2 });
    expect((await x.w.as(x.w.admin).patch(`/api/v1/quotas/${ann!.id}`, { version: 1, amount: 26_000 })).status).toBe(409);
    const removed = await x.w.as(x.w.admin).put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: null }] });
    expect(removed.body).toMatchObject({ removed: 1 });
  });

  it('exports quotas as CSV and imports them back, all or nothing, with line-numbered problems', async () => {
    const x = await workedExample(env());
    await withQuotas(x);
    const admin = x.w.as(x.w.admin);
    const exported = await admin.get('/api/v1/quotas/export.csv?year=FY2026');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const csv = String(exported.body);
    expect(csv).toContain(`user,${x.ann.email},Ann,FY2026-Q4,200.00,EUR`);
    expect((await admin.post('/api/v1/quotas/import', { csv })).body).toMatchObject({ ok: true, unchanged: 6, created: 0, updated: 0 });
    const edited = csv.replace(`${x.ann.email},Ann,FY2026-Q4,200.00`, `${x.ann.email},Ann,FY2026-Q4,"1,250.50"`);
    expect((await admin.post('/api/v1/quotas/import', { csv: edited, dryRun: true })).body).toMatchObject({ ok: true, updated: 1, unchanged: 5 });
    expect((await admin.get(`/api/v1/quotas?scopeId=${x.ann.id}`)).body.items[0]?.amount).toBe(20_000);
    expect((await admin.post('/api/v1/quotas/import', { csv: edited })).body).toMatchObject({ ok: true, updated: 1, unchanged: 5 });
    expect((await admin.get(`/api/v1/quotas?scopeId=${x.ann.id}`)).body.items[0]?.amount).toBe(125_050);

    const broken = [
      'scope_type,scope,period,amount',
      `user,${x.ben.email},FY2026-Q1,1000`,
      'user,nobody@example.test,FY2026-Q1,1000',
      'squad,T,FY2026-Q1,1000',
      `user,${x.ben.email},2026-W05,1000`,
      `user,${x.ben.email},FY2026-Q2,12.3456`,
      `user,${x.ben.email},FY2026-Q1,2000`,
    ].join('\n');
    const res = (await admin.post('/api/v1/quotas/import', { csv: broken })).body;
    expect(res.ok).toBe(false);
    expect(res.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'scope'],
      [4, 'scope_type'],
      [5, 'period'],
      [6, 'amount'],
      [7, 'period'],
    ]);
    expect((await admin.get(`/api/v1/quotas?scopeId=${x.ben.id}&period=FY2026-Q1`)).body.items).toEqual([]);
    expect((await admin.post('/api/v1/quotas/import', { csv: 'who,when\nx,y' })).body.problems[0]).toMatchObject({ line: 1, field: 'scope_type' });
    expect((await x.w.as(x.mia).post('/api/v1/quotas/import', { csv })).status).toBe(403);
  });

  it('judges expectations green, amber or red and lists the ones off track for each manager and the CSO', async () => {
    const x = await workedExample(env());
    await withQuotas(x);
    const admin = x.w.as(x.w.admin);
    const mia = x.w.as(x.mia);
    const create = async (api: typeof admin, body: Record<string, unknown>) => {
      const r = await api.post('/api/v1/expectations', body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    const ws = await create(admin, { kpiId: 'win_rate', scopeType: 'workspace', periodKind: 'quarter', target: 0.8, amberThreshold: 0.78, redThreshold: 0.5 });
    expect(ws).toMatchObject({ scopeName: expect.any(String), ownerId: x.w.admin.id, current: { status: 'amber', value: 0.75, period: { key: 'FY2026-Q4' } } });
    const ann = await create(mia, {
      kpiId: 'win_rate',
      scopeType: 'user',
      scopeId: x.ann.id,
      periodKind: 'quarter',
      target: 0.6,
      amberThreshold: 0.55,
      redThreshold: 0.4,
      ownerId: x.ann.id,
    });
    expect(ann.current).toMatchObject({ status: 'amber', value: 0.5 });
    // Team T won D1 in 19 days and D4 in 47: a median of 33 is worse than the red line of 30.
    const cycle = await create(mia, {
      kpiId: 'sales_cycle_length',
      scopeType: 'team',
      scopeId: x.teamId,
      periodKind: 'quarter',
      target: 20,
      amberThreshold: 25,
      redThreshold: 30,
    });
    expect(cycle.current).toMatchObject({ status: 'red', value: 33 });
    const ben = await create(admin, {
      kpiId: 'quota_attainment',
      scopeType: 'user',
      scopeId: x.ben.id,
      periodKind: 'quarter',
      periodKey: 'FY2026-Q4',
      target: 1,
      amberThreshold: 0.9,
      redThreshold: 0.6,
      ownerId: x.mia.id,
    });
    expect(ben.current).toMatchObject({ status: 'red', value: 0, projected: 0 });
    expect(ben.current.elapsed).toBeGreaterThan(0.6);
    const good = await create(admin, {
      kpiId: 'win_rate',
      scopeType: 'user',
      scopeId: x.dan.id,
      periodKind: 'quarter',
      target: 0.5,
      amberThreshold: 0.4,
      redThreshold: 0.3,
    });
    expect(good.current.status).toBe('green');

    const offTrack = async (api: typeof admin) => (await api.get('/api/v1/expectations?status=off_track')).body.items.map((e: { id: string }) => e.id);
    // Worst first; within a status in catalogue order (quota attainment before sales cycle length).
    expect(await offTrack(admin)).toEqual([ben.id, cycle.id, ws.id, ann.id]);
    expect(await offTrack(mia)).toEqual([ben.id, cycle.id, ann.id]);
    expect(await offTrack(x.w.as(x.ann))).toEqual([ann.id]);
    expect(await offTrack(x.w.as(x.dan))).toEqual([]);
    expect((await x.w.as(x.dan).get('/api/v1/expectations')).body.items.map((e: { id: string }) => e.id)).toEqual([good.id]);

    expect(
      (
        await mia.post('/api/v1/expectations', {
          kpiId: 'win_rate',
          scopeType: 'workspace',
          periodKind: 'quarter',
          target: 1,
          amberThreshold: 1,
          redThreshold: 1,
        })
      ).status,
    ).toBe(403);
    // Another team's person answers exactly like a person who does not exist: no existence oracle.
    const forScope = (scopeId: string) =>
      mia.post('/api/v1/expectations', { kpiId: 'win_rate', scopeType: 'user', scopeId, periodKind: 'quarter', target: 1, amberThreshold: 1, redThreshold: 1 });
    const outside = await forScope(x.dan.id);
    expect(outside.status).toBe(400);
    expect(outside.body.error?.details.fields[0]?.field).toBe('scopeId');
    const { requestId: _a, ...outsideError } = outside.body.error!;
    const { requestId: _b, ...missingError } = (await forScope('01890000-0000-7000-8000-000000000000')).body.error!;
    expect(outsideError).toEqual(missingError);
    expect(
      (
        await x.w.as(x.ann).post('/api/v1/expectations', {
          kpiId: 'win_rate',
          scopeType: 'user',
          scopeId: x.ann.id,
          periodKind: 'month',
          target: 1,
          amberThreshold: 1,
          redThreshold: 1,
        })
      ).status,
    ).toBe(403);
    const field = async (body: Record<string, unknown>) => {
      const r = await admin.post('/api/v1/expectations', {
        kpiId: 'win_rate',
        scopeType: 'workspace',
        periodKind: 'quarter',
        target: 0.5,
        amberThreshold: 0.4,
        redThreshold: 0.3,
        ...body,
      });
      expect(r.status).toBe(400);
      return r.body.error!.details.fields[0]!.field;
    };
    expect(await field({ amberThreshold: 0.6 })).toBe('amberThreshold');
    expect(await field({ redThreshold: 0.45 })).toBe('redThreshold');
    expect(await field({ kpiId: 'happiness' })).toBe('kpiId');
    expect(await field({ periodKey: '2026-11' })).toBe('periodKey');
    expect(await field({ scopeType: 'team' })).toBe('scopeId');
    expect(await field({ ownerId: 'nobody' })).toBe('ownerId');

    const patched = await admin.patch(`/api/v1/expectations/${ws.id}`, { version: 1, amberThreshold: 0.75 });
    expect(patched.body).toMatchObject({ version: 2, current: { status: 'green' } });
    expect((await admin.patch(`/api/v1/expectations/${ws.id}`, { version: 1, target: 0.9 })).status).toBe(409);
    expect((await mia.patch(`/api/v1/expectations/${ws.id}`, { version: 2, target: 0.9 })).status).toBe(404);
    expect((await mia.delete(`/api/v1/expectations/${cycle.id}`)).status).toBe(200);
    expect(await offTrack(mia)).toEqual([ben.id, ann.id]);
  });
});
