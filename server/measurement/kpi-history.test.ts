// History properties: whatever happens after D leaves every figure as of D unchanged; and the same
// history on SQLite and PostgreSQL gives identical figures, trends and drill-downs.
import { expect, inject, it } from 'vitest';
import type { KpiResult } from '../../api/measurement.js';
import type { Dashboard } from '../../api/measurement-dashboard.js';
import { updateDealById } from '../crm/deals.service.js';
import { AppError } from '../errors.js';
import { createTestEnv, describeEngines, type TestEnv } from '../test/test-env.js';
import { CATALOGUE } from './kpis/registry.js';
import { type History, randomHistory, rng } from './testing/random-history.js';
import { recordsPath } from './testing/records-path.js';

const QUERIES = ['period=FY2026', 'period=2026-09', 'from=2026-06-15&to=2026-10-20'];

async function snapshot(h: History, asOf: string | null, scopes: string[]) {
  const admin = h.w.as(h.w.admin);
  const out: Record<string, unknown> = {};
  for (const k of CATALOGUE) {
    for (const q of QUERIES) {
      for (const scope of scopes) {
        const url = `/api/v1/kpis/${k.meta.id}?${q}&${scope}${asOf ? `&asOf=${asOf}` : ''}` as const;
        const r = await admin.get(url);
        expect(r.status, `${url} ${JSON.stringify(r.body)}`).toBe(200);
        const b = r.body;
        out[`${k.meta.id} ${q} ${scope}`] = {
          value: b.value,
          numerator: b.numerator,
          denominator: b.denominator,
          count: b.count,
          mean: b.mean,
          quota: b.quota,
          breakdown: b.breakdown?.map((g) => ({ ...g, key: g.label })),
        };
      }
    }
  }
  return out;
}

/**
 * A dashboard as of a date: its figures share one replay of the deals as of then (kpi-compute.service.ts
 * #withDealsAsOf). Everything but the expectations, whose status is judged now.
 */
async function dashboardSnapshot(h: History, asOf: string | null, scopes: string[]) {
  const admin = h.w.as(h.w.admin);
  const out: Record<string, Omit<Dashboard, 'expectations'>> = {};
  for (const scope of scopes) {
    const url = `/api/v1/dashboard?period=FY2026-Q3&${scope}${asOf ? `&asOf=${asOf}` : ''}` as const;
    const r = await admin.get(url);
    expect(r.status, `${url} ${JSON.stringify(r.body)}`).toBe(200);
    const { expectations: _judgedNow, ...figures } = r.body;
    out[scope] = figures;
  }
  return out;
}

/** The records behind each KPI's numerator (or median) as of a date, by deal name and figures. */
async function drillSnapshot(h: History, asOf: string | null) {
  const admin = h.w.as(h.w.admin);
  const out: Record<string, unknown> = {};
  for (const k of CATALOGUE) {
    const fig = (await admin.get(`/api/v1/kpis/${k.meta.id}?period=FY2026${asOf ? `&asOf=${asOf}` : ''}`)).body;
    const rows = (await admin.get(`${recordsPath(fig.drill.numerator)}&limit=200`)).body.items;
    out[k.meta.id] = rows
      .map((r) => [r.dealName, r.ownerName, r.stageName, r.status, r.amount, r.closeDate, r.numerator, r.denominator, r.value, r.detail, r.at])
      .sort((a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** A dashboard's figures without the ids each engine's run makes its own: stages and people by name. */
function comparable(d: Omit<Dashboard, 'expectations'>) {
  const figure = (r: KpiResult) => ({
    id: r.kpi.id,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    count: r.count,
    breakdown: r.breakdown?.map((g) => [g.label, g.value, g.count]).sort(),
  });
  return {
    asOf: d.asOf,
    tiles: d.tiles.map(figure),
    pipeline: [figure(d.pipelineByStage), figure(d.weightedByStage)],
    trends: d.trends.map((t) => [t.kpi.id, t.points.map((p) => [p.period.key, p.value, p.count])]),
    people: d.people!.rows.map((r) => [r.name, r.values]),
  };
}

const scopesOf = (h: History) => ['scope=workspace', `scope=team&scopeId=${h.teamId}`, `scope=rep&scopeId=${h.reps[1]?.id}`];

/** Rewrites the future: every live deal changes amount, close date, stage, owner or outcome; activities come and go. */
async function rewriteAfter(env: TestEnv, h: History) {
  const random = rng(99);
  const db = env.database.db;
  const deals = await db.selectFrom('deals').selectAll().where('workspace_id', '=', h.w.id).where('deleted_at', 'is', null).execute();
  const open = h.stages.filter((s) => s.kind === 'open');
  for (const d of deals) {
    env.clock.now += 3_600_000;
    const ctx = h.w.ctx(h.w.admin);
    const roll = random();
    const stage = open[Math.floor(random() * open.length)]?.id as string;
    const patch =
      roll < 0.2
        ? { amount: d.amount + 7000, closeDate: '2026-09-30' }
        : roll < 0.4
          ? { status: 'won' as const, closeDate: '2026-08-10' }
          : roll < 0.55
            ? { status: 'lost' as const, lostReason: 'Timing', closeDate: '2026-07-01' }
            : roll < 0.75
              ? { ownerId: h.reps[Math.floor(random() * h.reps.length)]?.id as string, stageId: stage === d.stage_id ? undefined : stage }
              : roll < 0.8
                ? null
                : { closeDate: '2026-06-20', currency: 'USD' };
    if (patch === null) {
      await h.w.as(h.w.admin).delete(`/api/v1/deals/${d.id}`);
      continue;
    }
    try {
      await updateDealById(ctx, d.id, { version: d.version, ...patch }, { via: 'form' });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'gate_blocked')) throw e;
      await updateDealById(ctx, d.id, { version: d.version, ...patch, overrideReason: 'Rewriting the future' }, { via: 'form' });
    }
  }
  await db.updateTable('activities').set({ deleted_at: env.clock.now }).where('workspace_id', '=', h.w.id).where('deleted_at', 'is', null).execute();
}

// Twice: with the replay in a temporary table once per request (the primary), and inline in every
// statement, as on a hot-standby replica that refuses temporary tables (KPI_AS_OF_INLINE forces it).
for (const inline of [false, true]) {
  describeEngines(
    inline ? 'KPIs as of a past date, replayed inline (as on a replica)' : 'KPIs as of a past date',
    { config: { kpiAsOfInline: inline } },
    (env) => {
      it('are unchanged by anything that happens afterwards', async () => {
        const h = await randomHistory(env(), 4242, { deals: 25, days: 120, start: '2026-06-01' });
        const asOf = '2026-08-20';
        const before = await snapshot(h, asOf, scopesOf(h));
        const nowBefore = await snapshot(h, null, scopesOf(h));
        const dashboardsBefore = await dashboardSnapshot(h, asOf, scopesOf(h));
        const drillsBefore = await drillSnapshot(h, asOf);
        await rewriteAfter(env(), h);
        const after = await snapshot(h, asOf, scopesOf(h));
        expect(after).toEqual(before);
        expect(await dashboardSnapshot(h, asOf, scopesOf(h))).toEqual(dashboardsBefore);
        expect(await drillSnapshot(h, asOf)).toEqual(drillsBefore);
        // A dashboard's tiles as of then are the KPI API's figures as of then.
        const cso = dashboardsBefore['scope=workspace']!.tiles;
        expect(cso.length).toBeGreaterThan(0);
        for (const tile of cso) {
          const alone = (await h.w.as(h.w.admin).get(`/api/v1/kpis/${tile.kpi.id}?period=FY2026-Q3&scope=workspace&asOf=${asOf}`)).body;
          expect({ id: tile.kpi.id, value: tile.value, count: tile.count }).toEqual({ id: tile.kpi.id, value: alone.value, count: alone.count });
        }
        // …while the present did change, so the test would notice a leak.
        expect(await snapshot(h, null, scopesOf(h))).not.toEqual(nowBefore);
      }, 240_000);
    },
  );
}

it.runIf(inject('pgUrl'))(
  'gives identical figures, trends and drill-downs on SQLite and PostgreSQL',
  async () => {
    const results: unknown[] = [];
    for (const engine of ['sqlite', 'postgres'] as const) {
      const env = await createTestEnv(engine);
      try {
        const h = await randomHistory(env, 777, { deals: 35, days: 160 });
        const admin = h.w.as(h.w.admin);
        const names = new Map<string | null, string>(h.reps.map((r) => [r.id, r.name] as [string, string]));
        const trends: Record<string, unknown> = {};
        const drills: Record<string, unknown> = {};
        for (const k of CATALOGUE) {
          trends[k.meta.id] = (await admin.get(`/api/v1/kpis/${k.meta.id}/trend?period=FY2026&by=month`)).body.points;
          const fig = (await admin.get(`/api/v1/kpis/${k.meta.id}?period=FY2026`)).body;
          const rows = (await admin.get(`${recordsPath(fig.drill.numerator)}&limit=200`)).body.items;
          drills[k.meta.id] = rows
            .map((r) => [r.dealName, names.get(r.ownerId) ?? r.ownerName, r.amount, r.closeDate, r.numerator, r.denominator, r.value, r.detail, r.at])
            .sort((a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        }
        results.push({
          figures: await snapshot(h, null, ['scope=workspace']),
          past: await snapshot(h, '2026-09-01', ['scope=workspace']),
          trends,
          drills,
          pastDrills: await drillSnapshot(h, '2026-09-01'),
          pastDashboard: comparable((await dashboardSnapshot(h, '2026-09-01', ['scope=workspace']))['scope=workspace']!),
        });
      } finally {
        await env.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
  },
  240_000,
);
