// The address of a measurement view: scope, period (a key or a from/to range) and as-of date ride
// in the query string, so every figure's link can be shared and opens the same numbers.
import type { KpiScope, PeriodInfo, ScopeKind } from '../../api/measurement';
import type { TargetScopeType } from '../../api/measurement-targets';
import type { UrlState } from '../app/url-state';

export interface MeasureQuery {
  scope?: ScopeKind | undefined;
  scopeId?: string | undefined;
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  pipelineId?: string | undefined;
  stageId?: string | undefined;
}

const SCOPES: readonly string[] = ['rep', 'team', 'workspace'];

/** What the URL asks for (anything left out is the server's default). */
export function measureQueryOf(url: UrlState): MeasureQuery {
  const scope = url.get('scope');
  return {
    scope: scope && SCOPES.includes(scope) ? (scope as ScopeKind) : undefined,
    scopeId: url.get('scopeId'),
    period: url.get('period'),
    from: url.get('from'),
    to: url.get('to'),
    asOf: url.get('asOf'),
    pipelineId: url.get('pipelineId'),
    stageId: url.get('stageId'),
  };
}

/** The query as the API answered it: the scope and period it resolved, the as-of date asked for. */
export function resolvedQuery(scope: KpiScope, period: PeriodInfo, asOf: string | undefined): MeasureQuery {
  return {
    ...(scope.kind === 'mine' ? {} : { scope: scope.kind, scopeId: scope.id ?? undefined }),
    ...(period.kind === 'custom' ? { from: period.from, to: period.to } : { period: period.key }),
    asOf,
  };
}

/** An expectation's scope as a KPI query scope. */
export function scopeOfTarget(type: TargetScopeType, id: string): MeasureQuery {
  return type === 'workspace' ? { scope: 'workspace' } : { scope: type === 'user' ? 'rep' : 'team', scopeId: id };
}

export function queryText(q: MeasureQuery & Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const text = p.toString();
  return text ? `?${text}` : '';
}

export const kpiLink = (id: string, q: MeasureQuery, extra: Record<string, string | undefined> = {}) =>
  `/kpis/${encodeURIComponent(id)}${queryText({ ...q, ...extra })}`;

export const dashboardLink = (q: MeasureQuery) => `/dashboard${queryText({ ...q })}`;
