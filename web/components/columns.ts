import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  render(row: T): ReactNode;
  /** The server sort field; a column without one is not sortable. */
  sortKey?: string;
  /** Columns people cannot hide (the record's name). */
  fixed?: boolean;
  defaultHidden?: boolean;
  align?: 'left' | 'right';
  width?: number | string;
  /** Cells stay on one line and end in "…" past this width (px), so rows keep one height. */
  maxWidth?: number;
}
