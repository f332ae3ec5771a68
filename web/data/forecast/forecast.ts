// The forecast. Query keys start with 'forecast', so a call or a category change refreshes every
// forecast view at once.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { ForecastAccuracy, ForecastCategory, ForecastView, Submission, SubmissionCreate } from '../../../api/measurement-forecast';
import { api } from '../../app/api';

export function useForecast(period: string | undefined, userId: string | undefined) {
  return useQuery({
    queryKey: ['forecast', 'view', period ?? null, userId ?? null],
    queryFn: ({ signal }) => api.get<ForecastView>('/api/v1/forecast', { period, userId }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every call of the period the reader may see (a manager: their people's; the CSO: everyone's). */
export function useAllSubmissions(period: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['forecast', 'submissions', period ?? null],
    queryFn: ({ signal }) => api.get<{ items: Submission[] }>('/api/v1/forecast/submissions', { period }, { signal }).then((r) => r.items),
    enabled: enabled && Boolean(period),
  });
}

export function useAccuracy(period: string | undefined) {
  return useQuery({
    queryKey: ['forecast', 'accuracy', period ?? null],
    queryFn: ({ signal }) => api.get<ForecastAccuracy>('/api/v1/forecast/accuracy', { period }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const submitCall = (body: SubmissionCreate) => api.post<Submission>('/api/v1/forecast/submissions', body);

export const setDealCategory = (dealId: string, category: ForecastCategory | null) =>
  api.put<{ dealId: string; category: ForecastCategory | null }>(`/api/v1/forecast/deals/${encodeURIComponent(dealId)}`, { category });

export const refreshForecast = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['forecast'] });
