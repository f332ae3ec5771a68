// The chosen file's columns, each with its first value and the field it feeds (changeable), what a
// required field still lacks, and where the listed values of the last check go.
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { LoadingState } from '../../components/LoadingState';
import { titleIfCut } from '../../components/title-if-cut';
import { IGNORE } from './csv-columns';
import type { Chosen, CsvImport } from './use-csv-import';
import { ValueMapping } from './ValueMapping';

export function ColumnMapping({ state, chosen }: { state: CsvImport; chosen: Chosen }) {
  const { headers, sample } = chosen.head;
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4" id="import-columns">
        Columns of {chosen.file.name}
      </Title>
      {state.fields.isPending ? (
        <LoadingState />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4} aria-labelledby="import-columns" data-testid="import-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">CSV column</Table.Th>
                <Table.Th scope="col">First row</Table.Th>
                <Table.Th scope="col">Furrow field</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {headers.map((header, i) =>
                header === '' ? null : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; the column's place is its identity
                  <Table.Tr key={`${header}-${i}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {header}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={160}>
                      <Text size="sm" c="dimmed" truncate="end" ref={titleIfCut}>
                        {sample[i] || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={200}>
                      <Select
                        aria-label={`Field for column ${header}`}
                        size="xs"
                        data={state.fieldOptions}
                        value={state.mapping[header] ?? IGNORE}
                        onChange={(v) => state.mapColumn(header, v ?? IGNORE)}
                        allowDeselect={false}
                        searchable
                      />
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {state.missing.length > 0 && (
        <Text size="sm" c="red.8" role="status">
          No column feeds {state.missing.join(', ')}: map one before importing.
        </Text>
      )}
      <ValueMapping choices={state.choices} overrides={state.valueOverrides} onChange={state.changeValue} />
    </Stack>
  );
}
