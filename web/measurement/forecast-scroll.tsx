// A table that scrolls sideways when the screen is narrow, reachable with the keyboard (axe:
// scrollable-region-focusable), for the forecast and quota screens.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollTable({ minWidth, maxHeight, children }: { minWidth: number; maxHeight?: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} {...(maxHeight ? { mah: maxHeight } : {})} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      {children}
    </Table.ScrollContainer>
  );
}
