// Runs one admin change to the process and refreshes every screen that shows it, through the one
// write path (web/data/write.tsx). A stale version (another admin changed the process meanwhile)
// reloads the editor and says so.
import { refreshProcess } from '../../data/pipelines/pipelines';
import { useWrite } from '../../data/write';

interface Change {
  change(): Promise<unknown>;
  done: string | undefined;
}

export function useProcessChange() {
  const write = useWrite({
    request: ({ change }: Change) => change(),
    refresh: refreshProcess,
    success: (_result, { done }) => done ?? null,
    stale: {
      notice: {
        title: 'The process changed meanwhile',
        message: 'Another admin saved a change; the editor now shows it. Make your change again.',
      },
    },
  });
  /** Resolves to the change's answer, or null when it failed (already shown). */
  const run = async <T>(change: () => Promise<T>, done?: string): Promise<T | null> => ((await write.save({ change, done })) as T | undefined) ?? null;
  return { run, busy: write.pending };
}
