// The notifications' reads and writes (writes go through web/data/write.tsx#useWrite): the unread
// count (polled), the inbox, marking read, and the per-kind preferences. Query keys start with
// 'notifications' (the bell and the inbox) or 'notification-preferences'.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { NotificationPage, NotificationPreferencePatch, NotificationPreferences, UnreadCount } from '../../../api/notifications';
import { api } from '../../app/api';

/** The bell's count, polled every 30 seconds. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => api.get<UnreadCount>('/api/v1/notifications/unread-count', undefined, { signal }).then((r) => r.unread),
    refetchInterval: 30_000,
  });
}

export function useInbox() {
  return useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/v1/notifications', { limit: 50 }, { signal }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: ['notification-preferences'],
    queryFn: ({ signal }) => api.get<NotificationPreferences>('/api/v1/notifications/preferences', undefined, { signal }),
  });
}

export const markNotificationRead = (id: string) => api.post(`/api/v1/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () => api.post('/api/v1/notifications/read-all');
export const setNotificationPreference = (kind: string, patch: NotificationPreferencePatch) =>
  api.patch(`/api/v1/notifications/preferences/${encodeURIComponent(kind)}`, patch);

/** After reading: the inbox and the bell's count. */
export const refreshNotifications = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['notifications'] });
export const refreshNotificationPreferences = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['notification-preferences'] });
