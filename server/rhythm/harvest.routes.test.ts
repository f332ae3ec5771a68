// The harvest plan on the worked example (measurement/testing/worked-example.ts), figures by hand;
// overrides recorded with who/when/old value, audited, versioned; who may see and set what.
import { expect, it } from 'vitest';
import type { HarvestPlan, HarvestRow } from '../../api/harvest.js';
import { workedExample } from '../measurement/testing/worked-example.js';
import { describeEngines } from '../test/test-env.js';

const rowOf = (body: HarvestPlan, kind: HarvestRow['kind'], id: string) => {
  const row = body.rows.find((r) => r.kind === kind && r.id === id);
  if (!row) throw new Error(`no ${kind} row ${id} in the plan`);
  return row;
};

describeEngines('harvest plan', (env) => {
  it('works back from the quota with the team’s history, and shows planted and behind months', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    // Ann: 300 000 for the last quarter of FY2026 (the workspace's fiscal year is the calendar year).
    expect((await admin.put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: 300_000 }] })).status).toBe(
      200,
    );
    const res = await admin.get('/api/v1/harvest-plan?year=FY2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.year.key).toBe('FY2026');
    expect(res.body.formulas.map((f) => f.id)).toContain('needed');
    expect(res.body.mqlToOpportunity).toBeNull();
    expect(res.body.leadHistory.note).toMatch(/No lead history/);

    // Team T (Ann, Ben, Cat in T2, Mia): d1 and d4 won, d2 lost in the last 12 months → 2/3; deal
    // size (10 000 + 40 000) ÷ 2; cycle median of 19 and 47 days = 33 → one month ahead.
    const ann = rowOf(res.body, 'rep', x.ann.id);
    expect(ann.assumptions.teamId).toBe(x.teamId);
    expect(ann.assumptions.winRate).toMatchObject({ source: 'history', kpiId: 'win_rate' });
    expect(ann.assumptions.winRate.value).toBeCloseTo(2 / 3, 12);
    expect(ann.assumptions.averageDealSize.value).toBe(25_000);
    expect(ann.assumptions.cycleDays.value).toBeCloseTo(33, 6);
    const plan = ann.plan!;
    expect(plan.lagMonths).toBe(1);
    expect(plan.lastUsefulKey).toBe('2026-11');
    const month = (key: string) => plan.months.find((m) => m.key === key);
    // September plants for October: 100 000 ÷ ⅔ = 150 000; nothing planted then.
    expect(month('2026-09')).toMatchObject({ servesKey: '2026-10', state: 'done', planted: 0, behind: true, fixable: true });
    expect(month('2026-09')?.needed).toBeCloseTo(150_000, 6);
    expect(month('2026-09')?.neededDeals).toBeCloseTo(6, 9);
    // October: d1 (10 000) and d2 (20 000) created.
    expect(month('2026-10')).toMatchObject({ planted: 30_000, behind: true });
    expect(month('2026-11')).toMatchObject({ state: 'current', servesKey: '2026-12' });
    expect(month('2026-12')).toMatchObject({ useful: false, needed: 0, state: 'ahead', planted: null });
    expect(month('2026-08')).toMatchObject({ target: null, needed: 0, behind: false });
    expect(plan.neededBeforeYear).toBe(0);

    // The team row sums its members' targets (Ann only) and reads the team's own planting.
    const team = rowOf(res.body, 'team', x.teamId);
    expect(team.plan?.totalTarget).toBe(300_000);
    expect(team.canOverride).toBe(true);
    // Workspace: d5 too → 3/4 won, cycle median 20 days.
    const ws = rowOf(res.body, 'workspace', x.w.id);
    expect(ws.assumptions.winRate.value).toBeCloseTo(0.75, 12);
    // Ben has no quota: no plan, and the reason.
    expect(rowOf(res.body, 'rep', x.ben.id)).toMatchObject({ plan: null, problem: expect.stringMatching(/No quota/) });
  });

  it('records an override with who, when and the old value, audits it, and the plan uses it', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    await admin.put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: x.ann.id, periodKey: 'FY2026-Q4', amount: 300_000 }] });
    const first = await admin.put(`/api/v1/harvest-overrides/${x.teamId}`, { winRate: 0.5 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ teamId: x.teamId, teamName: expect.stringMatching(/^T\b/), winRate: 0.5, averageDealSize: null, version: 1 });
    expect(first.body.changes).toEqual([expect.objectContaining({ field: 'win_rate', oldValue: null, newValue: 0.5, version: 1, changedBy: x.w.admin.name })]);

    const plan = (await admin.get('/api/v1/harvest-plan?year=FY2026')).body;
    const ann = rowOf(plan, 'rep', x.ann.id);
    expect(ann.assumptions.winRate).toMatchObject({ value: 0.5, source: 'override' });
    expect(ann.assumptions.winRate.history).toBeCloseTo(2 / 3, 12);
    expect(ann.assumptions.overriddenBy).toBe(x.w.admin.name);
    expect(ann.plan?.months.find((m) => m.key === '2026-09')?.needed).toBeCloseTo(200_000, 6);

    // The manager of T changes it again from the version read; the old value is kept.
    const mia = x.w.as(x.mia);
    const second = await mia.put(`/api/v1/harvest-overrides/${x.teamId}`, { version: 1, winRate: 0.4, cycleDays: 70 });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.version).toBe(2);
    expect(second.body.changes.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'win_rate', oldValue: 0.5, newValue: 0.4, changedBy: expect.stringContaining('Mia Manager') }),
        expect.objectContaining({ field: 'cycle_days', oldValue: null, newValue: 70 }),
      ]),
    );
    // A stale version is refused.
    const again = await admin.put(`/api/v1/harvest-overrides/${x.teamId}`, { version: 1, winRate: 0.3 });
    expect(again.status).toBe(409);
    // Back to history with null.
    const cleared = await admin.put(`/api/v1/harvest-overrides/${x.teamId}`, { version: 2, winRate: null });
    expect(cleared.body.winRate).toBeNull();
    expect(rowOf((await admin.get('/api/v1/harvest-plan?year=FY2026')).body, 'rep', x.ann.id).assumptions.winRate.source).toBe('history');

    const audit = (await admin.get('/api/v1/audit-log?action=harvest.override_changed')).body.items;
    expect(audit.length).toBe(3);
    expect(audit.find((e) => e.actor?.id === x.mia.id)).toMatchObject({ targetType: 'team', targetId: x.teamId });
    expect((await mia.get('/api/v1/harvest-overrides')).body.items.map((o) => o.teamId)).toEqual([x.teamId]);
  });

  it('names the bad field, and keeps each role to what it may see and set', async () => {
    const x = await workedExample(env());
    const admin = x.w.as(x.w.admin);
    expect((await admin.get('/api/v1/harvest-plan?year=2026')).status).toBe(400);
    const bad = await admin.put(`/api/v1/harvest-overrides/${x.teamId}`, { winRate: 1.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toMatch(/winRate/);
    expect((await admin.put(`/api/v1/harvest-overrides/${x.teamId}`, {})).status).toBe(400);
    expect((await admin.put('/api/v1/harvest-overrides/01890000-0000-7000-8000-000000000000', { winRate: 0.3 })).status).toBe(404);

    // A rep sees their own plan only and sets nothing.
    const ann = x.w.as(x.ann);
    const mine = (await ann.get('/api/v1/harvest-plan?year=FY2026')).body;
    expect(mine.rows.map((r) => `${r.kind}:${r.id}`)).toEqual([`rep:${x.ann.id}`]);
    expect((await ann.put(`/api/v1/harvest-overrides/${x.teamId}`, { winRate: 0.3 })).status).toBe(403);
    expect((await ann.get('/api/v1/harvest-overrides')).status).toBe(403);
    // A manager sees the teams they manage (and below) and their reps, not the workspace or Dan.
    const rows = (await x.w.as(x.mia).get('/api/v1/harvest-plan?year=FY2026')).body.rows.map((r) => `${r.kind}:${r.id}`);
    expect(rows).toEqual(expect.arrayContaining([`team:${x.teamId}`, `team:${x.subTeamId}`, `rep:${x.ann.id}`, `rep:${x.cat.id}`]));
    expect(rows).not.toContain(`rep:${x.dan.id}`);
    expect(rows.some((r: string) => r.startsWith('workspace'))).toBe(false);
    // Another manager's team answers as a missing one.
    const otto = await x.w.user('manager', { name: 'Otto' });
    await x.w.team('Elsewhere', { managerId: otto.id });
    expect((await x.w.as(otto).put(`/api/v1/harvest-overrides/${x.teamId}`, { winRate: 0.3 })).status).toBe(404);
    const marketing = await x.w.user('marketing');
    expect((await x.w.as(marketing).get('/api/v1/harvest-plan')).status).toBe(403);
  });
});
