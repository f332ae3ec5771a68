// The move a rep started on the board and left to complete what was missing on the deal: the deal
// page says it is still waiting ("Finish moving to <stage>"), what the gate still misses (asked
// again after every fix on the page), and finishes it through the same move as everywhere else.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { Deal } from '../../../../api/deals';
import { useGateCheck } from '../../../data/deal-gate/deal-gate';
import { usePipelines } from '../../../data/pipelines/pipelines';
import { stageOf } from '../../shared/pipelines';
import { MOVE_PARAM } from './pending-move';
import type { TargetStage } from './useDealMover';

/** The pending move in the address, and how to let it go (after it is made, or dismissed). */
export function usePendingMove(): { stageId: string | undefined; clear(): void } {
  const [params, setParams] = useSearchParams();
  return {
    stageId: params.get(MOVE_PARAM) ?? undefined,
    clear: () =>
      setParams(
        (p) => {
          p.delete(MOVE_PARAM);
          return p;
        },
        { replace: true },
      ),
  };
}

interface Props {
  deal: Deal;
  stageId: string | undefined;
  moving: boolean;
  onMove(stage: TargetStage): void;
  onDismiss(): void;
}

export function PendingMoveBanner({ deal, stageId, moving, onMove, onDismiss }: Props) {
  const pipelines = usePipelines();
  const target = stageId ? stageOf(pipelines.data, stageId)?.stage : undefined;
  const waiting = target !== undefined && target.id !== deal.stageId && deal.status === 'open';
  const gate = useGateCheck(waiting ? deal.id : undefined, waiting ? target.id : undefined);
  if (!waiting) return null;
  const missing = gate.data?.missing ?? [];
  const ready = gate.data !== undefined && missing.length === 0;
  return (
    <Alert
      color={ready ? 'furrow' : 'blue'}
      variant="light"
      mb="lg"
      // A region named by its title ("Finish moving to …"): found again, not announced as an alert.
      role="region"
      title={`Finish moving to ${target.name}`}
      withCloseButton
      closeButtonLabel="Dismiss the pending move"
      onClose={onDismiss}
    >
      <Text size="sm">
        {gate.isPending
          ? 'Checking what the move still needs…'
          : ready
            ? `Everything ${target.name} needs is done.`
            : missing.length > 0
              ? `Still missing: ${missing.map((m) => m.label).join('; ')}. Complete ${missing.length === 1 ? 'it' : 'them'} on this page, then finish the move.`
              : 'Try the move: the server checks what it needs.'}
      </Text>
      <Group gap="sm" mt="xs">
        <Button
          size="xs"
          variant={ready ? 'filled' : 'light'}
          rightSection={<IconArrowRight size={14} />}
          loading={moving}
          onClick={() => onMove({ id: target.id, name: target.name, kind: target.kind })}
        >
          Move to {target.name}
        </Button>
        <Button size="xs" variant="subtle" color="gray" onClick={onDismiss}>
          Keep it in {deal.stageName}
        </Button>
      </Group>
    </Alert>
  );
}
