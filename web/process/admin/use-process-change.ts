// Runs one admin change to the process and refreshes every screen that shows it. A stale version
// (another admin changed the process meanwhile) reloads the editor and says so.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../app/api';
import { errorMessage } from '../../components/ErrorState';
import { refreshProcess } from '../../data/pipelines/pipelines';

export function useProcessChange() {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const run = async <T>(change: () => Promise<T>, done?: string): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await change();
      if (done) notifications.show({ color: 'furrow', message: done });
      await refreshProcess(queryClient);
      return result;
    } catch (error) {
      if (isApiError(error) && error.code === 'stale') {
        notifications.show({
          color: 'orange',
          title: 'The process changed meanwhile',
          message: 'Another admin saved a change; the editor now shows it. Make your change again.',
        });
        await refreshProcess(queryClient);
      } else {
        notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
      }
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
