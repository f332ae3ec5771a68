// The catalogue KPIs the Year page reads, asked through the KPI service for a scope and a list of
// periods (months of the year, its quarters) or one period: the figures are the catalogue's, never
// a copy of its SQL. Visibility is the caller's: these take scopes already checked.
import { boundsOf, type Period } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { computeKpi, figureNow, type Point } from '../measurement/kpi-compute.service.js';
import { kpiById, type WorkspaceCalendar } from '../measurement/kpi-request.service.js';
import type { ResolvedScope } from '../measurement/scope.service.js';

/** One figure per step (each step its own bucket), as known now. */
export async function kpiByPeriods(ctx: Ctx, kpiId: string, ws: WorkspaceCalendar, scope: ResolvedScope, steps: readonly Period[]): Promise<Point[]> {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!first || !last) return [];
  const outer: Period = { kind: 'custom', key: `${first.from}..${last.to}`, label: '', from: first.from, to: last.to };
  const computed = await computeKpi(
    ctx,
    {
      kpi: kpiById(kpiId),
      ws,
      scope,
      period: outer,
      buckets: steps.map((p) => ({ ...p, ...boundsOf(p, ws.timezone), period: p })),
      asOf: null,
      at: ctx.now(),
      pipelineId: null,
      stageId: null,
    },
    { breakdown: false },
  );
  return computed.points;
}

export function kpiFigure(ctx: Ctx, kpiId: string, ws: WorkspaceCalendar, scope: ResolvedScope, period: Period): Promise<Point> {
  return figureNow(ctx, kpiById(kpiId), ws, scope, period);
}
