// The server's gate check for one move (GET /deals/:id/gate?to=), asked again whenever something
// on the deal changes (fixes invalidate ['deals', 'gate', dealId]): the refusal dialog and the
// "finish the move" banner read the same answer.
import { useQuery } from '@tanstack/react-query';
import type { DealGate } from '../../../../api/deal-gate';
import { api } from '../../../app/api';

export function useGateCheck(dealId: string | undefined, stageId: string | undefined) {
  return useQuery({
    queryKey: ['deals', 'gate', dealId, 'to', stageId],
    queryFn: ({ signal }) => api.get<DealGate>(`/api/v1/deals/${dealId}/gate`, { to: stageId as string }, { signal }),
    enabled: dealId !== undefined && stageId !== undefined,
    retry: false,
  });
}
