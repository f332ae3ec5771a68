import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label/value pairs of a record; empty values read as a dash, never as a blank. */
export function Details({ items, labelWidth = 120 }: { items: Detail[]; labelWidth?: number }) {
  return (
    <DataList labelWidth={labelWidth} gap="xs">
      {items.map((d) => (
        <DataList.Item key={d.label}>
          <DataList.ItemLabel c="dimmed">{d.label}</DataList.ItemLabel>
          <DataList.ItemValue>{d.value === null || d.value === undefined || d.value === '' ? '—' : d.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
