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
import { type StaleChange, StaleDialog } from '../components/StaleDialog';
import { applySaveError } from '../components/save-errors';

/** How a versioned form recovers from a 409: the record it was opened on and how to compare it. */
export interface Conflict<V, R> {
  noun: string;
  /** The record as the form last read it (its version goes into the PATCH). */
  base: R;
  setBase(record: R): void;
  fetchLatest(): Promise<R>;
  valuesOf(record: R): V;
  labels: Partial<Record<keyof V & string, string>>;
  /** Human text of a field's value in a record (owner name rather than id). */
  describe(record: R, field: keyof V & string): string;
}

interface WriteOptions<I, R, V> {
  request(input: I): Promise<R>;
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
  conflict?: Conflict<V, R>;
  /** Without a form, show a failure in `problem` (next to the control) instead of a notification. */
  inline?: boolean;
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

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const isStale = (error: unknown): boolean => isApiError(error) && error.code === 'stale';

export function useWrite<I, R, V extends Record<string, unknown> = Record<string, unknown>>(options: WriteOptions<I, R, V>): Write<I, R> {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [latest, setLatest] = useState<R | null>(null);
  const [changes, setChanges] = useState<StaleChange[]>([]);
  const mutation = useMutation({
    mutationFn: async (input: I) => {
      const result = await options.request(input);
      await options.refresh?.(queryClient);
      return result;
    },
  });

  const showConflict = async (conflict: Conflict<V, R>, form: UseFormReturnType<V>) => {
    const newer = await conflict.fetchLatest();
    const before = conflict.valuesOf(conflict.base);
    const after = conflict.valuesOf(newer);
    const mine = form.getValues();
    const fields = Object.keys(conflict.labels) as (keyof V & string)[];
    setChanges(
      fields
        .filter((f) => !same(before[f], after[f]))
        .map((f) => ({
          field: f,
          label: conflict.labels[f] ?? f,
          before: conflict.describe(conflict.base, f),
          after: conflict.describe(newer, f),
          clash: !same(mine[f], before[f]),
        })),
    );
    setLatest(newer);
  };

  /** Their version into the form, the person's edits of other fields kept; the next save uses its version. */
  const reload = () => {
    const { conflict, form } = options;
    if (!latest || !conflict || !form) return;
    const before = conflict.valuesOf(conflict.base);
    const after = conflict.valuesOf(latest);
    const merged = { ...form.form.getValues() };
    for (const f of Object.keys(after) as (keyof V & string)[]) if (!same(before[f], after[f])) merged[f] = after[f];
    form.form.setValues(merged);
    conflict.setBase(latest);
    setLatest(null);
  };

  const fail = async (error: unknown) => {
    const { form, conflict } = options;
    if (form) {
      const problems = isApiError(error) ? error.fields : [];
      const rename = typeof form.rename === 'function' ? form.rename(problems) : (form.rename ?? {});
      const outcome = applySaveError(error, form.form, [...form.fields, ...Object.values(rename)], setProblem, rename);
      if (outcome !== 'stale') return;
      if (conflict) await showConflict(conflict, form.form);
      else setProblem('Someone saved a newer version meanwhile. Close this and open it again to see theirs.');
      return;
    }
    if (isStale(error)) {
      // A click (a tick, an archive) has nothing to merge: show the newer state and say so.
      await (options.refresh ? options.refresh(queryClient) : queryClient.invalidateQueries());
      notifications.show({ color: 'orange', title: 'Changed meanwhile: reloaded, try again', message: errorMessage(error) });
      return;
    }
    if (options.inline) setProblem(errorMessage(error));
    else notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
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

  const noun = options.conflict?.noun ?? 'record';
  return {
    save,
    pending: mutation.isPending,
    problem,
    dialog: options.conflict ? <StaleDialog opened={latest !== null} noun={noun} changes={changes} onReload={reload} onClose={() => setLatest(null)} /> : null,
  };
}
