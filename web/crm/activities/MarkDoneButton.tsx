import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Activity } from '../../../api/activities';
import { api } from '../../app/api';
import { errorMessage } from '../../components/ErrorState';
import { refreshEntity } from '../shared/resources';

/** Closes a task where it is listed, without opening it. */
export function MarkDoneButton({ activity }: { activity: Activity }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconCheck size={12} />}
      loading={busy}
      aria-label={`Mark “${activity.subject}” done`}
      onClick={async () => {
        setBusy(true);
        try {
          await api.patch<Activity>(`/api/v1/activities/${activity.id}`, { version: activity.version, completed: true });
          notifications.show({ color: 'furrow', message: `“${activity.subject}” done` });
          await refreshEntity(queryClient, 'activities');
        } catch (error) {
          notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
        } finally {
          setBusy(false);
        }
      }}
    >
      Done
    </Button>
  );
}
