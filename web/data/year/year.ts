// The Year page: the harvest plan and its per-team overrides, the discipline index and cramming.
// Query keys start with 'year'; an override refreshes them all.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { CrammingByQuarter, DisciplineHeadline, DisciplineIndex } from '../../../api/discipline';
import type { HarvestOverride, HarvestOverrideList, HarvestOverrideSet, HarvestPlan } from '../../../api/harvest';
import { api } from '../../app/api';

export function useHarvestPlan(year: string | undefined) {
  return useQuery({
    queryKey: ['year', 'harvest', year ?? 'current'],
    queryFn: ({ signal }) => api.get<HarvestPlan>('/api/v1/harvest-plan', year ? { year } : {}, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHarvestOverrides(enabled: boolean) {
  return useQuery({
    queryKey: ['year', 'overrides'],
    queryFn: ({ signal }) => api.get<HarvestOverrideList>('/api/v1/harvest-overrides', undefined, { signal }),
    enabled,
  });
}

/**
 * By month (the Year page's default) or by ISO week; with a team, that team and each of its people;
 * with a person (userId), that person only.
 */
export function useDisciplineIndex(year: string, enabled: boolean, by: 'month' | 'week' = 'month', teamId?: string, userId?: string) {
  return useQuery({
    queryKey: ['year', 'discipline', year, by, teamId ?? '', userId ?? ''],
    queryFn: ({ signal }) =>
      api.get<DisciplineIndex>('/api/v1/discipline-index', { year, by, ...(userId ? { userId } : teamId ? { teamId } : {}) }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The headline of the caller's weekly index (Home): their own, their teams' or the workspace's and every team's. */
export function useDisciplineHeadline() {
  return useQuery({
    queryKey: ['year', 'discipline-headline', 'week'],
    queryFn: ({ signal }) => api.get<DisciplineHeadline>('/api/v1/discipline-index', { by: 'week', headline: 'true' }, { signal }),
    staleTime: 60_000,
  });
}

export function useCramming(year: string, enabled: boolean) {
  return useQuery({
    queryKey: ['year', 'cramming', year],
    queryFn: ({ signal }) => api.get<CrammingByQuarter>('/api/v1/cramming', { year }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const saveOverride = (teamId: string, body: HarvestOverrideSet) =>
  api.put<HarvestOverride>(`/api/v1/harvest-overrides/${encodeURIComponent(teamId)}`, body);

export const refreshYear = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['year'] });
