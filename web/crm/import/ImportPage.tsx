// Import a CSV of accounts, contacts, deals, activities or leads: choose the file, see which field each
// column feeds (auto-mapped from the preset or the field names, changeable), check it (a dry run:
// every bad row with its line and reason, and where each stage, owner or other listed value goes,
// changeable too) and import it, all rows or none (docs/import-export.md). A mapping worked out once
// is saved by name and picked for the next file. Admins import people (users and teams) here too.
import { Alert, FileInput, Grid, Paper, Select, Stack, Text } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import type { ImportDateFormat, ImportEntity, ImportPreset } from '../../../api/imports';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { CheckAndImport } from './CheckAndImport';
import { ColumnMapping } from './ColumnMapping';
import { ImportOutcome } from './ImportOutcome';
import { type Choice, DATE_FORMATS, ENTITIES, importResource, isChoice, PEOPLE, PRESETS } from './import-choices';
import { PeopleImport } from './PeopleImport';
import { type CsvImport, useCsvImport } from './use-csv-import';

const col = { base: 12, sm: 6, lg: 3 };

export function ImportPage() {
  const { user } = useSession();
  const url = useUrlState();
  const allowed: { value: Choice; label: string }[] = [
    ...ENTITIES.filter((e) => can(user.role, importResource(e.value), 'create')),
    ...(user.role === 'admin' ? [PEOPLE] : []),
  ];
  const asked = url.get('entity');
  const choice: Choice | null = isChoice(asked) && allowed.some((e) => e.value === asked) ? asked : (allowed[0]?.value ?? null);
  const entity: ImportEntity | null = choice === 'people' ? null : choice;
  const state = useCsvImport(entity);

  const changeEntity = (value: string | null) => {
    if (!isChoice(value)) return;
    url.set({ entity: value });
    state.reset();
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
              <Grid.Col span={col}>{entitySelect}</Grid.Col>
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
  const { chosen, fields } = state;

  return (
    <>
      <PageHeader
        title="Import from CSV"
        description="Bring in accounts, contacts, deals, activities or leads from a CSV export of your old CRM (or of Furrow). A file goes in whole or not at all, and importing it again creates nothing twice."
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Grid gap="md" align="flex-end">
            <Grid.Col span={col}>{entitySelect}</Grid.Col>
            <FileSettings state={state} />
          </Grid>
        </Paper>

        {fields.isError && <ErrorState error={fields.error} title="The fields to map to could not be loaded" onRetry={() => fields.refetch()} />}
        {!chosen && !fields.isError && (
          <Text size="sm" c="dimmed">
            {entity === 'leads'
              ? 'Choose a file: its header row appears here with the field each column feeds. Salesforce’s lead export and HubSpot’s contacts export map by themselves; their dates become each lead’s history.'
              : 'Choose a file: its header row appears here with the field each column feeds. Import accounts first, then contacts, then deals, then activities, so the links between them are found.'}
          </Text>
        )}

        {!chosen && state.outcome && (
          <Paper withBorder p="md" radius="md">
            <ImportOutcome state={state} entity={entity} plural={entityLabel.toLowerCase()} />
          </Paper>
        )}

        {chosen && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <ColumnMapping state={state} chosen={chosen} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <CheckAndImport state={state} entity={entity} entityLabel={entityLabel} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}

/** The file, whose export it is, and the order of its numeric dates. */
function FileSettings({ state }: { state: CsvImport }) {
  return (
    <>
      <Grid.Col span={col}>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          value={state.chosen?.file ?? null}
          onChange={state.choose}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the file' }}
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          error={state.readProblem}
        />
      </Grid.Col>
      <Grid.Col span={col}>
        <Select
          label="Column names from"
          description={state.detected}
          data={PRESETS}
          value={state.preset}
          onChange={(v) => state.setPreset((v as ImportPreset | 'auto' | null) ?? 'auto')}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={col}>
        <Select
          label="Date order"
          description="For numeric dates such as 03/04/2026"
          data={DATE_FORMATS}
          value={state.dateFormat}
          onChange={(v) => state.setDateFormat((v as ImportDateFormat | 'auto' | null) ?? 'auto')}
          allowDeselect={false}
        />
      </Grid.Col>
    </>
  );
}
