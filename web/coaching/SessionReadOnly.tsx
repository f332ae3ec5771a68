// The coachee (and anyone who reads but may not write) sees the session as text.
import { Paper, Stack, Text } from '@mantine/core';
import type { CoachingSession } from '../../api/coaching-sessions';
import { useSkillModel } from '../data/coaching/coaching';
import { ActionItemsTable } from './ActionItemsTable';

export function SessionReadOnly({ s }: { s: CoachingSession }) {
  const model = useSkillModel();
  const name = (key: string) => model.data?.skills.find((k) => k.key === key)?.name ?? key;
  const block = (label: string, text: string | null) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
        {text ?? '—'}
      </Text>
    </div>
  );
  return (
    <Paper withBorder radius="md" p="lg" maw={760}>
      <Stack gap="md">
        {block('Agenda', s.agenda)}
        {block('Shared notes', s.sharedNotes)}
        {block('Skills worked on', s.skillKeys.map(name).join(', ') || null)}
        {block('Deals discussed', s.deals.map((d) => d.name).join(', ') || null)}
        <Text size="sm" fw={600}>
          Action items
        </Text>
        <ActionItemsTable label="Agreed action items" items={s.actionItems} coachId={s.coach.id} />
      </Stack>
    </Paper>
  );
}
