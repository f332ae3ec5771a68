// The bell in the header: unread count (polled), and a drawer with the inbox — mark read, open the
// record. A record the reader cannot see has no link (the server leaves it out).
import { ActionIcon, Anchor, Badge, Button, Drawer, Group, Indicator, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '../../api/notifications';
import { formatInstant } from '../app/format';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { markAllNotificationsRead, markNotificationRead, refreshNotifications, useInbox, useUnreadCount } from '../data/notifications/notifications';
import { useWrite } from '../data/write';

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
  return (
    <>
      <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} offset={4} color="red">
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setOpen(true)} data-testid="notification-bell">
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Indicator>
      <Drawer
        opened={open}
        onClose={() => setOpen(false)}
        position="right"
        title="Notifications"
        size="md"
        closeButtonProps={{ 'aria-label': 'Close notifications' }}
      >
        {open && <Inbox onNavigate={() => setOpen(false)} />}
      </Drawer>
    </>
  );
}

function Inbox({ onNavigate }: { onNavigate: () => void }) {
  const navigate = useNavigate();
  const list = useInbox();
  // Resolves to the notification, so a failed mark (shown) keeps the drawer where it is.
  const read = useWrite({
    request: async (n: Notification) => {
      if (!n.readAt) await markNotificationRead(n.id);
      return n;
    },
    refresh: refreshNotifications,
  });
  const readAll = useWrite({ request: () => markAllNotificationsRead(), refresh: refreshNotifications });

  const markRead = (n: Notification) => read.save(n);
  const open = async (n: Notification) => {
    if ((await markRead(n)) && n.record) {
      onNavigate();
      navigate(n.record.path);
    }
  };

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} />;
  const items = list.data.items;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Anchor component={Link} to="/settings/notifications" size="sm" onClick={onNavigate}>
          Choose what you get
        </Anchor>
        <Button size="xs" variant="default" disabled={!items.some((n) => !n.readAt)} loading={readAll.pending} onClick={() => readAll.save(undefined)}>
          Mark all read
        </Button>
      </Group>
      {items.length === 0 && <Text c="dimmed">Nothing yet. You hear here when someone assigns you a deal or moves one of yours.</Text>}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Notifications">
        {items.map((n) => (
          <li key={n.id}>
            <Group
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              p="xs"
              style={{ borderRadius: 6, background: n.readAt ? undefined : 'var(--mantine-color-furrow-light, var(--mantine-color-gray-1))' }}
            >
              <UnstyledButton onClick={() => open(n)} style={{ flex: 1 }}>
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {n.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatInstant(n.createdAt)}
                </Text>
              </UnstyledButton>
              {!n.readAt ? (
                <Button size="compact-xs" variant="subtle" onClick={() => markRead(n)} aria-label={`Mark read: ${n.title}`}>
                  Mark read
                </Button>
              ) : (
                <Badge variant="light" color="gray" size="sm">
                  read
                </Badge>
              )}
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
