// A refused stage move explains itself: what is missing, with required fields, checklist items,
// activities and qualification scores right there to complete; the list re-checks itself and the
// move completes from here. Leaving for the deal keeps the move pending (?move=), and (when the
// stage allows it) the rep can move anyway with a reason that is recorded.
import { Alert, Anchor, Button, Checkbox, Group, List, Modal, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { IconCheck, IconLock, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DealGate } from '../../../../api/deal-gate';
import type { Deal, GateBlockedDetails, MissingCriterion } from '../../../../api/deals';
import { errorMessage } from '../../../components/ErrorState';
import { refreshDealGate, tickChecklist, useGateCheck } from '../../../data/deal-gate/deal-gate';
import { useDealFrom } from '../../../data/deals/deals';
import { FillFieldInline } from '../../../process/FillFieldInline';
import { LogActivityInline } from '../../../process/FixInPlace';
import { dealPath } from './pending-move';
import { ScoreInDialog } from './ScoreInDialog';

export interface Blocked {
  deal: Deal;
  stageName: string;
  /** The stage the move was aimed at: the list then shows each item as met once it is done. */
  stageId?: string;
  details: GateBlockedDetails;
}

interface Props {
  blocked: Blocked | null;
  onClose(): void;
  onOverride(reason: string): Promise<void>;
  onRetry(): Promise<void>;
}

function TickInPlace({ deal, item, onDone }: { deal: Deal; item: MissingCriterion; onDone(): void }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Checkbox
      size="xs"
      mt={4}
      label="Done — tick it"
      error={problem}
      onChange={async (e) => {
        if (!e.currentTarget.checked) return;
        try {
          await tickChecklist(deal.id, item.criterionId, true);
          await refreshDealGate(queryClient, deal.id);
          onDone();
        } catch (error) {
          setProblem(errorMessage(error));
        }
      }}
    />
  );
}

/** Every item the refusal named is done now (as the re-check says, or ticked here). */
function allDone(blocked: Blocked, recheck: DealGate | undefined, ticked: ReadonlySet<string>): boolean {
  if (!recheck) return false;
  const met = new Set(recheck.items.filter((i) => i.met).map((i) => i.criterionId));
  return blocked.details.missing.every((m) => ticked.has(m.criterionId) || met.has(m.criterionId));
}

function BlockedBody({
  blocked,
  onClose,
  onOverride,
  onRetry,
  recheck,
  ticked,
  setTicked,
}: Props & {
  blocked: Blocked;
  recheck: DealGate | undefined;
  ticked: ReadonlySet<string>;
  setTicked(update: (t: ReadonlySet<string>) => ReadonlySet<string>): void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'override' | 'retry' | null>(null);
  // Filling a field saves the deal; read it from the cache so a second field uses the new version.
  const deal = useDealFrom(blocked.deal).data;
  const ready = allDone(blocked, recheck, ticked);
  const metNow = new Set(recheck?.items.filter((i) => i.met).map((i) => i.criterionId));
  // The re-check's hint is the live one ("BANT total is 4; 6 of 12 needed").
  const hint = (m: MissingCriterion) => recheck?.missing.find((r) => r.criterionId === m.criterionId)?.hint ?? m.hint;
  const byStage = new Map<string, MissingCriterion[]>();
  for (const m of blocked.details.missing) byStage.set(m.stageName, [...(byStage.get(m.stageName) ?? []), m]);
  const valid = reason.trim().length >= 3;
  const run = async (which: 'override' | 'retry', action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md" data-testid="gate-blocked">
      {[...byStage.entries()].map(([stage, items]) => (
        <div key={stage}>
          <Text size="sm" fw={600} mb={6}>
            To leave {stage}:
          </Text>
          {/* Each icon at its item's first line, however tall the form under it. */}
          <List spacing="sm" size="sm" styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
            {items.map((m) => {
              const done = ticked.has(m.criterionId) || metNow.has(m.criterionId);
              return (
                <List.Item
                  key={m.criterionId}
                  icon={
                    <ThemeIcon color={done ? 'furrow' : 'red'} variant="light" size={20} radius="xl">
                      {done ? <IconCheck size={12} aria-label="done" /> : <IconX size={12} aria-label="missing" />}
                    </ThemeIcon>
                  }
                >
                  <Text size="sm" span>
                    {m.label}
                  </Text>
                  {!done && hint(m) && (
                    <Text size="xs" c="dimmed">
                      {hint(m)}
                    </Text>
                  )}
                  {m.field && !done && <FillFieldInline deal={deal} field={m.field} label={m.label} />}
                  {m.kind === 'activity' && !done && <LogActivityInline deal={deal} activityType={m.activityType} />}
                  {m.kind === 'qualification' && !done && (
                    <ScoreInDialog dealId={deal.id} frameworkId={m.frameworkId} moveTo={blocked.stageId} onLeave={onClose} />
                  )}
                  {m.kind === 'checklist' && !done && <TickInPlace deal={deal} item={m} onDone={() => setTicked((t) => new Set(t).add(m.criterionId))} />}
                </List.Item>
              );
            })}
          </List>
        </div>
      ))}
      <Group justify="space-between">
        <Anchor component={Link} to={dealPath(blocked.deal.id, blocked.stageId)} size="sm" c="furrow.8" onClick={onClose}>
          Open the deal to complete these
        </Anchor>
        {/* Once everything is done the move completes from here; nothing to find and start again. */}
        <Button variant={ready ? 'filled' : 'light'} size={ready ? 'sm' : 'xs'} loading={busy === 'retry'} onClick={() => run('retry', onRetry)}>
          {ready ? `Move to ${blocked.stageName}` : 'Try the move again'}
        </Button>
      </Group>
      {ready ? null : blocked.details.overrideAllowed ? (
        <Stack gap="xs">
          <Textarea
            label="Move anyway — why?"
            description="Overrides are allowed at this stage. The reason is recorded with the move and counts in process adherence."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            error={reason.length > 0 && !valid ? 'At least 3 characters' : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it where it is
            </Button>
            <Button color="orange" disabled={!valid} loading={busy === 'override'} onClick={() => run('override', () => onOverride(reason.trim()))}>
              Move anyway
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
            This stage does not allow overrides: complete the items above, then move the deal again.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it where it is
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

export function GateBlockedModal(props: Props) {
  const { blocked, onClose } = props;
  const recheck = useGateCheck(blocked?.deal.id, blocked?.stageId).data;
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [forMove, setForMove] = useState<Blocked | null>(blocked);
  // A new refusal starts with nothing ticked.
  if (forMove !== blocked) {
    setForMove(blocked);
    setTicked(new Set());
  }
  const ready = blocked !== null && allDone(blocked, recheck, ticked);
  const title = !blocked
    ? ''
    : ready
      ? `${blocked.deal.name} is ready to move to ${blocked.stageName}`
      : `${blocked.deal.name} cannot move to ${blocked.stageName} yet`;
  return (
    <Modal opened={blocked !== null} onClose={onClose} title={title} size="lg">
      {blocked && <BlockedBody {...props} blocked={blocked} recheck={recheck} ticked={ticked} setTicked={setTicked} />}
    </Modal>
  );
}
