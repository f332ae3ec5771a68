// Quotas from a spreadsheet: choose a CSV, the server checks every row first (a dry run), every bad
// row is listed with its line and reason, and only a clean file can be imported (all or nothing).
import { Alert, Button, FileButton, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { QuotaImportResult } from '../../api/measurement-targets';
import { errorMessage } from '../components/ErrorState';
import { FormFooter } from '../components/FormFooter';
import { importQuotas, refreshQuotas } from '../data/quotas/quotas';
import { ScrollTable } from './forecast-scroll';

interface Checked {
  fileName: string;
  csv: string;
  result: QuotaImportResult | null;
  error: string | null;
}

const counts = (r: QuotaImportResult) =>
  [
    r.created > 0 && `${r.created} new`,
    r.updated > 0 && `${r.updated} changed`,
    r.removed > 0 && `${r.removed} removed`,
    r.unchanged > 0 && `${r.unchanged} unchanged`,
  ]
    .filter(Boolean)
    .join(', ') || 'no rows';

export function QuotaImport() {
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  // Cleared after each choice, so choosing the same (fixed) file again reads it again.
  const resetRef = useRef<() => void>(null);

  const choose = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    const csv = await file.text();
    resetRef.current?.();
    try {
      setChecked({ fileName: file.name, csv, result: await importQuotas(csv, true), error: null });
    } catch (error) {
      setChecked({ fileName: file.name, csv, result: null, error: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!checked) return;
    setBusy(true);
    try {
      const result = await importQuotas(checked.csv, false);
      if (result.ok) {
        await refreshQuotas(queryClient);
        notifications.show({ color: 'furrow', message: `Quotas imported from ${checked.fileName}: ${counts(result)}` });
        setChecked(null);
      } else setChecked({ ...checked, result });
    } catch (error) {
      setChecked({ ...checked, error: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const result = checked?.result;
  return (
    <>
      <FileButton onChange={choose} accept=".csv,text/csv" resetRef={resetRef}>
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={busy && !checked}>
            Import CSV
          </Button>
        )}
      </FileButton>
      <Modal opened={checked !== null} onClose={() => setChecked(null)} title={`Import quotas from ${checked?.fileName ?? ''}`} size="xl">
        <Stack gap="md">
          {checked?.error && (
            <Alert color="red" variant="light" role="alert" title="The file could not be checked">
              {checked.error}
            </Alert>
          )}
          {result && !result.ok && (
            <>
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={`${result.problems.length} ${result.problems.length === 1 ? 'row needs' : 'rows need'} fixing`}
              >
                Nothing was imported. Fix these rows in the file and choose it again.
              </Alert>
              <ScrollTable minWidth={520} maxHeight={360}>
                <Table verticalSpacing={4} striped data-testid="quota-import-problems">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Line</Table.Th>
                      <Table.Th scope="col">Column</Table.Th>
                      <Table.Th scope="col">Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.problems.map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems
                      <Table.Tr key={`${p.line}-${i}`}>
                        <Table.Td>{p.line}</Table.Td>
                        <Table.Td>{p.field ?? '—'}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </>
          )}
          {result?.ok && (
            <Alert color="furrow" variant="light" title="Every row is valid">
              Importing will make these changes: {counts(result)}. It goes in all at once, or not at all.
            </Alert>
          )}
          <Text size="sm" c="dimmed" component="div">
            The file needs the columns{' '}
            <List size="sm" withPadding>
              <List.Item>
                <code>scope_type</code>: user, team or workspace
              </List.Item>
              <List.Item>
                <code>scope</code>: the user’s email or the team’s name (empty for the workspace)
              </List.Item>
              <List.Item>
                <code>period</code>: a fiscal year (FY2027), quarter (FY2027-Q1) or month (2026-11)
              </List.Item>
              <List.Item>
                <code>amount</code>: in currency units, e.g. 125000.00; empty removes the quota
              </List.Item>
            </List>
            Other columns are ignored, so an export can be edited and imported back.
          </Text>
          {/* Only a clean file may go in: until then the dialog can only be closed. */}
          <FormFooter
            onCancel={() => setChecked(null)}
            {...(result?.ok ? { submitLabel: 'Import', onSubmit: run, submitting: busy } : { cancelLabel: 'Close' })}
          />
        </Stack>
      </Modal>
    </>
  );
}
