// A titled panel of a measurement screen, and the chart/table switch UI.md asks beside any chart.
import { Group, Paper, SegmentedControl, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export type View = 'chart' | 'table';

export function Section({ title, id, actions, children }: { title: string; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

export function ViewSwitch({ view, onView }: { view: View; onView(v: View): void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label="Show as"
      data={[
        { value: 'chart', label: 'Chart' },
        { value: 'table', label: 'Table' },
      ]}
      value={view}
      onChange={(v) => onView(v as View)}
    />
  );
}
