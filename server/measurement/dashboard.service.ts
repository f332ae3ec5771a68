// Role dashboards: the figures a rep, a manager and a CSO look at first, each from the catalogue
// with its formula and drill-down, over the period and the fiscal year around it.
import type { Dashboard, DashboardKind, DashboardQuery, PeopleRow } from '../../api/measurement-dashboard.js';
import { periodContaining } from '../../lib/periods.js';
import { subtreeIds } from '../../lib/team-tree.js';
import type { Ctx } from '../context.js';
import { listExpectations } from './expectations.service.js';
import { kpiTrend, periodInfo, resultOf, toDefinition } from './kpi.service.js';
import { computeByOwner, withDealsAsOf } from './kpi-compute.service.js';
import { buildRequest, calendarOf, kpiById } from './kpi-request.service.js';
import { loadOrg, resolveScope } from './scope.service.js';

// Managers and the CSO see whether coaching keeps its cadence next to the numbers it should move
// (issue #10: the coaching KPIs work in dashboards); a rep's own dashboard has no coaching figure
// of theirs to show (cadence is counted for the coach).
const TILES: Record<DashboardKind, readonly string[]> = {
  rep: ['won_amount', 'quota_attainment', 'pipeline_coverage', 'win_rate', 'average_deal_size', 'sales_cycle_length', 'activity_volume', 'process_adherence'],
  manager: [
    'won_amount',
    'quota_attainment',
    'pipeline_coverage',
    'win_rate',
    'weighted_pipeline',
    'sales_cycle_length',
    'process_adherence',
    'cramming_index',
    'coaching_cadence_kept',
  ],
  cso: [
    'won_amount',
    'quota_attainment',
    'pipeline_coverage',
    'win_rate',
    'sales_velocity',
    'average_deal_size',
    'sales_cycle_length',
    'cramming_index',
    'coaching_cadence_kept',
  ],
};
const TRENDS = ['won_amount', 'win_rate', 'pipeline_created'] as const;
const PEOPLE = ['won_amount', 'quota_attainment', 'win_rate', 'pipeline_created', 'process_adherence'] as const;

export async function dashboard(outer: Ctx, q: DashboardQuery): Promise<Dashboard> {
  const [ws, org] = await Promise.all([calendarOf(outer), loadOrg(outer)]);
  const scope = await resolveScope(outer, q, org);
  const kind: DashboardKind = scope.kind === 'rep' ? 'rep' : scope.kind === 'workspace' ? 'cso' : 'manager';
  const scopeQuery = { ...(scope.kind === 'mine' ? {} : { scope: scope.kind }), ...(scope.id ? { scopeId: scope.id } : {}) };
  const periodQuery = { ...(q.period ? { period: q.period } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  const options = { fallbackPeriod: 'quarter' as const, org };
  const first = await buildRequest(outer, kpiById('won_amount'), { ...scopeQuery, ...periodQuery, ...(q.asOf ? { asOf: q.asOf } : {}) }, options);
  // Every figure is as of the same instant (as of today is now: the instant of the first request),
  // and the deals as of then are replayed once for all of them: replayed per statement, a past
  // as-of date cost 15–30× the live dashboard (docs/performance.md).
  const asOfQuery = first.asOf === null ? {} : { asOf: new Date(first.asOf).toISOString() };
  return withDealsAsOf(outer, ws.id, first.asOf, async (ctx) => {
    const request = (id: string) => buildRequest(ctx, kpiById(id), { ...scopeQuery, ...periodQuery, ...asOfQuery }, options);
    const year = periodContaining('year', first.period.from, ws.fiscalYearStartMonth);
    const tiles = [];
    for (const id of TILES[kind]) tiles.push(await resultOf(ctx, await request(id)));
    const trends = [];
    for (const id of TRENDS) trends.push(await kpiTrend(ctx, id, { ...scopeQuery, period: year.key, by: 'month', ...asOfQuery }));
    const pipelineByStage = await resultOf(ctx, await request('open_pipeline'));
    const weightedByStage = await resultOf(ctx, await request('weighted_pipeline'));

    let people: Dashboard['people'] = null;
    if (kind !== 'rep') {
      const values = new Map<string, Record<string, number | null>>();
      // Every active rep in scope has a row, with or without figures; a sum over nothing is 0.
      const reps = org.users.filter((u) => u.role === 'rep' && !u.disabled && (scope.ownerIds === null || scope.ownerIds.includes(u.id))).map((u) => u.id);
      for (const id of PEOPLE) {
        const req = await request(id);
        const byOwner = await computeByOwner(ctx, req, reps);
        for (const [owner, point] of byOwner) values.set(owner, { ...(values.get(owner) ?? {}), [id]: point.value });
      }
      for (const u of reps) if (!values.has(u)) values.set(u, {});
      const emptyValue = (id: string) => {
        const k = kpiById(id);
        return k.kind === 'simple' && k.aggregate === 'sum' ? 0 : null;
      };
      const rows: PeopleRow[] = [...values.entries()]
        .map(([ownerId, v]) => ({
          ownerId,
          name: org.users.find((u) => u.id === ownerId)?.name ?? '(deleted user)',
          values: Object.fromEntries(PEOPLE.map((id) => [id, v[id] ?? emptyValue(id)])),
        }))
        .sort((a, b) => (b.values.won_amount ?? 0) - (a.values.won_amount ?? 0) || a.name.localeCompare(b.name));
      people = { kpis: PEOPLE.map((id) => toDefinition(kpiById(id))), rows };
    }

    // The expectations on this scope and inside it (its people and sub-teams), as far as the caller sees.
    const teams = scope.kind === 'team' && scope.id ? subtreeIds(org.teams, [scope.id]) : null;
    const onScope = (await listExpectations(ctx, {})).items.filter((e) => {
      if (scope.kind === 'workspace' || scope.kind === 'mine') return true;
      if (e.scopeType === 'user') return scope.ownerIds?.includes(e.scopeId) ?? false;
      return e.scopeType === 'team' && (teams?.has(e.scopeId) ?? false);
    });
    return {
      kind,
      scope: { kind: scope.kind, id: scope.id, label: scope.label },
      period: periodInfo(first.period),
      year: periodInfo(year),
      currency: ws.currency,
      asOf: first.asOf === null ? null : new Date(first.asOf).toISOString(),
      tiles,
      trends,
      pipelineByStage,
      weightedByStage,
      people,
      expectations: onScope,
    };
  });
}
