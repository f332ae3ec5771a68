// One way every write is handled, so each form and button behaves alike: the request runs as a
// TanStack mutation, then the queries it affects are refreshed and a success notification shows.
// A failure lands where the person can act on it: the server's field problems (400
// details.fields) under the form's fields and the rest above the form, or a red notification for a
// write without a form. A 409 stale on a versioned form opens the one conflict dialog: what the
// other person changed, "load their version, keep my other edits" or "not now"; a write without a
// form reloads its queries and says so.
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { FieldProblem } from '../../api/common';
import { isApiError } from '../app/api';
import { errorMessage } from '../components/ErrorState';
import { applySaveError } from '../components/save-errors';
import { type StaleOptions, useStaleRecovery } from '../components/useStaleRecovery';

/** How a versioned form recovers from a 409: the record it was opened on and how to compare it. */
type Conflict<V extends Record<string, unknown>, R> = Omit<StaleOptions<V, R>, 'form'>;

interface WriteOptions<I, R, V extends Record<string, unknown>, B> {
  request(input: I): Promise<R>;
  /**
   * Runs once the server has accepted the write, before the refresh: for what must change before
   * the refreshed data shows (a text box emptied, so a sent comment does not also sit there unsent).
   */
  onAccepted?(result: R, input: I): void;
  /** The queries the write changes, refreshed before the write counts as done. */
  refresh?(queryClient: QueryClient): Promise<unknown>;
  /** The success notification's text (none when absent or null). */
  success?: string | ((result: R, input: I) => string | null);
  onSuccess?(result: R, input: I): void | Promise<void>;
  /** The form whose fields show the server's field problems. `rename`: API field → form field. */
  form?: {
    form: UseFormReturnType<V>;
    fields: readonly string[];
    rename?: Record<string, string> | ((problems: FieldProblem[]) => Record<string, string>);
  };
  /** B, the record the form edits, is usually the write's result R too. */
  conflict?: Conflict<V, B>;
  /** Without a form, show a failure in `problem` (next to the control) instead of a notification. */
  inline?: boolean;
  /** The failure notification's title (default "Not saved"). */
  failure?: string;
  /**
   * A 409 stale with nothing to merge, in the screen's own words: `problem` under a form that has
   * no conflict dialog (its queries refreshed after), `notice` for a write without a form.
   */
  stale?: { problem?: string; notice?: { title: string; message: string } };
}

export interface Write<I, R> {
  /** Runs the write; resolves to the result, or undefined when it failed (already shown). */
  save(input: I): Promise<R | undefined>;
  pending: boolean;
  /** A failure that is not a field's, for the form's FormProblem (or the inline control). */
  problem: string | null;
  /** The conflict dialog; render it once in the screen. */
  dialog: ReactNode;
}

const isStale = (error: unknown): boolean => isApiError(error) && error.code === 'stale';

export function useWrite<I, R, V extends Record<string, unknown> = Record<string, unknown>, B = R>(options: WriteOptions<I, R, V, B>): Write<I, R> {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const stale = useStaleRecovery(options.conflict && options.form ? { ...options.conflict, form: options.form.form } : undefined);
  const mutation = useMutation({
    mutationFn: async (input: I) => {
      const result = await options.request(input);
      options.onAccepted?.(result, input);
      await options.refresh?.(queryClient);
      return result;
    },
  });

  const fail = async (error: unknown) => {
    const { form, conflict } = options;
    if (form) {
      const problems = isApiError(error) ? error.fields : [];
      const rename = typeof form.rename === 'function' ? form.rename(problems) : (form.rename ?? {});
      const outcome = applySaveError(error, form.form, [...form.fields, ...Object.values(rename)], setProblem, rename);
      if (outcome !== 'stale') return;
      if (conflict) await stale.start();
      else if (options.stale?.problem) {
        setProblem(options.stale.problem);
        await options.refresh?.(queryClient);
      } else setProblem('Someone saved a newer version meanwhile. Close this and open it again to see theirs.');
      return;
    }
    if (isStale(error)) {
      // A click (a tick, an archive) has nothing to merge: show the newer state and say so.
      await (options.refresh ? options.refresh(queryClient) : queryClient.invalidateQueries());
      const notice = options.stale?.notice ?? { title: 'Changed meanwhile: reloaded, try again', message: errorMessage(error) };
      notifications.show({ color: 'orange', ...notice });
      return;
    }
    if (options.inline) setProblem(errorMessage(error));
    else notifications.show({ color: 'red', title: options.failure ?? 'Not saved', message: errorMessage(error) });
  };

  const save = async (input: I): Promise<R | undefined> => {
    setProblem(null);
    let result: R;
    try {
      result = await mutation.mutateAsync(input);
    } catch (error) {
      await fail(error);
      return undefined;
    }
    const message = typeof options.success === 'function' ? options.success(result, input) : options.success;
    if (message) notifications.show({ color: 'furrow', message });
    await options.onSuccess?.(result, input);
    return result;
  };

  return { save, pending: mutation.isPending, problem, dialog: stale.dialog };
}
