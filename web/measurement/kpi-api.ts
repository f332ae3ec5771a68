// KPIs, the dashboard and expectations from the browser. Query keys start with 'measurement', so a
// changed expectation refreshes the dashboard too.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { DrillPart, KpiCatalogue, KpiDefinition, KpiRecordPage, KpiResult, KpiTrend, TrendStep } from '../../api/measurement';
import type { Dashboard, FunnelDashboard } from '../../api/measurement-dashboard';
import type { Expectation, ExpectationCreate, ExpectationList, ExpectationPatch } from '../../api/measurement-targets';
import { api } from '../app/api';
import type { MeasureQuery } from './kpi-links';

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

export function useExpectations(status: 'off_track' | undefined) {
  return useQuery<Expectation[]>({
    queryKey: ['measurement', 'expectations', status ?? 'all'],
    queryFn: ({ signal }) => api.get<ExpectationList>('/api/v1/expectations', { status }, { signal }).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** One expectation (the API lists them; there is no single read). */
export async function fetchExpectation(id: string): Promise<Expectation> {
  const { items } = await api.get<ExpectationList>('/api/v1/expectations');
  const found = items.find((e) => e.id === id);
  if (!found) throw Object.assign(new Error('This expectation no longer exists.'), { status: 404 });
  return found;
}

export function useExpectation(id: string | undefined) {
  return useQuery({
    queryKey: ['measurement', 'expectation', id],
    queryFn: () => fetchExpectation(id as string),
    enabled: Boolean(id),
  });
}

export const createExpectation = (body: ExpectationCreate) => api.post<Expectation>('/api/v1/expectations', body);
export const patchExpectation = (id: string, body: ExpectationPatch) => api.patch<Expectation>(`/api/v1/expectations/${id}`, body);
export const deleteExpectation = (id: string) => api.delete(`/api/v1/expectations/${id}`);

export const refreshMeasurement = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['measurement'] });

/** The parts of a figure that list records: numerator and denominator, or every record behind a median. */
export function drillParts(result: Pick<KpiResult, 'drill'>, kpi: KpiDefinition): { part: DrillPart; label: string }[] {
  const partOf = (path: string) => (new URLSearchParams(path.split('?')[1] ?? '').get('part') ?? 'numerator') as DrillPart;
  const first = partOf(result.drill.numerator);
  const parts = [{ part: first, label: kpi.numeratorLabel }];
  // A mean lists the same records on both sides (days over deals): one tab says it.
  if (result.drill.denominator && kpi.denominatorLabel && kpi.denominatorLabel !== kpi.numeratorLabel)
    parts.push({ part: partOf(result.drill.denominator), label: kpi.denominatorLabel });
  return parts;
}
