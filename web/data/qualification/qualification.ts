// Qualification: the frameworks an admin defines (BANT, MEDDICC, …) and a deal's scores on them.
// Frameworks live under the 'process' key (an admin change refreshes with the process); a deal's
// scores under ['deals', 'qualification', id], next to its gate, which a score can satisfy.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { VersionedAction } from '../../../api/pipelines';
import type {
  DealQualification,
  DealQualificationPut,
  QualificationFramework,
  QualificationFrameworkCreate,
  QualificationFrameworkPatch,
} from '../../../api/qualification';
import { api } from '../../app/api';

const id = encodeURIComponent;

export function useFrameworks() {
  return useQuery({
    queryKey: ['process', 'frameworks'],
    queryFn: ({ signal }) => api.get<{ items: QualificationFramework[] }>('/api/v1/qualification-frameworks', undefined, { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export const createFramework = (body: QualificationFrameworkCreate) => api.post<QualificationFramework>('/api/v1/qualification-frameworks', body);
export const updateFramework = (frameworkId: string, body: QualificationFrameworkPatch) =>
  api.patch<QualificationFramework>(`/api/v1/qualification-frameworks/${id(frameworkId)}`, body);
export const retireFramework = (frameworkId: string, body: Pick<VersionedAction, 'version'>) =>
  api.post(`/api/v1/qualification-frameworks/${id(frameworkId)}/archive`, body);

const dealKey = (dealId: string) => ['deals', 'qualification', dealId];

export function useDealQualification(dealId: string) {
  return useQuery({
    queryKey: dealKey(dealId),
    queryFn: ({ signal }) => api.get<DealQualification>(`/api/v1/deals/${id(dealId)}/qualification`, undefined, { signal }),
  });
}

export const scoreDeal = (dealId: string, frameworkId: string, body: DealQualificationPut) =>
  api.put<DealQualification>(`/api/v1/deals/${id(dealId)}/qualification/${id(frameworkId)}`, body);

/** After scoring: the answer is the new scores; the gate and the timeline read again. */
export async function showDealScores(queryClient: QueryClient, dealId: string, saved: DealQualification): Promise<void> {
  queryClient.setQueryData(dealKey(dealId), saved);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['deals', 'gate', dealId] }),
    queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', dealId] }),
  ]);
}

/** Someone scored meanwhile: read theirs (and the gate it moves). */
export const refreshDealScores = (queryClient: QueryClient, dealId: string) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: dealKey(dealId) }), queryClient.invalidateQueries({ queryKey: ['deals', 'gate', dealId] })]);
