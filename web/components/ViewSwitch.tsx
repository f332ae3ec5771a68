// The chart/table switch UI.md asks beside any chart: the same figures, drawn or in a table a screen
// reader can read.
import { SegmentedControl } from '@mantine/core';

export type View = 'chart' | 'table';

/** `label` names what is switched ("Show cramming as") when a page has more than one switch. */
export function ViewSwitch({ view, onView, label = 'Show as' }: { view: View; onView(v: View): void; label?: string }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      data={[
        { value: 'chart', label: 'Chart' },
        { value: 'table', label: 'Table' },
      ]}
      value={view}
      onChange={(v) => onView(v === 'table' ? 'table' : 'chart')}
    />
  );
}
