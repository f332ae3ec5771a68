// Deals: one record, its writes and what a write refreshes (lists go through records.ts#useList),
// and the deal's comments.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { DealComment, DealCommentCreate, DealCommentList } from '../../../api/deal-comments';
import type { Deal, DealCreate, DealPatch } from '../../../api/deals';
import { api } from '../../app/api';
import { createRecord, fetchRecord, patchRecord, refreshRecords, useRecord } from '../records';

export const useDeal = (id: string | null | undefined) => useRecord('deals', id);
export const fetchDeal = (id: string) => fetchRecord('deals', id);
export const createDeal = (body: DealCreate) => createRecord('deals', body);
export const updateDeal = (id: string, body: DealPatch) => patchRecord('deals', id, body);
/** A deal counts on its account (open deals) too. */
export const refreshDeals = (queryClient: QueryClient) => refreshRecords(queryClient, 'deals', 'accounts');

const commentsPath = (dealId: string) => `/api/v1/deals/${encodeURIComponent(dealId)}/comments`;

export function useDealComments(dealId: string) {
  return useQuery({ queryKey: ['deal-comments', dealId], queryFn: ({ signal }) => api.get<DealCommentList>(commentsPath(dealId), undefined, { signal }) });
}

export const addDealComment = (dealId: string, body: DealCommentCreate) => api.post<DealComment>(commentsPath(dealId), body);

/** A comment shows in the list and on the deal's timeline. */
export const refreshDealComments = (queryClient: QueryClient, dealId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['deal-comments', dealId] }),
    queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', dealId] }),
  ]);

/** The deal as last read, starting from the copy the screen holds (a dialog opened on it). */
export function useDealFrom(deal: Deal) {
  return useQuery({ queryKey: ['deals', 'one', deal.id], queryFn: () => fetchDeal(deal.id), initialData: deal });
}

/** A write's answer is the deal now: shown at once wherever the deal is open. */
export const showDeal = (queryClient: QueryClient, deal: Deal) => queryClient.setQueryData(['deals', 'one', deal.id], deal);
