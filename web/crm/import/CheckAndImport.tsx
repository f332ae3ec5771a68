// Check (a dry run) and import, with the saved mapping to start from and the name to save this one
// under, and the outcome (ImportOutcome.tsx).
import { Button, Checkbox, FileInput, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChecklist, IconUpload } from '@tabler/icons-react';
import type { ImportEntity } from '../../../api/imports';
import { ImportOutcome } from './ImportOutcome';
import type { CsvImport } from './use-csv-import';

export function CheckAndImport({ state, entity, entityLabel }: { state: CsvImport; entity: ImportEntity; entityLabel: string }) {
  const { outcome, busy, saved } = state;
  const blocked = busy !== null || !state.fields.data || outcome?.kind === 'job';
  const plural = entityLabel.toLowerCase();
  return (
    <Stack gap="sm">
      <Title order={2} fz="h4">
        Check and import
      </Title>
      <Text size="sm" c="dimmed">
        Check reads every row without writing anything.{' '}
        {state.resumable
          ? `Import keeps ${plural} a batch at a time, up to the first batch with a bad row.`
          : `Import writes ${plural} only if every row is valid.`}
      </Text>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Saved mapping"
            placeholder={saved.data?.items.length ? 'Choose one' : 'None saved yet'}
            data={(saved.data?.items ?? []).map((m) => m.name)}
            value={state.savedName}
            onChange={state.pickSaved}
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
            value={state.saveAs}
            onChange={(e) => state.setSaveAs(e.currentTarget.value)}
          />
        </Grid.Col>
      </Grid>
      {entity === 'deals' && (
        <Checkbox
          label="Historical import"
          description="The file is your old CRM's history: its stage changes are kept as imported (not checked against today's exit criteria, not counted in adherence), “Date entered <stage>” columns give each deal's stage history, and a deal without a create date shows “created: unknown”."
          checked={state.historical}
          onChange={(e) => state.setHistorical(e.currentTarget.checked)}
        />
      )}
      {entity === 'deals' && state.historical && (
        <FileInput
          label="Stage history file (optional)"
          description="A CSV of deal, stage, entered at — one row per stage a deal entered, such as a Salesforce opportunity history report."
          accept=".csv,text/csv"
          clearable
          placeholder={state.stageHistory?.name ?? 'Choose a file'}
          onChange={(file) => void state.setStageHistory(file)}
        />
      )}
      <Checkbox
        label="Keep rows as they are written (resumable)"
        description="For a very large file: each batch of 5,000 rows is kept as soon as it is written, instead of all or nothing. A bad row stops the writing at its batch; importing the same file again carries on where it stopped."
        checked={state.resumable}
        onChange={(e) => state.setResumable(e.currentTarget.checked)}
      />
      <Group>
        <Button
          variant="default"
          leftSection={<IconChecklist size={16} aria-hidden />}
          onClick={() => state.run(true)}
          loading={busy === 'check'}
          disabled={blocked}
        >
          Check
        </Button>
        <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => state.run(false)} loading={busy === 'import'} disabled={blocked}>
          Import {plural}
        </Button>
      </Group>
      <ImportOutcome state={state} entity={entity} plural={plural} />
    </Stack>
  );
}
