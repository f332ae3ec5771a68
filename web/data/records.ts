// The four core CRM records (accounts, contacts, deals, activities) read the same way: a keyset
// page of a list, one record by id, a picker's search. The record type follows from the entity
// name, so a caller cannot name a wrong response type. Query keys are [entity, 'list' | 'one', …]
// so a write refreshes every list and page of an entity at once (refreshRecords).
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { Account, AccountCreate, AccountPatch } from '../../api/accounts';
import type { Activity, ActivityCreate, ActivityPatch } from '../../api/activities';
import type { Contact, ContactCreate, ContactPatch } from '../../api/contacts';
import type { Deal, DealCreate, DealPatch } from '../../api/deals';
import { api, withQuery } from '../app/api';

export interface RecordOf {
  accounts: Account;
  contacts: Contact;
  deals: Deal;
  activities: Activity;
}
export type Entity = keyof RecordOf;
interface BodyOf {
  accounts: { create: AccountCreate; patch: AccountPatch };
  contacts: { create: ContactCreate; patch: ContactPatch };
  deals: { create: DealCreate; patch: DealPatch };
  activities: { create: ActivityCreate; patch: ActivityPatch };
}
export type ListParams = Record<string, string | number | boolean | undefined>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE = 50;

const path = (entity: Entity, id?: string) => (id === undefined ? `/api/v1/${entity}` : `/api/v1/${entity}/${encodeURIComponent(id)}`);

export function useList<E extends Entity>(entity: E, params: ListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [entity, 'list', params],
    queryFn: ({ signal }) => api.get<Page<RecordOf[E]>>(path(entity), params, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A picker's options: the server searches (q), so it works for a workspace with a million records. */
export function useRecordSearch<E extends Entity>(entity: E, q: string, params: ListParams = {}) {
  return useQuery({
    queryKey: [entity, 'list', { picker: true, q, ...params }],
    queryFn: ({ signal }) => api.get<Page<RecordOf[E]>>(path(entity), { q: q || undefined, limit: 20, ...params }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export const fetchRecord = <E extends Entity>(entity: E, id: string) => api.get<RecordOf[E]>(path(entity, id));

export function useRecord<E extends Entity>(entity: E, id: string | null | undefined) {
  return useQuery({
    queryKey: [entity, 'one', id],
    queryFn: ({ signal }) => api.get<RecordOf[E]>(path(entity, id as string), undefined, { signal }),
    enabled: Boolean(id),
  });
}

export const createRecord = <E extends Entity>(entity: E, body: BodyOf[E]['create']) => api.post<RecordOf[E]>(path(entity), body);
/** A PATCH carries the version the person read; a newer one on the server answers 409 stale. */
export const patchRecord = <E extends Entity>(entity: E, id: string, body: BodyOf[E]['patch']) => api.patch<RecordOf[E]>(path(entity, id), body);
export const deleteRecord = (entity: Entity, id: string) => api.delete(path(entity, id));

/** The export of a list as it is: its filters (in API form, as the list sends them), search and sort. */
export const exportHref = (entity: Entity, query: ListParams = {}): string => withQuery(`/api/v1/exports/${entity}.csv`, query);

/** After a write: lists, record pages, timelines, Home and the board may all show it. */
export async function refreshRecords(queryClient: QueryClient, ...entities: Entity[]): Promise<void> {
  await Promise.all([
    ...entities.map((e) => queryClient.invalidateQueries({ queryKey: [e] })),
    queryClient.invalidateQueries({ queryKey: ['timeline'] }),
    queryClient.invalidateQueries({ queryKey: ['home'] }),
    queryClient.invalidateQueries({ queryKey: ['board'] }),
  ]);
}
