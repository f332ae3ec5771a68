// Turns a KPI query (scope, period or from/to, as-of, pipeline, stage) into a checked request in
// the workspace's calendar. Bad input is a 400 naming the field.
import type { KpiQuery, TrendStep } from '../../api/measurement.js';
import { addDays, startOfDay } from '../../lib/calendar.js';
import { boundsOf, customPeriod, type Period, type PeriodKind, parsePeriodKey, periodContaining, periodsWithin } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { calendarDate, isCalendarDate } from '../dates.js';
import { invalidField, notFound } from '../errors.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { listPipelines, stagesById } from '../process/pipelines.service.js';
import { findKpi } from './kpis/registry.js';
import type { Bucket, DealGroup, KpiDefinition, LeadGroup } from './kpis/types.js';
import { type Org, type ResolvedScope, resolveScope } from './scope.service.js';

export interface WorkspaceCalendar {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  fiscalYearStartMonth: number;
}

export interface KpiRequest {
  kpi: KpiDefinition;
  ws: WorkspaceCalendar;
  scope: ResolvedScope;
  period: Period;
  /** One bucket for a figure, one per step for a trend. */
  buckets: (Bucket & { period: Period })[];
  asOf: number | null;
  at: number;
  pipelineId: string | null;
  stageId: string | null;
  /** Lead KPIs: group (and drill) by a lead column instead of the KPI's breakdown. */
  leadGroup?: LeadGroup | null;
  /** Deal KPIs: group (and drill) by a field of the deal or its account instead of the KPI's breakdown. */
  dealGroup?: DealGroup | null;
}

/** Custom ranges longer than this are refused: a trend is the tool for long views. */
const MAX_RANGE_DAYS = 3 * 366;

export async function calendarOf(ctx: Ctx): Promise<WorkspaceCalendar> {
  const ws = await getWorkspace(ctx);
  return { id: ws.id, name: ws.name, currency: ws.currency, timezone: ws.timezone, fiscalYearStartMonth: ws.fiscalYearStartMonth };
}

export function kpiById(id: string): KpiDefinition {
  const kpi = findKpi(id);
  if (!kpi) throw notFound('KPI');
  return kpi;
}

export function todayIn(ctx: Ctx, ws: WorkspaceCalendar): string {
  return calendarDate(ctx.now(), ws.timezone);
}

/** The period asked for: a key, a from/to range, or the current period of `fallback`. */
export function resolvePeriod(
  q: Pick<KpiQuery, 'period' | 'from' | 'to'>,
  ws: WorkspaceCalendar,
  today: string,
  fallback: Exclude<PeriodKind, 'custom'>,
): Period {
  if (q.from !== undefined || q.to !== undefined) {
    if (q.period !== undefined) throw invalidField('period', 'give a period or from and to, not both');
    if (q.from === undefined) throw invalidField('from', 'is required with to');
    if (q.to === undefined) throw invalidField('to', 'is required with from');
    if (!isCalendarDate(q.from)) throw invalidField('from', 'is not a date');
    if (!isCalendarDate(q.to)) throw invalidField('to', 'is not a date');
    if (q.to < q.from) throw invalidField('to', 'is before from');
    if (q.to > addDays(q.from, MAX_RANGE_DAYS)) throw invalidField('to', 'the range may span three years at most');
    return customPeriod(q.from, q.to);
  }
  if (q.period !== undefined) {
    const p = parsePeriodKey(q.period, ws.fiscalYearStartMonth);
    if (!p) throw invalidField('period', 'is not a period: use FY2027, FY2027-Q1, 2026-11 or 2026-W48');
    return p;
  }
  return periodContaining(fallback, today, ws.fiscalYearStartMonth);
}

/** An as-of date is the end of that day in the workspace time zone; an instant is taken as is. */
export function parseAsOf(text: string | undefined, ws: WorkspaceCalendar, now: number): number | null {
  if (text === undefined || text === '') return null;
  if (isCalendarDate(text)) {
    // Today has not ended yet: as of today is as known now.
    if (text === calendarDate(now, ws.timezone)) return now;
    const at = startOfDay(addDays(text, 1), ws.timezone) - 1;
    if (at > now) throw invalidField('asOf', 'is in the future');
    return at;
  }
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) throw invalidField('asOf', 'is not a date (YYYY-MM-DD) or an ISO instant');
  if (at > now) throw invalidField('asOf', 'is in the future');
  return at;
}

export interface RequestOptions {
  fallbackPeriod: Exclude<PeriodKind, 'custom'>;
  /** Cut the period into steps of this kind (a trend). */
  by?: TrendStep;
  org?: Org;
}

const MAX_BUCKETS = 110;

export async function buildRequest(ctx: Ctx, kpi: KpiDefinition, q: KpiQuery, options: RequestOptions): Promise<KpiRequest> {
  const ws = await calendarOf(ctx);
  const now = ctx.now();
  const today = calendarDate(now, ws.timezone);
  const period = resolvePeriod(q, ws, today, options.fallbackPeriod);
  const asOf = parseAsOf(q.asOf, ws, now);
  const scope = await resolveScope(ctx, q, options.org, kpi.meta.audience);
  if (q.pipelineId !== undefined && !(await listPipelines(ctx)).some((p) => p.id === q.pipelineId)) throw invalidField('pipelineId', 'no such pipeline');
  if (q.stageId !== undefined) {
    const stage = (await stagesById(ctx)).get(q.stageId);
    if (!stage) throw invalidField('stageId', 'no such stage');
    if (q.pipelineId !== undefined && stage.pipeline_id !== q.pipelineId) throw invalidField('stageId', 'is not a stage of that pipeline');
  }
  const steps = options.by ? periodsWithin(period, options.by, ws.fiscalYearStartMonth) : [period];
  if (steps.length > MAX_BUCKETS) throw invalidField('by', `would make more than ${MAX_BUCKETS} points; pick a longer step`);
  const buckets = steps.map((p) => {
    // Steps are cut to the period (a week may straddle the start of a year).
    const cut = { ...p, from: [p.from, period.from].sort()[1] as string, to: [p.to, period.to].sort()[0] as string };
    return { ...cut, ...boundsOf(cut, ws.timezone), period: p };
  });
  return { kpi, ws, scope, period, buckets, asOf, at: asOf ?? now, pipelineId: q.pipelineId ?? null, stageId: q.stageId ?? null };
}
