// Expectations: the level a KPI should keep for a scope. They live under the 'measurement' query
// keys with the KPIs, so a changed expectation refreshes the dashboard and the KPI pages too.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { Expectation, ExpectationCreate, ExpectationList, ExpectationPatch } from '../../../api/measurement-targets';
import { api } from '../../app/api';

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
export const patchExpectation = (id: string, body: ExpectationPatch) => api.patch<Expectation>(`/api/v1/expectations/${encodeURIComponent(id)}`, body);
export const deleteExpectation = (id: string) => api.delete(`/api/v1/expectations/${encodeURIComponent(id)}`);

export const refreshMeasurement = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['measurement'] });
