// Settings → Notifications: per kind, in the app and by email (both off = off).
import { Alert, Checkbox, Paper, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreference, NotificationPreferences } from '../../api/notifications';
import { api } from '../app/api';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';

export function NotificationSettingsPage() {
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: ['notification-preferences'], queryFn: () => api.get<NotificationPreferences>('/api/v1/notifications/preferences') });

  const set = async (p: NotificationPreference, patch: { inApp?: boolean; email?: boolean }) => {
    try {
      await api.patch(`/api/v1/notifications/preferences/${p.kind}`, patch);
      await queryClient.invalidateQueries({ queryKey: ['notification-preferences'] });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
    }
  };

  return (
    <>
      <PageHeader title="Notifications" description="What Furrow tells you, and where. You are never notified of what you did yourself." />
      {prefs.isPending && <LoadingState />}
      {prefs.isError && <ErrorState error={prefs.error} />}
      {prefs.data && (
        <>
          {!prefs.data.emailConfigured && (
            <Alert color="gray" mb="md">
              This Furrow sends no email yet (no mail server is set up); your email choices are kept for when it does.
            </Alert>
          )}
          <Paper withBorder radius="md">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">In the app</Table.Th>
                  <Table.Th scope="col">By email</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {prefs.data.items.map((p) => (
                  <Table.Tr key={p.kind}>
                    <Table.Th scope="row" fw={400}>
                      {p.label}
                    </Table.Th>
                    <Table.Td>
                      <Checkbox checked={p.inApp} onChange={(e) => set(p, { inApp: e.currentTarget.checked })} aria-label={`${p.label}: in the app`} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox checked={p.email} onChange={(e) => set(p, { email: e.currentTarget.checked })} aria-label={`${p.label}: by email`} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </>
  );
}
