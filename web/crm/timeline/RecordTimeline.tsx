import { Button, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyHint } from '../../components/EmptyHint';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useTimeline } from '../../data/timeline/timeline';
import { groupTimeline } from './group-timeline';
import { timelineItem } from './TimelineEntry';

interface Props {
  entity: 'deals' | 'accounts' | 'contacts';
  id: string;
  noun: string;
  currency?: string | null;
  actions?: ReactNode;
}

/** Activities, field changes and stage moves of a record, newest first. */
export function RecordTimeline({ entity, id, noun, currency = null, actions }: Props) {
  const query = useTimeline(entity, id);
  const entries = groupTimeline(query.data?.pages.flatMap((p) => p.items) ?? []);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`timeline-${id}`}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h4" id={`timeline-${id}`}>
          Timeline
        </Title>
        {actions}
      </Group>
      {query.isPending ? (
        <LoadingState rows={5} label="Loading the timeline" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="The timeline could not be loaded" onRetry={() => query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyHint
          icon={<IconHistory size={24} />}
          title="Nothing here yet"
          description={`Log a call, a meeting or a note; changes to this ${noun} appear here too.`}
        />
      ) : (
        <>
          <Timeline bulletSize={22} lineWidth={2} active={-1} data-testid="timeline">
            {entries.map((entry) => timelineItem({ entry, noun, currency }))}
          </Timeline>
          {query.hasNextPage && (
            <Button variant="subtle" mt="md" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
              Show older
            </Button>
          )}
          {!query.hasNextPage && entries.length > 8 && (
            <Text size="xs" c="dimmed" mt="md">
              That is the whole history.
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
