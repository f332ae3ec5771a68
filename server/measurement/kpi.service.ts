// KPI use cases: the catalogue, a figure with its formula and drill-down links, a trend, and the
// records behind a part of a figure.
import type {
  KpiBreakdownItem,
  KpiCatalogue,
  KpiDefinition as KpiDefinitionDto,
  KpiQuery,
  KpiRecord,
  KpiRecordPage,
  KpiRecordsQuery,
  KpiResult,
  KpiTrend,
  KpiTrendQuery,
  PeriodInfo,
} from '../../api/measurement.js';
import type { Period } from '../../lib/periods.js';
import { listAgreements } from '../alignment/agreements.service.js';
import { listCampaigns } from '../alignment/campaigns.service.js';
import { coachingScopeOrNull } from '../coaching/coaching-scope.service.js';
import type { Ctx } from '../context.js';
import { decodeCursor, encodeCursor } from '../db/keyset.js';
import { forbidden, invalidField } from '../errors.js';
import { ownerScopeOrNull, scopeIncludes } from '../identity/visibility.js';
import { stagesById } from '../process/pipelines.service.js';
import { dealGroupLabel, resolveDealGroup } from './deal-group.service.js';
import { computeKpi, factScopeOf, withDealsAsOf } from './kpi-compute.service.js';
import { buildRequest, type KpiRequest, kpiById } from './kpi-request.service.js';
import { factRecords, type Part } from './kpis/engine.repo.js';
import { CATALOGUE } from './kpis/registry.js';
import { type DealGroup, isOrderStatistic, type KpiDefinition, type LeadGroup, type RecordType, type SimpleKpi } from './kpis/types.js';

export function toDefinition(kpi: KpiDefinition): KpiDefinitionDto {
  return { ...kpi.meta, composite: kpi.kind === 'composite' };
}

export function catalogue(): KpiCatalogue {
  return { items: CATALOGUE.map(toDefinition) };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const periodInfo = (p: Period): PeriodInfo => ({ kind: p.kind, key: p.key, label: p.label, from: p.from, to: p.to });

/** The query that names this request, for drill-down links and the web app's URLs. */
export function queryString(req: KpiRequest, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (req.scope.kind !== 'mine') params.set('scope', req.scope.kind);
  if (req.scope.id) params.set('scopeId', req.scope.id);
  if (req.period.kind === 'custom') {
    params.set('from', req.period.from);
    params.set('to', req.period.to);
  } else params.set('period', req.period.key);
  if (req.asOf !== null) params.set('asOf', new Date(req.asOf).toISOString());
  if (req.pipelineId) params.set('pipelineId', req.pipelineId);
  if (req.stageId) params.set('stageId', req.stageId);
  if (req.leadGroup) params.set('leadGroup', req.leadGroup);
  if (req.dealGroup) params.set('dealGroup', dealGroupText(req.dealGroup));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

const moneyUnit = (kpi: KpiDefinition) => kpi.meta.unit === 'money' || kpi.meta.unit === 'money_per_day';

const dealGroupText = (g: DealGroup) => (g.kind === 'account' ? `account.${g.column}` : `${g.entity}.custom.${g.key}`);

async function groupLabels(ctx: Ctx, kpi: KpiDefinition, leadGroup: LeadGroup | null, dealGroup: DealGroup | null): Promise<(key: string) => string> {
  if (dealGroup !== null) return dealGroupLabel;
  // A lead group's key is an id for campaigns and agreement versions: the label names it.
  if (leadGroup === 'campaign') {
    const names = new Map((await listCampaigns(ctx)).map((c) => [c.id, c.name]));
    return (key) => names.get(key) ?? (key === '(none)' ? 'No campaign' : key);
  }
  if (leadGroup === 'agreement') {
    const numbers = new Map((await listAgreements(ctx)).map((a) => [a.id, a.number]));
    return (key) => (numbers.has(key) ? `Agreement v${numbers.get(key)}` : key === '(none)' ? 'Not qualified' : key);
  }
  if (leadGroup !== null) return (key) => key;
  if (kpi.meta.breakdown === 'skill' || kpi.meta.breakdown === 'coachee_role') {
    // Skill keys and roles are snake_case words: "objection_handling" reads "Objection handling".
    return (key) => (key.charAt(0).toUpperCase() + key.slice(1)).replaceAll('_', ' ');
  }
  if (kpi.meta.breakdown === 'stage') {
    const stages = await stagesById(ctx);
    return (key) => stages.get(key)?.name ?? key;
  }
  return (key) => key.charAt(0).toUpperCase() + key.slice(1);
}

export async function kpiValue(ctx: Ctx, id: string, q: KpiQuery): Promise<KpiResult> {
  const kpi = kpiById(id);
  const { leadGroup, dealGroup, ...rest } = q;
  if (leadGroup !== undefined && kpi.meta.audience !== 'funnel') throw invalidField('leadGroup', `${kpi.meta.name} is not a lead KPI`);
  const req = {
    ...(await buildRequest(ctx, kpi, rest, { fallbackPeriod: 'quarter' })),
    leadGroup: leadGroup ?? null,
    dealGroup: await resolveDealGroup(ctx, kpi, dealGroup),
  };
  return resultOf(ctx, req);
}

/** The figure of a prepared request (expectations and dashboards build theirs directly). */
export async function resultOf(ctx: Ctx, req: KpiRequest): Promise<KpiResult> {
  const kpi = req.kpi;
  const computed = await computeKpi(ctx, req, { breakdown: true });
  const point = computed.points[0];
  if (!point) throw new Error('a figure has one point');
  const label = await groupLabels(ctx, kpi, req.leadGroup ?? null, req.dealGroup ?? null);
  const breakdown: KpiBreakdownItem[] | null = computed.breakdown
    ? computed.breakdown.map((g) => ({ key: g.key, label: label(g.key), value: g.value, numerator: g.numerator, denominator: g.denominator, count: g.count }))
    : null;
  const base = `/api/v1/kpis/${kpi.meta.id}/records`;
  const hasDenominator = kpi.kind === 'composite' ? kpi.drill.denominator !== null : kpi.meta.denominatorLabel !== null;
  const firstPart: Part = kpi.kind === 'simple' && isOrderStatistic(kpi.aggregate) ? 'records' : 'numerator';
  return {
    kpi: toDefinition(kpi),
    definitionVersion: kpi.meta.version,
    scope: { kind: req.scope.kind, id: req.scope.id, label: req.scope.label },
    period: periodInfo(req.period),
    asOf: iso(req.asOf),
    at: new Date(req.at).toISOString(),
    currency: moneyUnit(kpi) ? req.ws.currency : null,
    value: point.value,
    numerator: point.numerator,
    denominator: point.denominator,
    count: point.count,
    ...(point.mean !== undefined ? { mean: point.mean } : {}),
    ...(point.quota !== undefined ? { quota: point.quota } : {}),
    noData: point.value === null ? point.noData : null,
    breakdown,
    drill: {
      numerator: `${base}?${queryString(req, { part: firstPart })}`,
      denominator: hasDenominator ? `${base}?${queryString(req, { part: 'denominator' })}` : null,
    },
  };
}

export async function kpiTrend(ctx: Ctx, id: string, q: KpiTrendQuery): Promise<KpiTrend> {
  const kpi = kpiById(id);
  const { by = 'month', ...rest } = q;
  const req = await buildRequest(ctx, kpi, rest, { fallbackPeriod: 'year', by });
  const computed = await computeKpi(ctx, req, { breakdown: false });
  return {
    kpi: toDefinition(kpi),
    definitionVersion: kpi.meta.version,
    scope: { kind: req.scope.kind, id: req.scope.id, label: req.scope.label },
    period: periodInfo(req.period),
    by,
    asOf: iso(req.asOf),
    at: new Date(req.at).toISOString(),
    currency: moneyUnit(kpi) ? req.ws.currency : null,
    points: req.buckets.map((b, i) => {
      const p = computed.points[i];
      return {
        period: periodInfo(b.period),
        value: p?.value ?? null,
        numerator: p?.numerator ?? null,
        denominator: p?.denominator ?? null,
        count: p?.count ?? 0,
      };
    }),
  };
}

/** Which simple KPI and part list the records behind a part of a figure. */
function drillTarget(kpi: KpiDefinition, part: Part): { simple: SimpleKpi; part: Part; label: string } {
  if (kpi.kind === 'simple') {
    if (isOrderStatistic(kpi.aggregate)) return { simple: kpi, part: 'records', label: kpi.meta.numeratorLabel };
    if (part === 'records') return { simple: kpi, part: 'numerator', label: kpi.meta.numeratorLabel };
    if (part === 'denominator' && kpi.meta.denominatorLabel === null) throw invalidField('part', `${kpi.meta.name} has no denominator`);
    return { simple: kpi, part, label: part === 'denominator' ? (kpi.meta.denominatorLabel as string) : kpi.meta.numeratorLabel };
  }
  const name = part === 'denominator' ? kpi.drill.denominator : kpi.drill.numerator;
  if (name === null) throw invalidField('part', `the denominator of ${kpi.meta.name} is the quota; it has no records`);
  const simple = kpi.parts[name] as SimpleKpi;
  return {
    simple,
    part: simple.kind === 'simple' && isOrderStatistic(simple.aggregate) ? 'records' : 'numerator',
    label: part === 'denominator' ? (kpi.meta.denominatorLabel ?? '') : kpi.meta.numeratorLabel,
  };
}

const COACHING_RECORDS: ReadonlySet<RecordType> = new Set(['coaching_relationship', 'coaching_action_item', 'coaching_objective']);

/**
 * A coach reads a coachee's figures, not the deals behind them: the records need the caller's own
 * visibility over every owner of the scope (of deals; of leads for the funnel KPIs).
 */
async function assertReadsRecords(ctx: Ctx, ownerIds: readonly string[] | null, resource: 'deals' | 'leads'): Promise<void> {
  const scope = await ownerScopeOrNull(ctx, resource, 'read');
  const reads = scope !== null && (scope.all || ownerIds?.every((id) => scopeIncludes(scope, id)));
  if (!reads) throw forbidden('You see this figure as a coach; the records behind it are for those who read the deals');
}

export async function kpiRecords(ctx: Ctx, id: string, q: KpiRecordsQuery): Promise<KpiRecordPage> {
  const kpi = kpiById(id);
  const { part: askedPart = 'numerator', group, limit = 50, cursor, leadGroup, dealGroup, ...rest } = q;
  const req = {
    ...(await buildRequest(ctx, kpi, rest, { fallbackPeriod: 'quarter' })),
    leadGroup: leadGroup ?? null,
    dealGroup: await resolveDealGroup(ctx, kpi, dealGroup),
  };
  if (COACHING_RECORDS.has(drillTarget(kpi, askedPart).simple.records)) {
    // Coaching records (relationships, action items, objectives) are about the people of the scope,
    // whose figure the caller may see: a coach reads them for their coachees, without the deals.
    if ((await coachingScopeOrNull(ctx, 'read')) === null) throw forbidden('Your role has no coaching records');
  } else await assertReadsRecords(ctx, req.scope.ownerIds, kpi.meta.audience === 'funnel' ? 'leads' : 'deals');
  if (leadGroup !== undefined && kpi.meta.audience !== 'funnel') throw invalidField('leadGroup', `${kpi.meta.name} is not a lead KPI`);
  const target = drillTarget(kpi, askedPart);
  const order = `${id}:${target.part}:${leadGroup ?? ''}:${dealGroup ?? ''}`;
  const afterId = cursor ? decodeCursor(cursor, order)[1] : null;
  const rows = await withDealsAsOf(ctx, req.ws.id, req.asOf, (c) =>
    factRecords(c.db, c.dialect, target.simple, factScopeOf(c, req), target.part, group ?? null, { afterId, limit }),
  );
  const kept = rows.slice(0, limit);
  const scale = target.simple.scale;
  const items: KpiRecord[] = kept.map((r) => ({
    recordType: target.simple.records,
    recordId: r.record_id,
    dealId: r.deal_id,
    dealName: r.deal_name,
    ...(r.lead_id !== null || target.simple.meta.audience === 'funnel' ? { leadId: r.lead_id, leadName: r.lead_name || null } : {}),
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    stageName: r.stage_name,
    status: r.status,
    amount: r.amount,
    currency: r.currency,
    closeDate: r.close_date,
    createdAt: iso(r.created_at),
    closedAt: iso(r.closed_at),
    at: iso(r.at),
    detail: r.detail,
    group: r.grp,
    numerator: r.num === null ? null : r.num * scale,
    denominator: r.den,
    value: r.v === null ? null : r.v * scale,
  }));
  const last = kept[kept.length - 1];
  return {
    kpi: toDefinition(kpi),
    part: askedPart,
    partLabel: target.label,
    scope: { kind: req.scope.kind, id: req.scope.id, label: req.scope.label },
    period: periodInfo(req.period),
    asOf: iso(req.asOf),
    at: new Date(req.at).toISOString(),
    currency: moneyUnit(kpi) ? req.ws.currency : null,
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(0, last.record_id, order) : null,
  };
}
