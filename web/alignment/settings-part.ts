// The lead settings are one record with one version, edited by two forms (routing and hours;
// reassignment on breach). A save of either bumps the version without touching the other's part,
// so a form resets from a newer version only when it has no unsaved edits, and from its own save.
// Its edits stand on the part it last loaded: when another admin changed that part since, it sends
// the version it loaded, so the save answers 409 rather than overwriting their change.
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef } from 'react';
import type { LeadSettings } from '../../api/lead-settings';

export function useSettingsPart<V extends Record<string, unknown>>(
  form: UseFormReturnType<V>,
  loaded: LeadSettings | undefined,
  valuesOf: (s: LeadSettings) => V,
  partOf: (s: LeadSettings) => unknown,
): { resetFrom: (s: LeadSettings) => void; versionFor: (current: LeadSettings) => number } {
  const base = useRef<LeadSettings | null>(null);
  const resetFrom = (s: LeadSettings) => {
    base.current = s;
    const values = valuesOf(s);
    form.setValues(values);
    form.resetDirty(values);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly loaded version may reset, never a render
  useEffect(() => {
    if (loaded && (base.current === null || !form.isDirty())) resetFrom(loaded);
  }, [loaded?.version]);
  const versionFor = (current: LeadSettings) =>
    base.current && JSON.stringify(partOf(base.current)) !== JSON.stringify(partOf(current)) ? base.current.version : current.version;
  return { resetFrom, versionFor };
}
