import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { useState } from 'react';
import { formatInstant } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { createCalendarFeed, refreshCalendarFeed, revokeCalendarFeed, useCalendarFeed } from '../data/calendar-feed/calendar-feed';
import { useWrite } from '../data/write';
import { SecretOnce } from '../settings/SecretOnce';

/** Settings → Calendar feed: a private address calendar apps subscribe to; shown once, revocable. */
export function CalendarFeedPage() {
  const feed = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  // The address is shown once: it must be on screen before the refreshed feed says "Active".
  const create = useWrite({
    request: createCalendarFeed,
    onAccepted: (created) => setUrl(created.url),
    refresh: refreshCalendarFeed,
    failure: 'No address made',
  });
  const revoke = useWrite({
    request: revokeCalendarFeed,
    onAccepted: () => setUrl(null),
    refresh: refreshCalendarFeed,
    success: 'Feed address revoked: calendar apps stop updating',
    failure: 'Not revoked',
  });
  return (
    <>
      <PageHeader
        title="Calendar feed"
        description="Your rituals, coaching sessions and planned meetings in your own calendar app (Google, Outlook, Apple): subscribe to a private address. Anyone with the address sees these events, so keep it to yourself."
      />
      <Paper withBorder radius="md" p="md">
        {feed.isPending ? (
          <LoadingState rows={2} />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => feed.refetch()} />
        ) : (
          <Stack gap="sm">
            <Group>
              <Badge color={feed.data.active ? 'green' : 'gray'} variant="light">
                {feed.data.active ? 'Active' : 'No address'}
              </Badge>
              {feed.data.active && (
                <Text size="sm" c="dimmed">
                  Starts with{' '}
                  <Text span ff="monospace">
                    {feed.data.prefix}…
                  </Text>
                  , made {formatInstant(feed.data.createdAt)}; last read by a calendar app{' '}
                  {feed.data.lastUsedAt ? formatInstant(feed.data.lastUsedAt) : 'never'}
                </Text>
              )}
            </Group>
            {url && (
              <SecretOnce
                title="Your calendar address"
                value={url}
                hint="Copy it into your calendar app (“subscribe by URL”). Furrow keeps only a hash and cannot show it again."
                onDone={() => setUrl(null)}
              />
            )}
            <Group>
              <Button leftSection={<IconCalendarShare size={16} />} onClick={() => create.save(undefined)} loading={create.pending}>
                {feed.data.active ? 'Make a new address' : 'Create my feed address'}
              </Button>
              {feed.data.active && (
                <Button variant="default" color="red" onClick={() => revoke.save(undefined)} loading={revoke.pending}>
                  Revoke
                </Button>
              )}
            </Group>
            {feed.data.active && !url && (
              <Text size="xs" c="dimmed">
                A new address stops the old one at once.
              </Text>
            )}
          </Stack>
        )}
      </Paper>
    </>
  );
}
