// A person's action items on their coaching page, a page at a time: open ones by default (what is
// still to do), all of them on request; the count covers every page, not only the loaded ones.
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { plural } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useActionItemPages } from '../data/coaching/coaching';
import { ActionItemsTable } from './ActionItemsTable';

type Show = 'open' | 'all';

export function PersonActionItems({ coacheeId, pageSize = 50 }: { coacheeId: string; pageSize?: number }) {
  const [show, setShow] = useState<Show>('open');
  const pages = useActionItemPages({ coacheeId, ...(show === 'open' ? { open: true } : {}) }, pageSize);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          aria-label="Which action items"
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'all', label: 'All' },
          ]}
        />
        {pages.data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {show === 'open' ? plural(total, 'open action item') : `${plural(total, 'action item')} in all`}
            {items.length < total ? `, ${items.length} shown` : ''}
          </Text>
        )}
      </Group>
      {pages.isPending ? (
        <LoadingState rows={3} label="Loading the action items" />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : (
        <ActionItemsTable label="Action items" items={items} />
      )}
      {pages.hasNextPage && (
        <Button variant="light" size="xs" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Show {pageSize} more
        </Button>
      )}
    </Stack>
  );
}
