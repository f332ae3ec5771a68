import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';

/** A column heading; `hidden` ones (a row's buttons) are read out but not shown. */
export type Heading = string | { label: string; hidden?: boolean; align?: 'right' };

interface Props<D, T> {
  query: UseQueryResult<D>;
  /** The rows in the answer (a list, or a page's items). */
  items(data: D): T[];
  headings: Heading[];
  rowKey(item: T): string;
  /** A row's cells. */
  children(item: T): ReactNode;
  /** Shown instead of an empty table; absent when the list is never empty (the admin is a user). */
  empty?: ReactNode;
  label?: string;
  highlightOnHover?: boolean;
  /** Scrolls sideways below this width rather than squeezing the columns. */
  minWidth?: number;
  /** Under the table, e.g. the pager of a paged list. */
  footer?(data: D): ReactNode;
}

/** The records of a settings screen: loading, failure with retry, the empty hint, or the table. */
export function SettingsTable<D, T>({ query, items, headings, rowKey, children, empty, label, highlightOnHover, minWidth, footer }: Props<D, T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const rows = items(query.data);
  if (rows.length === 0 && empty) return <>{empty}</>;
  const table = (
    <Table verticalSpacing="xs" highlightOnHover={highlightOnHover} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {headings.map((h) => {
            const { label: text, hidden, align } = typeof h === 'string' ? { label: h, hidden: false, align: undefined } : h;
            return (
              <Table.Th key={text} scope="col" style={align ? { textAlign: align } : undefined}>
                {hidden ? <span className="sr-only">{text}</span> : text}
              </Table.Th>
            );
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((item) => (
          <Table.Tr key={rowKey(item)}>{children(item)}</Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <>
      {minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table}
      {footer?.(query.data)}
    </>
  );
}
