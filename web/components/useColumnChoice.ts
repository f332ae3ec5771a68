import { useLocalStorage } from '@mantine/hooks';
import { useMemo } from 'react';
import type { Column } from './columns';

/** Which columns a person shows, per list, remembered in this browser. */
export function useColumnChoice<T>(storageKey: string, columns: Column<T>[]) {
  const defaults = useMemo(() => columns.filter((c) => !c.defaultHidden).map((c) => c.key), [columns]);
  const [stored, setStored] = useLocalStorage<string[] | null>({ key: `furrow.columns.${storageKey}`, defaultValue: null, getInitialValueInEffect: false });
  const visible = useMemo(() => {
    const known = new Set(columns.map((c) => c.key));
    const chosen = (stored ?? defaults).filter((k) => known.has(k));
    // Fixed columns are always there, whatever an old stored choice says.
    for (const c of columns) if (c.fixed && !chosen.includes(c.key)) chosen.unshift(c.key);
    return chosen;
  }, [stored, defaults, columns]);

  const toggle = (key: string) => {
    const next = visible.includes(key) ? visible.filter((k) => k !== key) : columns.map((c) => c.key).filter((k) => k === key || visible.includes(k));
    setStored(next);
  };
  const reset = () => setStored(null);
  return { visible, toggle, reset };
}
