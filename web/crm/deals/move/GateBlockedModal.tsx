// A refused stage move explains itself: what is missing, where to fix it, and (when the stage
// allows it) a way to move anyway with a reason that is recorded.
import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { IconLock, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GateBlockedDetails } from '../../../../api/deals';

export interface Blocked {
  dealId: string;
  dealName: string;
  stageName: string;
  details: GateBlockedDetails;
}

interface Props {
  blocked: Blocked | null;
  onClose(): void;
  onOverride(reason: string): Promise<void>;
}

export function GateBlockedModal({ blocked, onClose, onOverride }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!blocked) return <Modal opened={false} onClose={onClose} />;
  const byStage = new Map<string, typeof blocked.details.missing>();
  for (const m of blocked.details.missing) byStage.set(m.stageName, [...(byStage.get(m.stageName) ?? []), m]);
  const valid = reason.trim().length >= 3;

  return (
    <Modal opened onClose={onClose} title={`${blocked.dealName} cannot move to ${blocked.stageName} yet`} size="lg">
      <Stack gap="md" data-testid="gate-blocked">
        {[...byStage.entries()].map(([stage, items]) => (
          <div key={stage}>
            <Text size="sm" fw={600} mb={6}>
              To leave {stage}:
            </Text>
            <List
              spacing={6}
              size="sm"
              icon={
                <ThemeIcon color="red" variant="light" size={20} radius="xl">
                  <IconX size={12} aria-hidden />
                </ThemeIcon>
              }
            >
              {items.map((m) => (
                <List.Item key={m.criterionId}>
                  <Text size="sm" span>
                    {m.label}
                  </Text>
                  {m.hint && (
                    <Text size="xs" c="dimmed">
                      {m.hint}
                    </Text>
                  )}
                  {m.field && (
                    <Anchor component={Link} to={`/deals/${blocked.dealId}/edit`} size="xs" c="furrow.8" onClick={onClose}>
                      Fill it in
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        ))}
        <Anchor component={Link} to={`/deals/${blocked.dealId}`} size="sm" c="furrow.8" onClick={onClose}>
          Open the deal to complete these
        </Anchor>
        {blocked.details.overrideAllowed ? (
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
              <Button
                color="orange"
                disabled={!valid}
                loading={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await onOverride(reason.trim());
                    setReason('');
                  } finally {
                    setBusy(false);
                  }
                }}
              >
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
              <Button onClick={onClose}>OK</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
