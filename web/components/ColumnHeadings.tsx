// The header row of a plain table: one column heading per label, each a scoped <th> for screen readers.
import { Table } from '@mantine/core';

export function ColumnHeadings({ labels }: { labels: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label) => (
          <Table.Th key={label} scope="col">
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
