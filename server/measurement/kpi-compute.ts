// Computes a catalogue KPI for a checked request: per bucket (one for a figure, several for a
// trend) and, when asked, per breakdown group. Simple KPIs are one SQL statement; composite ones
// are one statement per part, combined with the quota.
import type { Ctx } from '../context.js';
import type { KpiRequest } from './kpi-request.js';
import { factSums, type Sums } from './kpis/engine.repo.js';
import { EMPTY_SUMS, finishFigures, meanOf } from './kpis/finish.js';
import type { FactScope, Figures, SimpleKpi } from './kpis/types.js';
import { boundsOf, type Period } from './periods.js';
import { quotaFor, userQuotas } from './quota-lookup.js';

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

export function factScopeOf(req: KpiRequest): FactScope {
  return {
    workspaceId: req.ws.id,
    asOf: req.asOf,
    at: req.at,
    ownerIds: req.scope.ownerIds,
    pipelineId: req.pipelineId,
    currency: req.ws.currency,
    fiscalYearStartMonth: req.ws.fiscalYearStartMonth,
    buckets: req.buckets,
    stageId: req.stageId,
  };
}

function noDataText(kpi: SimpleKpi): string {
  const what = kpi.aggregate === 'median' ? kpi.meta.numeratorLabel : (kpi.meta.denominatorLabel ?? kpi.meta.numeratorLabel);
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

export async function computeKpi(ctx: Ctx, req: KpiRequest, options: { breakdown: boolean }): Promise<Computed> {
  const fs = factScopeOf(req);
  const kpi = req.kpi;
  if (kpi.kind === 'simple') {
    const points = await simplePoints(ctx, kpi, fs);
    let breakdown: GroupFigures[] | null = null;
    if (options.breakdown && kpi.meta.breakdown) {
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

/** The figure per owner over the request's whole period: the people comparison of a team dashboard. */
export async function computeByOwner(ctx: Ctx, req: KpiRequest): Promise<Map<string, Point>> {
  const fs = { ...factScopeOf(req), buckets: [mergedBucket(factScopeOf(req))] };
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
  const owners = new Set(byPart.flatMap((rows) => rows.map((r) => r.group).filter((g): g is string => g !== null)));
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
