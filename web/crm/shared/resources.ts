// Reading the core records. Query keys are [entity, 'list' | 'one', …] so a write can refresh
// every list and page of one entity at once.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export type Entity = 'accounts' | 'contacts' | 'deals' | 'activities';
export type ListParams = Record<string, string | number | boolean | undefined>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

export function useList<T>(entity: Entity, params: ListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [entity, 'list', params],
    queryFn: ({ signal }) => api.get<Page<T>>(`/api/v1/${entity}`, params, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useRecord<T>(entity: Entity, id: string | undefined) {
  return useQuery({
    queryKey: [entity, 'one', id],
    queryFn: ({ signal }) => api.get<T>(`/api/v1/${entity}/${id}`, undefined, { signal }),
    enabled: Boolean(id),
  });
}

/** After a write: lists, record pages and timelines of the entity may all show it. */
export async function refreshEntity(queryClient: QueryClient, ...entities: Entity[]): Promise<void> {
  await Promise.all([
    ...entities.map((e) => queryClient.invalidateQueries({ queryKey: [e] })),
    queryClient.invalidateQueries({ queryKey: ['timeline'] }),
    queryClient.invalidateQueries({ queryKey: ['home'] }),
    queryClient.invalidateQueries({ queryKey: ['board'] }),
  ]);
}
