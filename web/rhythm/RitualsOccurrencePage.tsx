import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import type { OccurrenceStatus } from '../../api/rituals';
import { formatInstant } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { completeOccurrence, refreshRituals, useRitual, useRitualAgenda } from '../data/rituals/rituals';
import { useWrite } from '../data/write';
import { KIND_LABELS } from './ritual-kinds';

const STATUS_COLOR = { scheduled: 'gray', held: 'green', skipped: 'orange' } as const;

/** /rituals/:id (the calendar feed links here): the ritual's next occurrence. */
export function RitualsNextOccurrence() {
  const { id } = useParams();
  const ritual = useRitual(id);
  if (ritual.isPending) return <LoadingState />;
  if (ritual.isError) return <ErrorState error={ritual.error} />;
  return ritual.data.nextOccurrence ? <Navigate replace to={`/rituals/occurrences/${ritual.data.nextOccurrence.id}`} /> : <Navigate replace to="/rituals" />;
}

export function RitualsOccurrencePage() {
  const { id } = useParams();
  const agenda = useRitualAgenda(id);
  const [notes, setNotes] = useState('');
  const occurrence = agenda.data?.occurrence;
  useEffect(() => setNotes(occurrence?.notes ?? ''), [occurrence?.notes]);
  const write = useWrite({
    request: ({ occurrenceId, version, status }: { occurrenceId: string; version: number; status: OccurrenceStatus }) =>
      completeOccurrence(occurrenceId, { version, status, notes: notes || null }),
    refresh: refreshRituals,
    success: (_, { status }) => (status === 'held' ? 'Marked as held' : status === 'skipped' ? 'Marked as skipped' : 'Back to scheduled'),
  });
  if (agenda.isPending) return <LoadingState />;
  if (agenda.isError || !occurrence) return <ErrorState error={agenda.error} onRetry={() => agenda.refetch()} />;

  const record = (status: OccurrenceStatus) => write.save({ occurrenceId: occurrence.id, version: occurrence.version, status });

  return (
    <>
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/rituals" size="sm">
            ← Rituals
          </Anchor>
        }
        title={occurrence.title}
        description={`${KIND_LABELS[occurrence.kind]} · ${occurrence.teamName} · ${formatInstant(occurrence.scheduledAt)}`}
        actions={
          <Badge size="lg" color={STATUS_COLOR[occurrence.status]} variant="light" data-testid="occurrence-status">
            {occurrence.status === 'held' ? `Held${occurrence.onTime === false ? ' late' : ''}` : occurrence.status === 'skipped' ? 'Skipped' : 'Scheduled'}
          </Badge>
        }
      />
      <Stack gap="lg">
        <Title order={2} fz="h4">
          Agenda, from today’s data
        </Title>
        {agenda.data.sections.map((s) => (
          <Paper key={s.key} withBorder radius="md" p="md" aria-label={s.title} component="section">
            <Title order={3} fz="h5" mb="xs">
              {s.title}
            </Title>
            {s.figures.length > 0 && (
              <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
                {s.figures.map((f) => (
                  <div key={f.label}>
                    <Text size="xs" c="dimmed">
                      {f.label}
                    </Text>
                    <Text fw={600}>{f.value}</Text>
                  </div>
                ))}
              </SimpleGrid>
            )}
            {s.note && (
              <Text size="sm" c="dimmed">
                {s.note}
              </Text>
            )}
            <Stack gap={4}>
              {s.items.map((i) => (
                <Text key={`${i.label}${i.detail}`} size="sm">
                  {i.path ? (
                    <Anchor component={Link} to={i.path}>
                      {i.label}
                    </Anchor>
                  ) : (
                    i.label
                  )}
                  {i.detail && (
                    <Text span c="dimmed">
                      {' '}
                      — {i.detail}
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
          </Paper>
        ))}
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="h4" mb="xs">
            How it went
          </Title>
          {occurrence.completedBy && (
            <Text size="sm" c="dimmed" mb="xs">
              Recorded by {occurrence.completedBy.name}
              {occurrence.heldAt ? `, held ${formatInstant(occurrence.heldAt)}` : ''}
            </Text>
          )}
          {occurrence.canComplete ? (
            <Stack gap="sm">
              <Textarea label="Notes" autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
              <Group>
                <Button onClick={() => record('held')}>Mark as held</Button>
                <Button variant="default" onClick={() => record('skipped')}>
                  Mark as skipped
                </Button>
                {occurrence.status !== 'scheduled' && (
                  <Button variant="subtle" onClick={() => record('scheduled')}>
                    Undo
                  </Button>
                )}
              </Group>
            </Stack>
          ) : (
            <Alert variant="light" color="gray">
              {occurrence.notes ?? 'The ritual’s owner records whether it was held.'}
            </Alert>
          )}
        </Paper>
      </Stack>
    </>
  );
}
