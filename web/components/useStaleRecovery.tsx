import type { UseFormReturnType } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { type StaleChange, StaleDialog } from './StaleDialog';

export interface StaleOptions<V extends Record<string, unknown>, R> {
  noun: string;
  form: UseFormReturnType<V>;
  base: R;
  setBase(record: R): void;
  fetchLatest(): Promise<R>;
  valuesOf(record: R): V;
  labels: Partial<Record<keyof V & string, string>>;
  /** Human text of a field's value in a record (owner name rather than id). */
  describe(record: R, field: keyof V & string): string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Handles 409 stale on save: fetch the newer record, show the differences, merge on request.
 * web/data/write.tsx#useWrite calls it for every versioned form (options undefined: a create).
 */
export function useStaleRecovery<V extends Record<string, unknown>, R>(options: StaleOptions<V, R> | undefined): { start(): Promise<void>; dialog: ReactNode } {
  const [latest, setLatest] = useState<R | null>(null);
  const [changes, setChanges] = useState<StaleChange[]>([]);
  if (!options) return { start: async () => {}, dialog: null };

  const start = async () => {
    const newer = await options.fetchLatest();
    const before = options.valuesOf(options.base);
    const after = options.valuesOf(newer);
    const mine = options.form.getValues();
    const fields = Object.keys(options.labels) as (keyof V & string)[];
    setChanges(
      fields
        .filter((f) => !same(before[f], after[f]))
        .map((f) => ({
          field: f,
          label: options.labels[f] ?? f,
          before: options.describe(options.base, f),
          after: options.describe(newer, f),
          clash: !same(mine[f], before[f]),
        })),
    );
    setLatest(newer);
  };

  const reload = () => {
    if (!latest) return;
    const before = options.valuesOf(options.base);
    const after = options.valuesOf(latest);
    const merged = { ...options.form.getValues() };
    for (const f of Object.keys(after) as (keyof V & string)[]) {
      if (!same(before[f], after[f])) merged[f] = after[f];
    }
    options.form.setValues(merged);
    options.setBase(latest);
    setLatest(null);
  };

  return {
    start,
    dialog: <StaleDialog opened={latest !== null} noun={options.noun} changes={changes} onReload={reload} onClose={() => setLatest(null)} />,
  };
}
