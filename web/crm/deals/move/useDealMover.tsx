// Moving a deal to a stage, the same way from the board and from the deal page: the server checks
// the exit criteria; a refusal opens the list of what is missing; lost needs a reason.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Deal, DealMove, GateBlockedDetails } from '../../../../api/deals';
import type { StageKind } from '../../../../api/pipelines';
import { isApiError } from '../../../app/api';
import { moveDeal } from '../../../data/deal-gate/deal-gate';
import { fetchDeal, showDeal } from '../../../data/deals/deals';
import { refreshRecords } from '../../../data/records';
import { type Blocked, GateBlockedModal } from './GateBlockedModal';
import { LostReasonModal } from './LostReasonModal';

export interface TargetStage {
  id: string;
  name: string;
  kind: StageKind;
}

interface Options {
  via: 'board' | 'form';
  /** Show the move at once; returns how to undo it if the server refuses. */
  optimistic?(deal: Deal, stage: TargetStage): () => void;
  onMoved?(deal: Deal): void;
  onBlocked?(deal: Deal, details: GateBlockedDetails): void;
}

interface Pending {
  deal: Deal;
  stage: TargetStage;
  lostReason?: string;
}

export function useDealMover(options: Options): { move(deal: Deal, stage: TargetStage): void; modals: ReactNode; moving: string | null } {
  const queryClient = useQueryClient();
  const [blocked, setBlocked] = useState<(Blocked & { pending: Pending }) | null>(null);
  const [askLost, setAskLost] = useState<Pending | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  // The move's refusals (a gate, a stale version, a missing lost reason) each open their own answer below.
  const mover = useMutation({ mutationFn: ({ dealId, body }: { dealId: string; body: DealMove }) => moveDeal(dealId, body) });

  const attempt = async (pending: Pending, overrideReason?: string): Promise<boolean> => {
    const { deal, stage } = pending;
    const undo = overrideReason ? undefined : options.optimistic?.(deal, stage);
    setMoving(deal.id);
    try {
      const moved = await mover.mutateAsync({
        dealId: deal.id,
        body: {
          version: deal.version,
          stageId: stage.id,
          via: options.via,
          ...(pending.lostReason ? { lostReason: pending.lostReason } : {}),
          ...(overrideReason ? { overrideReason } : {}),
        },
      });
      showDeal(queryClient, moved);
      notifications.show({ color: 'furrow', message: `${deal.name} moved to ${stage.name}${overrideReason ? ' (override recorded)' : ''}` });
      options.onMoved?.(moved);
      await refreshRecords(queryClient, 'deals', 'accounts');
      return true;
    } catch (error) {
      undo?.();
      if (isApiError(error) && error.code === 'gate_blocked') {
        const details = error.details as GateBlockedDetails;
        options.onBlocked?.(deal, details);
        setBlocked({ deal, stageName: stage.name, stageId: stage.id, details, pending });
      } else if (isApiError(error) && error.code === 'stale') {
        notifications.show({ color: 'orange', title: 'The deal changed meanwhile', message: 'It was reloaded with the latest changes. Try the move again.' });
        await refreshRecords(queryClient, 'deals');
      } else if (isApiError(error) && error.fields.some((f) => f.field === 'lostReason')) {
        setAskLost(pending);
      } else {
        notifications.show({ color: 'red', title: `${deal.name} was not moved`, message: isApiError(error) ? error.message : 'The move failed. Try again.' });
      }
      return false;
    } finally {
      setMoving(null);
    }
  };

  // Fields filled or items ticked since the refusal changed the deal: move the version read now.
  const latest = (deal: Deal) => fetchDeal(deal.id).catch(() => deal);

  const move = (deal: Deal, stage: TargetStage) => {
    if (stage.id === deal.stageId) return;
    if (stage.kind === 'lost') setAskLost({ deal, stage });
    else void attempt({ deal, stage });
  };

  const modals = (
    <>
      <GateBlockedModal
        blocked={blocked}
        onClose={() => setBlocked(null)}
        onOverride={async (reason) => {
          if (!blocked) return;
          const ok = await attempt({ ...blocked.pending, deal: await latest(blocked.pending.deal) }, reason);
          if (ok) setBlocked(null);
        }}
        onRetry={async () => {
          if (!blocked) return;
          const pending = { ...blocked.pending, deal: await latest(blocked.pending.deal) };
          setBlocked(null);
          await attempt(pending);
        }}
      />
      <LostReasonModal
        dealName={askLost?.deal.name ?? null}
        onClose={() => setAskLost(null)}
        onConfirm={(reason) => {
          if (!askLost) return;
          const pending = { ...askLost, lostReason: reason };
          setAskLost(null);
          void attempt(pending);
        }}
      />
    </>
  );
  return { move, modals, moving };
}
