// What a check or an import found: the counts, or every bad row (line, column, reason) and the
// owners that match nobody. A dry run and a refused import (422) read the same.
import { Alert, Button, Group, List, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportResult } from '../../../api/imports';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function importCounts(r: ImportResult): string {
  return `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
}

interface Props {
  result: ImportResult;
  /** The list to open after an import. */
  listPath: string;
  listLabel: string;
}

/** What the import did without being told, and the columns it left out: said, never silent. */
function Notes({ result }: { result: ImportResult }) {
  if (result.notes.length === 0 && result.unmapped.length === 0) return null;
  return (
    <List size="sm" mt="xs" data-testid="import-notes">
      {result.notes.map((note) => (
        <List.Item key={note}>{note}</List.Item>
      ))}
      {result.unmapped.length > 0 && <List.Item>Not imported (no field chosen): {result.unmapped.join(', ')}</List.Item>}
    </List>
  );
}

/** A refused import: nothing in, or (resumable) the batches before the first bad row. */
function refusalText(result: ImportResult): string {
  const kept = result.kept;
  if (!kept || kept.rows === 0) return 'Nothing was imported: the file goes in whole or not at all. Fix these rows and import again.';
  return (
    `Rows up to line ${kept.throughLine} were kept (${plural(kept.rows, 'row', 'rows')}: ${kept.created} created, ${kept.updated} updated, ` +
    `${kept.unchanged} unchanged); nothing after them. Fix these rows and import the file again: the rows kept are found and left as they are.`
  );
}

export function ImportReport({ result, listPath, listLabel }: Props) {
  if (result.ok) {
    return result.dryRun ? (
      <Alert color="furrow" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title="Every row is valid" data-testid="import-outcome">
        <Text size="sm">
          {plural(result.rows, 'row', 'rows')} checked. Importing would give: {importCounts(result)}. Nothing has been written yet.
        </Text>
        <Notes result={result} />
      </Alert>
    ) : (
      <Alert color="furrow" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title="Imported" data-testid="import-outcome">
        <Text size="sm">
          {plural(result.rows, 'row', 'rows')} imported: {importCounts(result)}.
        </Text>
        <Notes result={result} />
        <Group mt="sm">
          <Button component={Link} to={listPath} size="xs" variant="white">
            {listLabel}
          </Button>
        </Group>
      </Alert>
    );
  }
  const n = result.errors.length;
  return (
    <>
      <Alert
        color="red"
        variant="light"
        role="alert"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={`${plural(n, 'problem', 'problems')} in the file`}
        data-testid="import-outcome"
      >
        <Text size="sm">
          {result.dryRun ? `Nothing would be imported: the file goes in whole or not at all. Fix these rows and check again.` : refusalText(result)}
          {result.dryRun && result.created + result.updated + result.unchanged > 0 && ` The other rows would give: ${importCounts(result)}.`}
        </Text>
      </Alert>
      {result.unmatchedOwners.length > 0 && (
        <div>
          <Text size="sm" fw={600} id="unmatched-owners">
            Owners that match no user (by email or full name)
          </Text>
          <List size="sm" aria-labelledby="unmatched-owners" data-testid="import-unmatched-owners">
            {result.unmatchedOwners.map((o) => (
              <List.Item key={o}>{o}</List.Item>
            ))}
          </List>
        </div>
      )}
      <Table.ScrollContainer minWidth={480} maxHeight={420}>
        <Table verticalSpacing={4} striped captionSide="top" data-testid="import-errors">
          <Table.Caption>Rows to fix (the header is line 1)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems
              <Table.Tr key={`${e.line}-${i}`}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>{e.field ?? '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
