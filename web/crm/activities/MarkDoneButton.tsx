import { Button } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Activity } from '../../../api/activities';
import { refreshActivities, updateActivity } from '../../data/activities/activities';
import { useWrite } from '../../data/write';

/** Closes a task where it is listed, without opening it. */
export function MarkDoneButton({ activity }: { activity: Activity }) {
  const write = useWrite({
    request: () => updateActivity(activity.id, { version: activity.version, completed: true }),
    refresh: refreshActivities,
    success: `“${activity.subject}” done`,
  });
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconCheck size={12} />}
      loading={write.pending}
      aria-label={`Mark “${activity.subject}” done`}
      onClick={() => write.save(undefined)}
    >
      Done
    </Button>
  );
}
