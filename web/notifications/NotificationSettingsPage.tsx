// Settings → Notifications: per kind, in the app and by email (both off = off).
import { Alert, Checkbox, Paper, Table } from '@mantine/core';
import type { NotificationPreference, NotificationPreferencePatch } from '../../api/notifications';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { refreshNotificationPreferences, setNotificationPreference, useNotificationPreferences } from '../data/notifications/notifications';
import { useWrite } from '../data/write';

export function NotificationSettingsPage() {
  const prefs = useNotificationPreferences();
  const write = useWrite({
    request: ({ p, patch }: { p: NotificationPreference; patch: NotificationPreferencePatch }) => setNotificationPreference(p.kind, patch),
    refresh: refreshNotificationPreferences,
  });
  const set = (p: NotificationPreference, patch: NotificationPreferencePatch) => write.save({ p, patch });

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
