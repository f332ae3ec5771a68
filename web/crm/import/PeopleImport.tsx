// Users and teams from a sheet (name, email, role, team, parent team, manager), for admins: check it
// (every problem by line), then import it, all rows or none; re-importing the same sheet changes
// nothing. New users start with the password given here and change it from the user menu.
import { Alert, Button, FileInput, Grid, Group, Paper, PasswordInput, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconCircleCheck, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PeopleImportBody, PeopleImportResult } from '../../../api/people';
import { isApiError } from '../../app/api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { importPeople, refreshPeople } from '../../data/imports/imports';

type Outcome = { kind: 'report'; result: PeopleImportResult } | { kind: 'error'; error: unknown } | null;

const counts = (c: PeopleImportResult['users']) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

export function PeopleImport() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ file: File; csv: string } | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const choose = async (chosen: File | null) => {
    setOutcome(null);
    setReadProblem(null);
    if (!chosen) return setFile(null);
    try {
      setFile({ file: chosen, csv: await chosen.text() });
    } catch (error) {
      setFile(null);
      setReadProblem(`The file could not be read: ${errorMessage(error)}`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setOutcome(null);
    const body: PeopleImportBody = { csv: file.csv, dryRun, ...(password !== '' && { initialPassword: password }) };
    try {
      const result = await importPeople(body);
      setOutcome({ kind: 'report', result });
      if (!dryRun) await refreshPeople(queryClient);
    } catch (error) {
      // A refused sheet (422) carries the same report as a check.
      const details = isApiError(error) && error.status === 422 ? (error.details as PeopleImportResult | undefined) : undefined;
      setOutcome(details && Array.isArray(details.errors) ? { kind: 'report', result: details } : { kind: 'error', error });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <FileInput
              label="CSV of people"
              description="Columns: name, email, role, team, parent team, manager (email)"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              value={file?.file ?? null}
              onChange={choose}
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the file' }}
              leftSection={<IconFileTypeCsv size={16} aria-hidden />}
              error={readProblem}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <PasswordInput
              label="Initial password of new users"
              description="At least 10 characters; each new user changes it after signing in"
              autoComplete="new-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setOutcome(null);
              }}
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <Group>
        <Button
          variant="default"
          leftSection={<IconChecklist size={16} aria-hidden />}
          onClick={() => run(true)}
          loading={busy === 'check'}
          disabled={!file || busy !== null}
        >
          Check
        </Button>
        <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => run(false)} loading={busy === 'import'} disabled={!file || busy !== null}>
          Import people
        </Button>
      </Group>
      <div aria-live="polite">
        {outcome?.kind === 'error' && <ErrorState error={outcome.error} title="The sheet could not be imported" />}
        {outcome?.kind === 'report' && <PeopleReport result={outcome.result} />}
      </div>
    </Stack>
  );
}

function PeopleReport({ result }: { result: PeopleImportResult }) {
  const summary = `Teams: ${counts(result.teams)}. Users: ${counts(result.users)}.`;
  if (result.ok) {
    return (
      <Alert
        color="furrow"
        variant="light"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={result.dryRun ? 'Every row is valid' : 'Imported'}
        data-testid="people-outcome"
      >
        <Text size="sm">
          {result.rows} {result.rows === 1 ? 'row' : 'rows'} {result.dryRun ? 'checked; importing would give' : 'imported'}. {summary}
          {result.dryRun && ' Nothing has been written yet.'}
        </Text>
        {!result.dryRun && (
          <Group mt="sm">
            <Button component={Link} to="/settings/users" size="xs" variant="white">
              Open users
            </Button>
            <Button component={Link} to="/settings/teams" size="xs" variant="white">
              Open teams
            </Button>
          </Group>
        )}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert
        color="red"
        variant="light"
        role="alert"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={`${result.errors.length} ${result.errors.length === 1 ? 'problem' : 'problems'} in the sheet`}
        data-testid="people-outcome"
      >
        <Text size="sm">Nothing {result.dryRun ? 'would be' : 'was'} imported: the sheet goes in whole or not at all. Fix these rows and try again.</Text>
      </Alert>
      <Table.ScrollContainer minWidth={480} maxHeight={420}>
        <Table verticalSpacing={4} striped captionSide="top" data-testid="people-errors">
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
                <Table.Td>{e.field === 'initialPassword' ? 'Initial password' : (e.field ?? '—')}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
