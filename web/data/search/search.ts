// Global search (GET /api/v1/search): records of every type the caller may see, matched word by word.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { SearchResponse } from '../../../api/search';
import { api } from '../../app/api';

/** Results for a typed query; nothing is asked while the query is empty or the palette is closed. */
export function useSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<Static<typeof SearchResponse>>('/api/v1/search', { q, limit: 20 }, { signal }),
    enabled: enabled && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
