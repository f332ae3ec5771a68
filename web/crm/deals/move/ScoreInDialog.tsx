// A missing minimum qualification score, scored right in the refused move's dialog: the same form
// and the same write as the deal page's qualification panel; saving asks the gate again, so the
// item shows as done and the dialog offers to finish the move.
import { Button, Group, Paper } from '@mantine/core';
import { useState } from 'react';
import { LoadingState } from '../../../components/LoadingState';
import { useDealQualification } from '../../../data/qualification/qualification';
import { ScoreFrameworkLink } from '../../../process/FixInPlace';
import { QualificationForm } from '../../../process/QualificationForm';

interface Props {
  dealId: string;
  frameworkId: string | undefined;
  /** The stage the refused move aims at: kept if the rep scores on the deal page instead. */
  moveTo: string | undefined;
  onLeave(): void;
}

export function ScoreInDialog({ dealId, frameworkId, moveTo, onLeave }: Props) {
  const [open, setOpen] = useState(false);
  const qualification = useDealQualification(dealId);
  const framework = qualification.data?.frameworks.find((f) => f.frameworkId === frameworkId);
  if (!frameworkId) return null;
  return (
    <>
      <Group gap="sm" mt={4}>
        {!open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)} disabled={qualification.isError}>
            Score {framework?.name ?? 'it'} here
          </Button>
        )}
        <ScoreFrameworkLink dealId={dealId} frameworkId={frameworkId} moveTo={moveTo} onClick={onLeave} />
      </Group>
      {open && (
        <Paper withBorder radius="md" p="sm" mt="xs">
          {framework ? <QualificationForm dealId={dealId} framework={framework} mayEdit /> : <LoadingState rows={2} label="Loading qualification" />}
        </Paper>
      )}
    </>
  );
}
