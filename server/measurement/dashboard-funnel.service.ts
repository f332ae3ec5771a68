// Marketing's dashboard: the funnel as far as deals go, for the whole workspace and in aggregates
// only — marketing sees no deal details (identity/policy.ts), so the KPI API, with its records,
// stays closed to it (scope.service.ts#assertSalesReader). The figures come from the catalogue, computed
// here for the workspace without the records; the breakdown by source and campaign is the
// drill-down marketing may open. Admins (the CSO) may look at it too.
import type { FunnelDashboard, FunnelQuery } from '../../api/measurement-dashboard.js';
import { boundsOf, type Period, periodContaining, periodsWithin } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';
import { funnelBy } from './dashboard.repo.js';
import { periodInfo, toDefinition } from './kpi.service.js';
import { computeKpi, figureNow } from './kpi-compute.service.js';
import { calendarOf, type KpiRequest, kpiById, resolvePeriod, todayIn } from './kpi-request.service.js';
import type { ResolvedScope } from './scope.service.js';

const FIGURES = ['pipeline_created', 'win_rate', 'won_amount'] as const;
const TRENDS = ['pipeline_created', 'won_amount'] as const;

export async function funnelDashboard(ctx: Ctx, q: FunnelQuery): Promise<FunnelDashboard> {
  if (ctx.actor.role !== 'marketing' && ctx.actor.role !== 'admin')
    throw forbidden('The funnel dashboard is for marketing and admins; sales roles have theirs');
  const ws = await calendarOf(ctx);
  const period = resolvePeriod(q, ws, todayIn(ctx, ws), 'quarter');
  const year = periodContaining('year', period.from, ws.fiscalYearStartMonth);
  const at = ctx.now();
  const scope: ResolvedScope = { kind: 'workspace', id: null, label: ws.name, ownerIds: null, target: { type: 'workspace', id: ws.id } };
  const monthly = (id: string, outer: Period, steps: Period[]): KpiRequest => ({
    kpi: kpiById(id),
    ws,
    scope,
    period: outer,
    buckets: steps.map((p) => ({ ...p, ...boundsOf(p, ws.timezone), period: p })),
    asOf: null,
    at,
    pipelineId: null,
    stageId: null,
  });

  const figures: FunnelDashboard['figures'] = [];
  for (const id of FIGURES) {
    const kpi = kpiById(id);
    const point = await figureNow(ctx, kpi, ws, scope, period);
    figures.push({
      kpi: toDefinition(kpi),
      value: point.value,
      numerator: point.numerator,
      denominator: point.denominator,
      count: point.count,
      noData: point.value === null ? (point.noData ?? 'No data') : null,
    });
  }
  const months = periodsWithin(year, 'month', ws.fiscalYearStartMonth);
  const trends: FunnelDashboard['trends'] = [];
  for (const id of TRENDS) {
    const req = monthly(id, year, months);
    const points = (await computeKpi(ctx, req, { breakdown: false })).points;
    trends.push({
      kpi: toDefinition(req.kpi),
      points: months.map((m, i) => ({ period: periodInfo(m), value: points[i]?.value ?? null, count: points[i]?.count ?? 0 })),
    });
  }
  const range = { workspaceId: ws.id, currency: ws.currency, ...boundsOf(period, ws.timezone) };
  const [bySource, byCampaign] = [await funnelBy(ctx.db, 'source', range), await funnelBy(ctx.db, 'campaign', range)];
  return {
    kind: 'marketing',
    period: periodInfo(period),
    year: periodInfo(year),
    currency: ws.currency,
    at: new Date(at).toISOString(),
    figures,
    trends,
    bySource,
    byCampaign,
  };
}
