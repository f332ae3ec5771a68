// Computes a catalogue KPI for a checked request: per bucket (one for a figure, several for a
// trend) and, when asked, per breakdown group. Simple KPIs are one SQL statement; composite ones
// are one statement per part, combined with the quota.
import type { Kysely } from 'kysely';
import { boundsOf, type Period } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import type { KpiRequest } from './kpi-request.service.js';
import { createReplayedDeals, dropReplayedDeals, factSums, type Sums } from './kpis/engine.repo.js';
import { EMPTY_SUMS, finishFigures, meanOf } from './kpis/finish.js';
import { type FactScope, type Figures, isOrderStatistic, type SimpleKpi } from './kpis/types.js';
import { quotaFor, userQuotas } from './quota-lookup.service.js';

export interface Point extends Figures {
  noData: string | null;
  mean?: number | null;
  quota?: number | null;
}

export interface GroupFigures extends Figures {
  key: string;
}

export interface Computed {
  points: Point[];
  breakdown: GroupFigures[] | null;
}

/** The replayed deals of a request, filled once by withDealsAsOf and read on its connection. */
interface Replayed {
  db: Kysely<DB>;
  table: string;
}

const replayedKey = (workspaceId: string, asOf: number) => `kpi:replayed:${workspaceId}:${asOf}`;
let replayedTables = 0;

/**
 * Runs fn with the deals as of the instant replayed once, into a temporary table that every KPI
 * statement fn runs reads as its `da` (sql-blocks.ts#dealsAsOf). The replay is what makes a figure
 * as of a past date cost more than a live one; a dashboard asks two dozen statements as of the same
 * instant, and replayed each time they cost 15–30× the live dashboard (docs/performance.md).
 *
 * A temporary table belongs to its connection, so fn runs on one connection (or in the caller's
 * transaction), and the table is dropped when fn ends. Nested calls for the same instant on the
 * same connection reuse it. Live requests (asOf null) run fn as they are.
 *
 * On a hot standby (ctx.standby), which refuses temporary tables, or with KPI_AS_OF_INLINE, fn runs
 * as it is too: each statement replays the deals itself, the same SQL block as a CTE
 * (sql-blocks.ts#dealsAsOf), dearer per statement but needing no write.
 */
export async function withDealsAsOf<T>(ctx: Ctx, workspaceId: string, asOf: number | null, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (asOf === null || replaysInline(ctx)) return fn(ctx);
  const key = replayedKey(workspaceId, asOf);
  const known = ctx.memo.get(key) as Replayed | undefined;
  if (known?.db === ctx.db) return fn(ctx);
  const run = async (c: Ctx): Promise<T> => {
    replayedTables += 1;
    const table = `kpi_deals_as_of_${replayedTables}`;
    let failed = false;
    try {
      await createReplayedDeals(c.db, c.dialect, table, workspaceId, asOf);
      c.memo.set(key, { db: c.db, table } satisfies Replayed);
      return await fn(c);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      if (known) c.memo.set(key, known);
      else c.memo.delete(key);
      // After a failure inside a PostgreSQL transaction the drop fails too (and the rollback drops
      // the table): the first error is the one to report.
      await dropReplayedDeals(c.db, table).catch((error: unknown) => {
        if (!failed) throw error;
      });
    }
  };
  return ctx.db.isTransaction ? run(ctx) : ctx.db.connection().execute((db) => run({ ...ctx, db }));
}

/** As of a past date without a temporary table: on the replica, or forced by KPI_AS_OF_INLINE. */
export function replaysInline(ctx: Ctx): boolean {
  return ctx.standby === true || ctx.config.kpiAsOfInline;
}

/** The request's scope for the facts, with the replayed deals' table when ctx has one for its instant (null: replayed inline). */
export function factScopeOf(ctx: Ctx, req: KpiRequest): FactScope {
  const replayed = req.asOf === null ? undefined : (ctx.memo.get(replayedKey(req.ws.id, req.asOf)) as Replayed | undefined);
  return {
    workspaceId: req.ws.id,
    asOf: req.asOf,
    at: req.at,
    ownerIds: req.scope.ownerIds,
    pipelineId: req.pipelineId,
    currency: req.ws.currency,
    fiscalYearStartMonth: req.ws.fiscalYearStartMonth,
    timezone: req.ws.timezone,
    buckets: req.buckets,
    stageId: req.stageId,
    replayed: replayed?.db === ctx.db ? replayed.table : null,
    leadGroup: req.leadGroup ?? null,
    dealGroup: req.dealGroup ?? null,
  };
}

function noDataText(kpi: SimpleKpi): string {
  const what = isOrderStatistic(kpi.aggregate) ? kpi.meta.numeratorLabel : (kpi.meta.denominatorLabel ?? kpi.meta.numeratorLabel);
  return `No data: no ${what.toLowerCase()} in the period`;
}

/** Sums per bucket index; a snapshot KPI has one row that holds for every bucket. */
function byBucket(kpi: SimpleKpi, sums: Sums[], buckets: number): Sums[] {
  const out: Sums[] = [];
  for (let i = 0; i < buckets; i++) {
    const row = sums.find((s) => s.bucket === (kpi.snapshot ? 0 : i));
    out.push(row ?? { ...EMPTY_SUMS, bucket: i, group: null });
  }
  return out;
}

async function simplePoints(ctx: Ctx, kpi: SimpleKpi, fs: FactScope): Promise<Point[]> {
  const sums = byBucket(kpi, await factSums(ctx.db, ctx.dialect, kpi, fs, 'none'), fs.buckets.length);
  return sums.map((s) => {
    const f = finishFigures(kpi.aggregate, kpi.scale, s);
    return { ...f, noData: f.value === null ? noDataText(kpi) : null, ...(kpi.aggregate === 'median' ? { mean: meanOf(s, kpi.scale) } : {}) };
  });
}

export async function computeKpi(outer: Ctx, req: KpiRequest, options: { breakdown: boolean }): Promise<Computed> {
  return withDealsAsOf(outer, req.ws.id, req.asOf, (ctx) => computeKpiOn(ctx, req, options));
}

async function computeKpiOn(ctx: Ctx, req: KpiRequest, options: { breakdown: boolean }): Promise<Computed> {
  const fs = factScopeOf(ctx, req);
  const kpi = req.kpi;
  if (kpi.kind === 'simple') {
    const points = await simplePoints(ctx, kpi, fs);
    let breakdown: GroupFigures[] | null = null;
    // A lead KPI asked per lead group is broken down by that group instead of its own breakdown.
    if (options.breakdown && (kpi.meta.breakdown || fs.leadGroup || fs.dealGroup)) {
      const groups = await factSums(ctx.db, ctx.dialect, kpi, { ...fs, buckets: [mergedBucket(fs)] }, 'breakdown');
      breakdown = groups.filter((g) => g.group !== null).map((g) => ({ key: g.group as string, ...finishFigures(kpi.aggregate, kpi.scale, g) }));
    }
    return { points, breakdown };
  }

  const partNames = Object.keys(kpi.parts);
  const partPoints = await Promise.all(partNames.map((name) => simplePoints(ctx, kpi.parts[name] as SimpleKpi, fs)));
  const quotas = kpi.needsQuota
    ? await Promise.all(
        req.buckets.map((b) =>
          b.from === b.period.from && b.to === b.period.to ? quotaFor(ctx, req.scope, b.period, req.ws.fiscalYearStartMonth) : Promise.resolve(null),
        ),
      )
    : req.buckets.map(() => null);
  const points = req.buckets.map((_, i) => {
    const parts = Object.fromEntries(partNames.map((name, p) => [name, partPoints[p]?.[i] as Figures]));
    const quota = quotas[i] ?? null;
    return { ...kpi.combine(parts, quota), ...(kpi.needsQuota ? { quota } : {}) };
  });
  return { points, breakdown: null };
}

/** The whole range as one bucket (a breakdown is over the period, not per step). */
function mergedBucket(fs: FactScope): FactScope['buckets'][number] {
  const first = fs.buckets[0];
  const last = fs.buckets[fs.buckets.length - 1];
  if (!first || !last) throw new Error('no bucket');
  return { from: first.from, to: last.to, start: first.start, end: last.end };
}

/** One figure of a KPI for a scope and a whole period, as known now (expectations, forecast accuracy). */
export async function figureNow(ctx: Ctx, kpi: KpiRequest['kpi'], ws: KpiRequest['ws'], scope: KpiRequest['scope'], period: Period): Promise<Point> {
  const bounds = boundsOf(period, ws.timezone);
  const computed = await computeKpi(
    ctx,
    { kpi, ws, scope, period, buckets: [{ ...period, ...bounds, period }], asOf: null, at: ctx.now(), pipelineId: null, stageId: null },
    { breakdown: false },
  );
  return computed.points[0] as Point;
}

/**
 * The figure per owner over the request's whole period: the people comparison of a team dashboard.
 * `people` are owners who get a figure even without a single fact: a rep with a quota and nothing
 * won has attained 0 %, which is a figure, not an absence of one.
 */
export async function computeByOwner(outer: Ctx, req: KpiRequest, people: readonly string[] = []): Promise<Map<string, Point>> {
  return withDealsAsOf(outer, req.ws.id, req.asOf, (ctx) => computeByOwnerOn(ctx, req, people));
}

async function computeByOwnerOn(ctx: Ctx, req: KpiRequest, people: readonly string[]): Promise<Map<string, Point>> {
  const all = factScopeOf(ctx, req);
  const fs = { ...all, buckets: [mergedBucket(all)] };
  const kpi = req.kpi;
  const finish = (k: SimpleKpi, s: Sums): Point => {
    const f = finishFigures(k.aggregate, k.scale, s);
    return { ...f, noData: f.value === null ? noDataText(k) : null };
  };
  if (kpi.kind === 'simple') {
    const rows = await factSums(ctx.db, ctx.dialect, kpi, fs, 'owner');
    return new Map(rows.filter((r) => r.group !== null).map((r) => [r.group as string, finish(kpi, r)]));
  }
  const names = Object.keys(kpi.parts);
  const byPart = await Promise.all(names.map(async (n) => factSums(ctx.db, ctx.dialect, kpi.parts[n] as SimpleKpi, fs, 'owner')));
  const owners = new Set([...people, ...byPart.flatMap((rows) => rows.map((r) => r.group).filter((g): g is string => g !== null))]);
  const quotas = kpi.needsQuota ? await userQuotas(ctx, [...owners], req.period, req.ws.fiscalYearStartMonth) : new Map<string, number>();
  const out = new Map<string, Point>();
  for (const owner of owners) {
    const parts = Object.fromEntries(
      names.map((n, i) => {
        const row = byPart[i]?.find((r) => r.group === owner) ?? { ...EMPTY_SUMS, bucket: 0, group: owner };
        return [n, finish(kpi.parts[n] as SimpleKpi, row)];
      }),
    );
    const quota = quotas.get(owner) ?? null;
    out.set(owner, { ...kpi.combine(parts, quota), ...(kpi.needsQuota ? { quota } : {}) });
  }
  return out;
}
