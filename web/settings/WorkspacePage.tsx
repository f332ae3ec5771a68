import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Workspace } from '../../api/identity';
import { WorkspacePatch } from '../../api/identity';
import { api } from '../app/api';
import { SESSION_KEY, useSession } from '../app/session';
import { FormProblem } from '../components/FormProblem';
import { PageHeader } from '../components/PageHeader';
import { applySaveError } from '../components/save-errors';
import { schemaErrors } from '../components/schema-errors';
import { CURRENCIES, MONTHS, timeZones } from './choices';

interface Values extends Record<string, unknown> {
  name: string;
  currency: string;
  timezone: string;
  fiscalYearStartMonth: string;
}

const valuesOf = (w: Workspace): Values => ({ name: w.name, currency: w.currency, timezone: w.timezone, fiscalYearStartMonth: String(w.fiscalYearStartMonth) });

export function WorkspacePage() {
  const { workspace } = useSession();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(workspace);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(workspace),
    validateInputOnChange: true,
    validate: (v) => schemaErrors(WorkspacePatch, { version: base.version, ...v, fiscalYearStartMonth: Number(v.fiscalYearStartMonth) }),
  });

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const saved = await api.patch<Workspace>('/api/v1/workspace', { version: base.version, ...v, fiscalYearStartMonth: Number(v.fiscalYearStartMonth) });
      setBase(saved);
      form.setValues(valuesOf(saved));
      form.resetDirty();
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'furrow', message: 'Workspace settings saved' });
    } catch (error) {
      if (applySaveError(error, form, ['name', 'currency', 'timezone', 'fiscalYearStartMonth'], setProblem) === 'stale') {
        const latest = await api.get<Workspace>('/api/v1/workspace');
        setBase(latest);
        setProblem('Another admin changed these settings meanwhile. Their values are loaded; make your change again.');
        form.setValues(valuesOf(latest));
      }
    }
  });

  return (
    <>
      <PageHeader title="Workspace" description="The defaults every report and new deal uses." />
      <Paper withBorder radius="md" p="lg" maw={760}>
        <form onSubmit={submit} noValidate aria-label="Workspace settings">
          <Stack gap="md">
            <FormProblem problem={problem} />
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
    </>
  );
}
