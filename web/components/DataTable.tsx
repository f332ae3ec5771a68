import { Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { Column } from './columns';
import { titleIfCut } from './title-if-cut';

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  visible: string[];
  rows: T[];
  rowKey(row: T): string;
  sort?: string | undefined;
  onSort?(sort: string): void;
}

function SortHeader({ label, field, sort, onSort }: { label: string; field: string; sort: string | undefined; onSort(sort: string): void }) {
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton
      onClick={() => onSort(active && !descending ? `-${field}` : field)}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}
    >
      {label}
      <Icon size={14} aria-hidden />
      <VisuallyHidden>{active ? (descending ? ', sorted descending' : ', sorted ascending') : ', sort'}</VisuallyHidden>
    </UnstyledButton>
  );
}

/** A list of records: server-side sorting through onSort, the columns the person chose. */
export function DataTable<T>({ caption, columns, visible, rows, rowKey, sort, onSort }: Props<T>) {
  const shown = columns.filter((c) => visible.includes(c.key));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs" striped={false} withTableBorder={false}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => {
              const active = c.sortKey && (sort === c.sortKey || sort === `-${c.sortKey}`);
              return (
                <Table.Th
                  key={c.key}
                  style={{ textAlign: c.align ?? 'left', width: c.width, whiteSpace: 'nowrap' }}
                  aria-sort={active ? (sort?.startsWith('-') ? 'descending' : 'ascending') : undefined}
                  scope="col"
                >
                  {c.sortKey && onSort ? <SortHeader label={c.label} field={c.sortKey} sort={sort} onSort={onSort} /> : c.label}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {shown.map((c) => (
                <Table.Td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                  <div ref={titleIfCut} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: c.maxWidth ?? 280 }}>
                    {c.render(row)}
                  </div>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
