// A record's timeline (activities, field changes, stage moves, comments), newest first, paged.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Timeline } from '../../../api/timeline';
import { api } from '../../app/api';

export function useTimeline(entity: 'deals' | 'accounts' | 'contacts', id: string) {
  return useInfiniteQuery({
    queryKey: ['timeline', entity, id],
    queryFn: ({ pageParam, signal }) =>
      api.get<Timeline>(`/api/v1/${entity}/${encodeURIComponent(id)}/timeline`, { limit: 50, cursor: pageParam ?? undefined }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
