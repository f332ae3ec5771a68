// Quotas. Query keys start with 'quotas'; any change refreshes them all.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { Quota, QuotaBatchResult, QuotaImportResult, QuotaList, TargetScopeType } from '../../../api/measurement-targets';
import { api, withQuery } from '../../app/api';

export function useQuotas(year: string) {
  return useQuery({
    queryKey: ['quotas', 'list', year],
    queryFn: ({ signal }) => api.get<QuotaList>('/api/v1/quotas', { year }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface QuotaScope {
  type: TargetScopeType;
  /** The workspace id for the workspace scope. */
  id: string;
  name: string;
}

/** The quota of one scope and period as it is now; null when there is none (any more). */
export async function fetchQuota(scope: QuotaScope, periodKey: string): Promise<Quota | null> {
  const list = await api.get<QuotaList>('/api/v1/quotas', { period: periodKey, scopeType: scope.type, scopeId: scope.id });
  return list.items[0] ?? null;
}

export const createQuota = (scope: QuotaScope, periodKey: string, amount: number) =>
  api.put<QuotaBatchResult>('/api/v1/quotas', {
    items: [{ scopeType: scope.type, ...(scope.type === 'workspace' ? {} : { scopeId: scope.id }), periodKey, amount }],
  });

export const patchQuota = (quota: Quota, amount: number) =>
  api.patch<Quota>(`/api/v1/quotas/${encodeURIComponent(quota.id)}`, { version: quota.version, amount });

export const removeQuota = (quota: Quota) => api.delete(`/api/v1/quotas/${encodeURIComponent(quota.id)}`);

/** dryRun checks every row and changes nothing; a real run is all or nothing. */
export const importQuotas = (csv: string, dryRun: boolean) => api.post<QuotaImportResult>('/api/v1/quotas/import', { csv, dryRun });

/** A link, not a fetch: the browser downloads the CSV with the session cookie. */
export const exportHref = (year: string) => withQuery('/api/v1/quotas/export.csv', { year });

export const refreshQuotas = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['quotas'] });
