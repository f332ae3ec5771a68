// Import a CSV of accounts, contacts, deals or activities: choose the file, see which field each
// column feeds (auto-mapped from the preset or the field names, changeable), check it (a dry run:
// every bad row with its line and reason, and where each stage, owner or other listed value goes,
// changeable too) and import it, all rows or none (docs/import-export.md). A mapping worked out once
// is saved by name and picked for the next file. Admins import people (users and teams) here too.
import { Alert, Button, FileInput, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChecklist, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type {
  ImportDateFormat,
  ImportEntity,
  ImportFields,
  ImportMappingList,
  ImportPreset,
  ImportRequest,
  ImportResult,
  ImportValueChoice,
} from '../../../api/imports';
import type { JobAccepted } from '../../../api/jobs';
import { detectPreset, normaliseHeader } from '../../../lib/csv';
import { api, isApiError } from '../../app/api';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { titleIfCut } from '../../components/title-if-cut';
import { refreshEntity } from '../shared/resources';
import { autoMapping, type CsvHead, IGNORE, missingRequired, readCsvHead } from './csv-columns';
import { ImportJobProgress } from './ImportJobProgress';
import { ImportReport } from './ImportReport';
import { PeopleImport } from './PeopleImport';
import { ValueMapping, type ValueOverrides } from './ValueMapping';

/** Files with more data lines than this run as a background job, so the page can show progress. */
const BACKGROUND_FROM_LINES = 200;

const lineCount = (csv: string) => {
  let n = 0;
  for (let i = csv.indexOf('\n'); i !== -1; i = csv.indexOf('\n', i + 1)) n++;
  return n;
};

const ENTITIES: { value: ImportEntity; label: string }[] = [
  { value: 'accounts', label: 'Accounts' },
  { value: 'contacts', label: 'Contacts' },
  { value: 'deals', label: 'Deals' },
  { value: 'activities', label: 'Activities' },
];
/** Users and teams: the admin's own import (api/people.ts), listed with the records. */
const PEOPLE = { value: 'people', label: 'People (users and teams)' } as const;
type Choice = ImportEntity | 'people';

const PRESETS: { value: ImportPreset | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'furrow', label: 'Furrow export' },
  { value: 'salesforce', label: 'Salesforce' },
  { value: 'hubspot', label: 'HubSpot' },
  { value: 'pipedrive', label: 'Pipedrive' },
];

const DATE_FORMATS: { value: ImportDateFormat | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Tell from the file' },
  { value: 'DD/MM/YYYY', label: 'Day first: DD/MM/YYYY' },
  { value: 'MM/DD/YYYY', label: 'Month first: MM/DD/YYYY' },
];

interface Chosen {
  file: File;
  csv: string;
  head: CsvHead;
}

type Outcome = { kind: 'report'; result: ImportResult } | { kind: 'job'; jobId: string; dryRun: boolean } | { kind: 'error'; error: unknown } | null;

const isChoice = (v: string | null | undefined): v is Choice => v === PEOPLE.value || ENTITIES.some((e) => e.value === v);

export function ImportPage() {
  const { user } = useSession();
  const url = useUrlState();
  const queryClient = useQueryClient();
  const allowed: { value: Choice; label: string }[] = [
    ...ENTITIES.filter((e) => can(user.role, e.value, 'create')),
    ...(user.role === 'admin' ? [PEOPLE] : []),
  ];
  const asked = url.get('entity');
  const choice: Choice | null = isChoice(asked) && allowed.some((e) => e.value === asked) ? asked : (allowed[0]?.value ?? null);
  const entity: ImportEntity | null = choice === 'people' ? null : choice;

  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [preset, setPreset] = useState<ImportPreset | 'auto'>('auto');
  const [dateFormat, setDateFormat] = useState<ImportDateFormat | 'auto'>('auto');
  /** The user's own choices per header; everything else is auto-mapped. */
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  /** The user's choices per field and file value; everything else goes where the server proposes. */
  const [valueOverrides, setValueOverrides] = useState<ValueOverrides>({});
  /** The values the last check found, kept while the user changes where they go. */
  const [choices, setChoices] = useState<ImportValueChoice[]>([]);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const fields = useQuery({
    queryKey: ['import-fields', entity],
    queryFn: ({ signal }) => api.get<ImportFields>(`/api/v1/imports/${entity}/fields`, undefined, { signal }),
    enabled: entity !== null,
  });
  const saved = useQuery({
    queryKey: ['import-mappings', entity],
    queryFn: ({ signal }) => api.get<ImportMappingList>(`/api/v1/imports/${entity}/mappings`, undefined, { signal }),
    enabled: entity !== null,
  });

  const headers = chosen?.head.headers ?? [];
  const mapping = useMemo(() => {
    if (!fields.data || !chosen) return {};
    return { ...autoMapping(fields.data, chosen.head.headers, preset === 'auto' ? null : preset), ...overrides };
  }, [fields.data, chosen, preset, overrides]);
  const detectedPreset = fields.data && chosen && preset === 'auto' ? detectPreset<ImportPreset>(fields.data.presets, chosen.head.headers) : null;
  const detected =
    preset !== 'auto' || !chosen || !fields.data
      ? undefined
      : detectedPreset
        ? `Recognised: ${PRESETS.find((p) => p.value === detectedPreset)?.label ?? detectedPreset}`
        : 'No preset matches: columns map by field name';
  const missing = fields.data && chosen ? missingRequired(fields.data, mapping) : [];
  const fieldOptions = useMemo(
    () => [
      { value: IGNORE, label: '— Ignore this column —' },
      ...(fields.data?.fields ?? []).map((f) => ({ value: f.key, label: `${f.label}${f.required ? ' (required)' : ''}${f.custom ? ' · custom' : ''}` })),
    ],
    [fields.data],
  );

  const changeEntity = (value: string | null) => {
    if (!isChoice(value)) return;
    url.set({ entity: value });
    setOverrides({});
    setValueOverrides({});
    setChoices([]);
    setSavedName(null);
    setOutcome(null);
  };
  const entitySelect = <Select label="What to import" data={allowed} value={choice} onChange={changeEntity} allowDeselect={false} />;

  if (choice === 'people') {
    return (
      <>
        <PageHeader
          title="Import from CSV"
          description="Bring in your sales organisation: users, their teams and who runs each. A sheet goes in whole or not at all, and importing it again changes nothing."
        />
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>{entitySelect}</Grid.Col>
            </Grid>
          </Paper>
          <PeopleImport />
        </Stack>
      </>
    );
  }

  if (!entity) {
    return (
      <>
        <PageHeader title="Import from CSV" />
        <Alert color="gray" variant="light">
          Your role cannot import records.
        </Alert>
      </>
    );
  }
  const entityLabel = ENTITIES.find((e) => e.value === entity)?.label ?? entity;

  const pickSaved = (name: string | null) => {
    setSavedName(name);
    setOutcome(null);
    const item = saved.data?.items.find((m) => m.name === name);
    if (!item || !chosen) {
      setOverrides({});
      setValueOverrides({});
      return;
    }
    // The saved columns this file has (the next export may lack one); its values as they were.
    const byKey = new Map(chosen.head.headers.map((h) => [normaliseHeader(h), h]));
    const columns: Record<string, string> = {};
    for (const [header, field] of Object.entries(item.mapping)) {
      const own = byKey.get(normaliseHeader(header));
      if (own !== undefined) columns[own] = field;
    }
    setOverrides(columns);
    setValueOverrides(item.values);
    setSaveAs(item.name);
  };

  const changeValue = (field: string, value: string, target: string | null) => {
    setOutcome(null);
    setValueOverrides((all) => {
      const { [value]: _old, ...rest } = all[field] ?? {};
      return { ...all, [field]: target === null ? rest : { ...rest, [value]: target } };
    });
  };

  const showReport = (result: ImportResult) => {
    setOutcome({ kind: 'report', result });
    setChoices(result.valueChoices ?? []);
    if (result.savedAs) void queryClient.invalidateQueries({ queryKey: ['import-mappings', entity] });
  };

  const choose = async (file: File | null) => {
    setOutcome(null);
    setOverrides({});
    setValueOverrides({});
    setChoices([]);
    setSavedName(null);
    setReadProblem(null);
    if (!file) {
      setChosen(null);
      return;
    }
    try {
      const csv = await file.text();
      const head = readCsvHead(csv);
      if (head.headers.every((h) => h === '')) {
        setChosen(null);
        setReadProblem('The file is empty: the first line must name the columns.');
        return;
      }
      setChosen({ file, csv, head });
    } catch (error) {
      setChosen(null);
      setReadProblem(`The file could not be read: ${errorMessage(error)}`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!chosen) return;
    setBusy(dryRun ? 'check' : 'import');
    setOutcome(null);
    // Only fields a column still feeds: a column re-mapped away leaves its values behind.
    const fed = new Set(Object.values(mapping).flatMap((f) => f.split('+')));
    const values = Object.fromEntries(Object.entries(valueOverrides).filter(([field, pairs]) => fed.has(field) && Object.keys(pairs).length > 0));
    const body: ImportRequest = {
      csv: chosen.csv,
      fileName: chosen.file.name,
      mapping,
      dryRun,
      ...(Object.keys(values).length > 0 && { values }),
      ...(saveAs.trim() !== '' && { saveMappingAs: saveAs.trim() }),
      ...(lineCount(chosen.csv) > BACKGROUND_FROM_LINES && { background: true }),
      ...(preset === 'auto' ? {} : { preset }),
      ...(dateFormat === 'auto' ? {} : { dateFormat }),
    };
    try {
      const answer = await api.post<ImportResult | JobAccepted>(`/api/v1/imports/${entity}`, body);
      if ('jobId' in answer) {
        // A big file runs in the background: the progress bar polls the job until its report is in.
        setOutcome({ kind: 'job', jobId: answer.jobId, dryRun });
        return;
      }
      showReport(answer);
      if (!dryRun) await refreshEntity(queryClient, entity);
    } catch (error) {
      // A refused import (422) carries the same report as a check.
      const details = isApiError(error) && error.status === 422 ? (error.details as ImportResult | undefined) : undefined;
      if (details && Array.isArray(details.errors)) showReport(details);
      else setOutcome({ kind: 'error', error });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Import from CSV"
        description="Bring in accounts, contacts, deals or activities from a CSV export of your old CRM (or of Furrow). A file goes in whole or not at all, and importing it again creates nothing twice."
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>{entitySelect}</Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <FileInput
                label="CSV file"
                placeholder="Choose a .csv file"
                accept=".csv,text/csv"
                value={chosen?.file ?? null}
                onChange={choose}
                clearable
                clearButtonProps={{ 'aria-label': 'Remove the file' }}
                leftSection={<IconFileTypeCsv size={16} aria-hidden />}
                error={readProblem}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <Select
                label="Column names from"
                description={detected}
                data={PRESETS}
                value={preset}
                onChange={(v) => {
                  setPreset((v as ImportPreset | 'auto' | null) ?? 'auto');
                  setOverrides({});
                  setOutcome(null);
                }}
                allowDeselect={false}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <Select
                label="Date order"
                description="For numeric dates such as 03/04/2026"
                data={DATE_FORMATS}
                value={dateFormat}
                onChange={(v) => {
                  setDateFormat((v as ImportDateFormat | 'auto' | null) ?? 'auto');
                  setOutcome(null);
                }}
                allowDeselect={false}
              />
            </Grid.Col>
          </Grid>
        </Paper>

        {fields.isError && <ErrorState error={fields.error} title="The fields to map to could not be loaded" onRetry={() => fields.refetch()} />}
        {!chosen && !fields.isError && (
          <Text size="sm" c="dimmed">
            Choose a file: its header row appears here with the field each column feeds. Import accounts first, then contacts, then deals, then activities, so
            the links between them are found.
          </Text>
        )}

        {chosen && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="xs">
                <Title order={2} fz="h4" id="import-columns">
                  Columns of {chosen.file.name}
                </Title>
                {fields.isPending ? (
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
                                  {chosen.head.sample[i] || '—'}
                                </Text>
                              </Table.Td>
                              <Table.Td miw={200}>
                                <Select
                                  aria-label={`Field for column ${header}`}
                                  size="xs"
                                  data={fieldOptions}
                                  value={mapping[header] ?? IGNORE}
                                  onChange={(v) => {
                                    setOverrides((o) => ({ ...o, [header]: v ?? IGNORE }));
                                    setOutcome(null);
                                  }}
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
                {missing.length > 0 && (
                  <Text size="sm" c="red.8" role="status">
                    No column feeds {missing.join(', ')}: map one before importing.
                  </Text>
                )}
                <ValueMapping choices={choices} overrides={valueOverrides} onChange={changeValue} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  Check and import
                </Title>
                <Text size="sm" c="dimmed">
                  Check reads every row without writing anything. Import writes {entityLabel.toLowerCase()} only if every row is valid.
                </Text>
                <Grid gap="sm" align="flex-end">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label="Saved mapping"
                      placeholder={saved.data?.items.length ? 'Choose one' : 'None saved yet'}
                      data={(saved.data?.items ?? []).map((m) => m.name)}
                      value={savedName}
                      onChange={pickSaved}
                      clearable
                      disabled={!saved.data?.items.length}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label="Save the mapping as"
                      description="Kept on Check or Import"
                      placeholder="e.g. Salesforce monthly"
                      maxLength={100}
                      value={saveAs}
                      onChange={(e) => setSaveAs(e.currentTarget.value)}
                    />
                  </Grid.Col>
                </Grid>
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconChecklist size={16} aria-hidden />}
                    onClick={() => run(true)}
                    loading={busy === 'check'}
                    disabled={busy !== null || !fields.data || outcome?.kind === 'job'}
                  >
                    Check
                  </Button>
                  <Button
                    leftSection={<IconUpload size={16} aria-hidden />}
                    onClick={() => run(false)}
                    loading={busy === 'import'}
                    disabled={busy !== null || !fields.data || outcome?.kind === 'job'}
                  >
                    Import {entityLabel.toLowerCase()}
                  </Button>
                </Group>
                <div aria-live="polite">
                  {outcome?.kind === 'report' && (
                    <Stack gap="sm">
                      <ImportReport result={outcome.result} listPath={`/${entity}`} listLabel={`Open ${entityLabel.toLowerCase()}`} />
                    </Stack>
                  )}
                  {outcome?.kind === 'job' && entity && (
                    <ImportJobProgress
                      jobId={outcome.jobId}
                      dryRun={outcome.dryRun}
                      onFinished={async (result) => {
                        if (result) showReport(result);
                        else setOutcome(null);
                        if (result && !result.dryRun && result.ok) await refreshEntity(queryClient, entity);
                      }}
                      onFailed={(error) => setOutcome({ kind: 'error', error })}
                    />
                  )}
                  {outcome?.kind === 'error' && <ErrorState error={outcome.error} title="The file could not be imported" />}
                </div>
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}
