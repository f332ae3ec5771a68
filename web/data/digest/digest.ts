// The caller's weekly digest (GET /api/v1/rhythm/digest), computed by the server when asked: read
// only, so no writes or refreshes; it refetches when the window regains focus like every query.
import { useQuery } from '@tanstack/react-query';
import type { WeeklyDigestView } from '../../../api/digest';
import { api } from '../../app/api';

export function useWeeklyDigest() {
  return useQuery({
    queryKey: ['weekly-digest'],
    queryFn: ({ signal }) => api.get<WeeklyDigestView>('/api/v1/rhythm/digest', undefined, { signal }),
  });
}
