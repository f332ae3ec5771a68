// A deal's stage gate and its one stage-change path: the server's gate check (what the deal's
// current stage asks, or what a move to a given stage would ask), ticking a checklist item, and the
// move itself. Gate answers live under ['deals', 'gate', dealId, …], so whatever changes the deal
// (a field filled, a score, a tick) refreshes them with ['deals', 'gate', dealId].
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { DealGate } from '../../../api/deal-gate';
import type { Deal, DealMove } from '../../../api/deals';
import { api } from '../../app/api';

const id = encodeURIComponent;
const gateKey = (dealId: string) => ['deals', 'gate', dealId];

/**
 * The gate of the deal's current stage, for its page. `enabled: false` only reads what the page's
 * checklist fetched.
 */
export function useDealGate(dealId: string, enabled: boolean) {
  return useQuery({
    queryKey: gateKey(dealId),
    queryFn: ({ signal }) => api.get<DealGate>(`/api/v1/deals/${id(dealId)}/gate`, undefined, { signal }),
    enabled,
    retry: false,
  });
}

/** What a move of the deal to `stageId` would need, asked again whenever something on the deal changes. */
export function useGateCheck(dealId: string | undefined, stageId: string | undefined) {
  return useQuery({
    queryKey: ['deals', 'gate', dealId, 'to', stageId],
    queryFn: ({ signal }) => api.get<DealGate>(`/api/v1/deals/${id(dealId as string)}/gate`, { to: stageId as string }, { signal }),
    enabled: dealId !== undefined && stageId !== undefined,
    retry: false,
  });
}

/** Ticks (or unticks) a checklist item; the answer is the deal's gate now. */
export const tickChecklist = (dealId: string, criterionId: string, checked: boolean) =>
  api.put<DealGate>(`/api/v1/deals/${id(dealId)}/checklist/${id(criterionId)}`, { checked });

/** Shows a tick's answer as the deal's gate; its timeline says who ticked what. */
export async function showTicked(queryClient: QueryClient, dealId: string, gate: DealGate): Promise<void> {
  queryClient.setQueryData(gateKey(dealId), gate);
  await queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', dealId] });
}

/** Every gate answer of the deal is asked again (a tick in the refusal dialog). */
export const refreshDealGate = (queryClient: QueryClient, dealId: string) => queryClient.invalidateQueries({ queryKey: gateKey(dealId) });

/** The one stage change: the server checks the exit criteria (409 gate_blocked lists what is missing). */
export const moveDeal = (dealId: string, body: DealMove) => api.post<Deal>(`/api/v1/deals/${id(dealId)}/move`, body);
