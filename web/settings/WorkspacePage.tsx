import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Workspace } from '../../api/identity';
import { WorkspacePatch } from '../../api/identity';
import { useSession } from '../app/session';
import { FormProblem } from '../components/FormProblem';
import { PageHeader } from '../components/PageHeader';
import { schemaErrors } from '../components/schema-errors';
import { fetchWorkspace, refreshWorkspace, updateWorkspace } from '../data/workspace/workspace';
import { useWrite } from '../data/write';
import { CURRENCIES, MONTHS, timeZones } from './choices';

interface Values extends Record<string, unknown> {
  name: string;
  currency: string;
  timezone: string;
  fiscalYearStartMonth: string;
}

const valuesOf = (w: Workspace): Values => ({ name: w.name, currency: w.currency, timezone: w.timezone, fiscalYearStartMonth: String(w.fiscalYearStartMonth) });
const FIELDS = ['name', 'currency', 'timezone', 'fiscalYearStartMonth'];
const LABELS = { name: 'Workspace name', currency: 'Currency', timezone: 'Time zone', fiscalYearStartMonth: 'Fiscal year starts in' };
const describe = (w: Workspace, field: keyof Values & string): string =>
  field === 'fiscalYearStartMonth' ? (MONTHS[w.fiscalYearStartMonth - 1] ?? String(w.fiscalYearStartMonth)) : String(valuesOf(w)[field]);

export function WorkspacePage() {
  const { workspace } = useSession();
  const [base, setBase] = useState(workspace);
  const form = useForm<Values>({
    initialValues: valuesOf(workspace),
    validateInputOnChange: true,
    validate: (v) => schemaErrors(WorkspacePatch, { version: base.version, ...v, fiscalYearStartMonth: Number(v.fiscalYearStartMonth) }),
  });

  const write = useWrite({
    request: (v: Values) => updateWorkspace({ version: base.version, ...v, fiscalYearStartMonth: Number(v.fiscalYearStartMonth) }),
    refresh: refreshWorkspace,
    success: 'Workspace settings saved',
    onSuccess: (saved) => {
      setBase(saved);
      form.setValues(valuesOf(saved));
      form.resetDirty();
    },
    form: { form, fields: FIELDS },
    conflict: { noun: 'workspace', base, setBase, fetchLatest: fetchWorkspace, valuesOf, labels: LABELS, describe },
  });

  return (
    <>
      <PageHeader title="Workspace" description="The defaults every report and new deal uses." />
      <Paper withBorder radius="md" p="lg" maw={760}>
        <form onSubmit={form.onSubmit(write.save)} noValidate aria-label="Workspace settings">
          <Stack gap="md">
            <FormProblem problem={write.problem} />
            <TextInput label="Workspace name" required {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Currency"
                description="Of new deals and reports"
                data={CURRENCIES}
                searchable
                allowDeselect={false}
                {...form.getInputProps('currency')}
              />
              <Select
                label="Time zone"
                description="Where periods and close days begin"
                data={timeZones()}
                searchable
                allowDeselect={false}
                {...form.getInputProps('timezone')}
              />
              <Select
                label="Fiscal year starts in"
                description="Quarters and quotas follow it"
                data={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))}
                allowDeselect={false}
                {...form.getInputProps('fiscalYearStartMonth')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {write.dialog}
    </>
  );
}
