// Lead settings an admin changes here: routing and business hours (LeadRoutingForm) and what
// happens to a lead whose SLA is breached (decision 0103). Each form sends the other's part back
// as read, with the version; neither throws away the other's unsaved edits (settings-part.ts).
import { Button, Checkbox, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LeadSettings, SlaReassign } from '../../api/lead-settings';
import { ErrorState } from '../components/ErrorState';
import { FormProblem } from '../components/FormProblem';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { applySaveError } from '../components/save-errors';
import { reloadLeadSettings, saveLeadSettings, showLeadSettings, useLeadSettings } from '../data/leads/lead-settings';
import { LeadRoutingForm } from './LeadRoutingForm';
import { useSettingsPart } from './settings-part';

const FIELDS = ['enabled', 'clauses', 'maxPerLead'] as const;
// The server names body fields by their path (slaReassign.maxPerLead).
const RENAME = { 'slaReassign.enabled': 'enabled', 'slaReassign.clauses': 'clauses', 'slaReassign.maxPerLead': 'maxPerLead' };

interface Values extends Record<string, unknown> {
  enabled: boolean;
  clauses: string[];
  maxPerLead: number | string;
}

const valuesOf = (s: LeadSettings): Values => ({ ...s.slaReassign, clauses: [...s.slaReassign.clauses] });

export function LeadSettingsPage() {
  const queryClient = useQueryClient();
  const settings = useLeadSettings();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { enabled: false, clauses: ['accept'], maxPerLead: 1 },
    validate: {
      clauses: (c, v) => (v.enabled && c.length === 0 ? 'Pick at least one clause' : null),
      maxPerLead: (n) => (Number.isInteger(Number(n)) && Number(n) >= 1 && Number(n) <= 10 ? null : 'Between 1 and 10'),
    },
  });
  const loaded = settings.data;
  const part = useSettingsPart(form, loaded, valuesOf, (s) => s.slaReassign);

  const submit = form.onSubmit(async (v) => {
    if (!loaded) return;
    setProblem(null);
    const slaReassign = { enabled: v.enabled, clauses: v.clauses as SlaReassign['clauses'], maxPerLead: Number(v.maxPerLead) };
    try {
      const saved = await saveLeadSettings({
        version: part.versionFor(loaded),
        routing: loaded.routing,
        businessHours: loaded.businessHours,
        slaReassign,
      });
      part.resetFrom(saved);
      showLeadSettings(queryClient, saved);
      notifications.show({ color: 'furrow', message: 'Lead settings saved' });
    } catch (error) {
      if (applySaveError(error, form, FIELDS, setProblem, RENAME) === 'stale') {
        const fresh = await reloadLeadSettings(queryClient);
        if (fresh) part.resetFrom(fresh);
        setProblem('Another admin changed the lead settings meanwhile. Their values are loaded; make your change again.');
      }
    }
  });

  if (settings.isPending) return <LoadingState label="Loading lead settings" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <>
      <PageHeader
        title="Lead settings"
        description="Who gets a new lead, the hours the SLA clocks run in, and what happens when a rep misses the sales SLA agreed with marketing."
      />
      {loaded && <LeadRoutingForm loaded={loaded} />}
      <Paper withBorder radius="md" p="lg" maw={760} mt="lg">
        <form onSubmit={submit} noValidate aria-label="Reassignment on SLA breach">
          <Stack gap="md">
            <FormProblem problem={problem} />
            <Title order={2} fz="h4">
              Reassignment on SLA breach
            </Title>
            <Switch
              label="Reassign a lead whose SLA is breached"
              description="The manager is told of every breach either way. When on, the lead also goes to the next rep of its team's round robin (away reps and the current owner skipped), and the clock starts again for them."
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
            <Checkbox.Group label="On a breach of" {...form.getInputProps('clauses')}>
              <Group mt="xs">
                <Checkbox value="accept" label="Accept or reject" disabled={!form.values.enabled} />
                <Checkbox value="touch" label="First touch" disabled={!form.values.enabled} />
              </Group>
            </Checkbox.Group>
            <NumberInput
              label="Reassignments per lead, at most"
              description="Both clauses counted together. After that a breach is only escalated, so a lead never travels round the team."
              min={1}
              max={10}
              allowDecimal={false}
              disabled={!form.values.enabled}
              maw={320}
              {...form.getInputProps('maxPerLead')}
            />
            {loaded?.routing.mode === 'claim' && (
              <Text size="sm" c="dimmed">
                Leads are claimed from the team's pool in this workspace, so there is no round robin to reassign by: breaches are escalated only.
              </Text>
            )}
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
