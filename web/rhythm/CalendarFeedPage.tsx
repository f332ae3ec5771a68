import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CalendarFeed, CalendarFeedCreated } from '../../api/rituals';
import { api } from '../app/api';
import { formatInstant } from '../app/format';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { SecretOnce } from '../settings/SecretOnce';

/** Settings → Calendar feed: a private address calendar apps subscribe to; shown once, revocable. */
export function CalendarFeedPage() {
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: ['calendar-feed'], queryFn: () => api.get<CalendarFeed>('/api/v1/calendar-feed') });
  const [url, setUrl] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
  const create = async () => {
    try {
      setUrl((await api.post<CalendarFeedCreated>('/api/v1/calendar-feed', {})).url);
      await refresh();
    } catch (error) {
      notifications.show({ color: 'red', title: 'No address made', message: errorMessage(error) });
    }
  };
  const revoke = async () => {
    try {
      await api.delete('/api/v1/calendar-feed');
      setUrl(null);
      await refresh();
      notifications.show({ color: 'furrow', message: 'Feed address revoked: calendar apps stop updating' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) });
    }
  };
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
              <Button leftSection={<IconCalendarShare size={16} />} onClick={create}>
                {feed.data.active ? 'Make a new address' : 'Create my feed address'}
              </Button>
              {feed.data.active && (
                <Button variant="default" color="red" onClick={revoke}>
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
