// KPIs and the dashboards. Query keys start with 'measurement', so a changed expectation
// (web/data/expectations) refreshes the dashboard too.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DrillPart, KpiCatalogue, KpiRecordPage, KpiResult, KpiTrend, TrendStep } from '../../../api/measurement';
import type { Dashboard, FunnelDashboard } from '../../../api/measurement-dashboard';
import { api } from '../../app/api';
import type { MeasureQuery } from '../../measurement/kpi-links';

type Params = Record<string, string | undefined>;

export function useDashboard(q: MeasureQuery) {
  const params: Params = { scope: q.scope, scopeId: q.scopeId, period: q.period, from: q.from, to: q.to, asOf: q.asOf };
  return useQuery({
    queryKey: ['measurement', 'dashboard', params],
    queryFn: ({ signal }) => api.get<Dashboard>('/api/v1/dashboard', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Marketing's funnel: the workspace in aggregates, for a period (no scope, no as-of). */
export function useFunnelDashboard(q: Pick<MeasureQuery, 'period' | 'from' | 'to'>) {
  const params: Params = { period: q.period, from: q.from, to: q.to };
  return useQuery({
    queryKey: ['measurement', 'funnel', params],
    queryFn: ({ signal }) => api.get<FunnelDashboard>('/api/v1/dashboard/funnel', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKpiCatalogue() {
  return useQuery({
    queryKey: ['measurement', 'catalogue'],
    queryFn: ({ signal }) => api.get<KpiCatalogue>('/api/v1/kpis', undefined, { signal }).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

export function useKpi(id: string, q: MeasureQuery) {
  const params = { ...q } as Params;
  return useQuery({
    queryKey: ['measurement', 'kpi', id, params],
    queryFn: ({ signal }) => api.get<KpiResult>(`/api/v1/kpis/${encodeURIComponent(id)}`, params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A KPI over a range (a fiscal year by month unless told otherwise). */
export function useKpiTrend(id: string, q: MeasureQuery, by: TrendStep, enabled = true) {
  const params = { ...q, by } as Params;
  return useQuery({
    queryKey: ['measurement', 'trend', id, params],
    queryFn: ({ signal }) => api.get<KpiTrend>(`/api/v1/kpis/${encodeURIComponent(id)}/trend`, params, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKpiRecords(id: string, q: MeasureQuery, part: DrillPart, group: string | undefined, cursor: string | undefined) {
  const params = { ...q, part, group, cursor, limit: '25' } as Params;
  return useQuery({
    queryKey: ['measurement', 'records', id, params],
    queryFn: ({ signal }) => api.get<KpiRecordPage>(`/api/v1/kpis/${encodeURIComponent(id)}/records`, params, { signal }),
    placeholderData: keepPreviousData,
  });
}
