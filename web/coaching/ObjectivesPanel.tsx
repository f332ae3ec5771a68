// A coachee's objectives with verified effect: the skill, the KPI that should move, its baseline
// (measured by the server when the objective is set), the target, the window and the status; once
// reviewed, the coachee's change next to their team's and the effect (the difference), with the
// records behind it. Whoever coaches the coachee sets, edits and archives them; the coachee reads.
import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CoachingObjective } from '../../api/coaching-objectives';
import type { KpiDefinition, KpiUnit } from '../../api/measurement';
import { formatCalendarDate, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { FormCard } from '../components/FormCard';
import { LoadingState } from '../components/LoadingState';
import { createObjective, fetchObjective, patchObjective, refreshCoaching, useFocus, useObjectives, useSkillModel } from '../data/coaching/coaching';
import { useKpiCatalogue } from '../data/kpis/kpis';
import { useWrite } from '../data/write';
import { formatKpi, shownAs } from '../measurement/kpi-format';
import {
  describeObjective,
  OBJECTIVE_FIELDS,
  OBJECTIVE_LABELS,
  type ObjectiveValues,
  objectiveCreate,
  objectivePatch,
  objectiveState,
  objectiveValues,
  STATE_LABEL,
  validateObjective,
} from './objective-form';

interface Person {
  id: string;
  name: string;
}

const unitOf = (o: CoachingObjective) => o.unit as KpiUnit;

/** A change in the KPI's unit with its sign: per cent points for shares. */
function formatChange(value: number | null, kpiId: string, unit: KpiUnit, currency: string): string {
  if (value === null) return 'no data';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  if (shownAs(kpiId, unit) === 'percent') {
    const pts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.abs(value) * 100);
    return `${sign}${pts} pts`;
  }
  return `${sign}${formatKpi(Math.abs(value), kpiId, unit, currency)}`;
}

/** "14 closed deals": the records behind a figure, named by the KPI's denominator (else numerator). */
function recordsText(count: number, kpi: KpiDefinition | undefined): string {
  const label = (kpi?.denominatorLabel ?? kpi?.numeratorLabel ?? 'records').replace(/\s*\(.*\)$/, '').toLowerCase();
  return `${count} ${label}`;
}

function Effect({ o, kpi, currency, coachee }: { o: CoachingObjective; kpi: KpiDefinition | undefined; currency: string; coachee: string }) {
  const r = o.review;
  if (!r)
    return (
      <Text size="sm" c="dimmed">
        measured after {formatCalendarDate(o.reviewDate)}
      </Text>
    );
  const unit = unitOf(o);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {r.effect === null ? 'No effect measurable' : `Effect ${formatChange(r.effect, o.kpiId, unit, currency)}`}
      </Text>
      <Text size="xs" c="dimmed">
        {coachee}: {formatKpi(r.value, o.kpiId, unit, currency)} ({formatChange(r.change, o.kpiId, unit, currency)}) · {r.benchmark.label}{' '}
        {formatChange(r.benchmark.change, o.kpiId, unit, currency)} · {recordsText(r.count, kpi)}
      </Text>
    </Stack>
  );
}

function ObjectiveForm({ coachee, existing, onDone }: { coachee: Person; existing: CoachingObjective | null; onDone: () => void }) {
  const { workspace } = useSession();
  const currency = workspace.currency;
  const model = useSkillModel();
  const catalogue = useKpiCatalogue();
  const focus = useFocus(coachee.id, !existing);
  const [base, setBase] = useState<CoachingObjective | null>(existing);
  const form = useForm<ObjectiveValues>({
    initialValues: objectiveValues(existing, currency),
    validate: (v) => validateObjective(v, Boolean(existing)),
  });

  // The KPIs the server accepts (the catalogue's sales KPIs), the coachee's funnel levers first:
  // the ones the focus suggestions compare, marked where the coachee trails their team.
  const sales = (catalogue.data ?? []).filter((k) => k.audience === 'sales');
  const suggested = new Set((focus.data?.suggestions ?? []).map((s) => s.kpiId));
  const levers = [...new Set([...(focus.data?.inputs ?? []).map((i) => i.kpiId), ...suggested])];
  const option = (k: KpiDefinition) => ({ value: k.id, label: suggested.has(k.id) ? `${k.name} (trails the team)` : k.name });
  const kpiData = [
    ...(levers.length > 0 ? [{ group: `Funnel levers for ${coachee.name}`, items: sales.filter((k) => levers.includes(k.id)).map(option) }] : []),
    { group: levers.length > 0 ? 'Other sales KPIs' : 'Sales KPIs', items: sales.filter((k) => !levers.includes(k.id)).map(option) },
  ];

  const v = form.getValues();
  const kpi = sales.find((k) => k.id === v.kpiId);
  const shown = existing ? shownAs(existing.kpiId, unitOf(existing)) : kpi ? shownAs(kpi.id, kpi.unit) : 'count';
  const unitText = { percent: '%', multiple: '×', money: currency, days: 'days', hours: 'hours', count: '' }[shown];
  const reviewed = base?.review != null;
  const startDate = v.startDate ?? todayLocal();

  const write = useWrite({
    request: async (values: ObjectiveValues) => {
      if (!base) return createObjective(objectiveCreate(coachee.id, values, kpi as KpiDefinition, currency));
      const patch = objectivePatch(values, base, currency);
      return Object.keys(patch).length > 1 ? patchObjective(base.id, patch) : base;
    },
    refresh: refreshCoaching,
    success: (saved) =>
      base ? 'Objective saved' : `Objective set for ${coachee.name}: baseline ${formatKpi(saved.baseline, saved.kpiId, unitOf(saved), currency)}`,
    onSuccess: onDone,
    form: { form, fields: OBJECTIVE_FIELDS },
    conflict: base
      ? {
          noun: 'objective',
          base,
          setBase: (o: CoachingObjective) => setBase(o),
          fetchLatest: () => fetchObjective(base.id),
          valuesOf: (o: CoachingObjective) => objectiveValues(o, currency),
          labels: OBJECTIVE_LABELS,
          describe: (o: CoachingObjective, field: string) => describeObjective(o, field, currency),
        }
      : undefined,
  });
  const submit = form.onSubmit(write.save);

  return (
    <>
      <FormCard
        label={existing ? `Edit objective: ${existing.kpiName}` : `New objective for ${coachee.name}`}
        onSubmit={submit}
        problem={write.problem}
        submitLabel={existing ? 'Save objective' : 'Set objective'}
        submitting={form.submitting}
        onCancel={onDone}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Skill"
            withAsterisk={!existing}
            description="The skill the coaching works on"
            data={(model.data?.skills ?? []).map((s) => ({ value: s.key, label: s.name }))}
            disabled={Boolean(existing)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('skillKey')}
            key={form.key('skillKey')}
          />
          <Select
            label="KPI"
            withAsterisk={!existing}
            description={
              existing ? 'Fixed once set' : kpi ? `${kpi.formula} (${kpi.better} is better)` : 'The figure that should move; the funnel levers come first'
            }
            data={existing ? [{ value: existing.kpiId, label: existing.kpiName }] : kpiData}
            disabled={Boolean(existing)}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kpiId')}
            key={form.key('kpiId')}
          />
          <NumberInput
            label="Target"
            withAsterisk
            description={
              existing
                ? `Baseline ${formatKpi(existing.baseline, existing.kpiId, unitOf(existing), currency)}`
                : `The baseline is measured when you save: ${coachee.name}’s figure over an equally long window before the start`
            }
            disabled={reviewed}
            decimalScale={shown === 'money' ? 2 : 4}
            hideControls
            rightSection={
              unitText ? (
                <Text size="xs" c="dimmed" pr={6}>
                  {unitText}
                </Text>
              ) : undefined
            }
            rightSectionWidth={unitText.length > 2 ? 48 : 32}
            {...form.getInputProps('target')}
            key={form.key('target')}
          />
          <DateInput
            label="Review date"
            withAsterisk
            description="The KPI is measured over start … review date, next to the team’s"
            valueFormat="D MMM YYYY"
            placeholder="Pick a date"
            minDate={dayjs(startDate).add(1, 'day').format('YYYY-MM-DD')}
            disabled={reviewed}
            {...form.getInputProps('reviewDate')}
            key={form.key('reviewDate')}
          />
          {!existing && (
            <DateInput
              label="Start date"
              description="Today unless you pick another day"
              valueFormat="D MMM YYYY"
              clearable
              clearButtonProps={{ 'aria-label': 'Start today' }}
              placeholder="Today"
              {...form.getInputProps('startDate')}
              key={form.key('startDate')}
            />
          )}
        </SimpleGrid>
        <Textarea label="Note" description={`${coachee.name} reads it`} autosize minRows={2} {...form.getInputProps('note')} key={form.key('note')} />
      </FormCard>
      {write.dialog}
    </>
  );
}

function ArchiveButton({ o }: { o: CoachingObjective }) {
  const write = useWrite({
    request: () => patchObjective(o.id, { version: o.version, archived: !o.archived }),
    refresh: refreshCoaching,
    success: o.archived ? 'Objective restored' : 'Objective archived',
  });
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      loading={write.pending}
      onClick={() => write.save(undefined)}
      aria-label={`${o.archived ? 'Restore' : 'Archive'} ${o.kpiName} objective`}
    >
      {o.archived ? 'Restore' : 'Archive'}
    </Button>
  );
}

/** The coachee's objectives; `mayWrite` offers setting, editing and archiving (the server decides). */
export function ObjectivesPanel({ coachee, mayWrite, title }: { coachee: Person; mayWrite: boolean; title: string }) {
  const { workspace } = useSession();
  const objectives = useObjectives(coachee.id, true);
  const model = useSkillModel();
  const catalogue = useKpiCatalogue();
  const [editing, setEditing] = useState<CoachingObjective | 'new' | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const today = todayLocal();
  const skillName = (key: string) => model.data?.skills.find((s) => s.key === key)?.name ?? key;
  const all = objectives.data ?? [];
  const rows = all.filter((o) => showArchived || !o.archived);
  const archived = all.filter((o) => o.archived).length;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          Each objective names a skill and the KPI that should move. After the review date the KPI is measured again; the verified effect is {coachee.name}’s
          change minus the team’s change over the same window.
        </Text>
        <Group gap="xs">
          {archived > 0 && (
            <Switch size="xs" label={`Show archived (${archived})`} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          )}
          {mayWrite && editing === null && (
            <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
              Set an objective
            </Button>
          )}
        </Group>
      </Group>
      {editing !== null && (
        <ObjectiveForm
          key={editing === 'new' ? 'new' : editing.id}
          coachee={coachee}
          existing={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {objectives.isPending ? (
        <LoadingState rows={2} label="Loading the objectives" />
      ) : objectives.isError ? (
        <ErrorState error={objectives.error} onRetry={() => objectives.refetch()} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No objective yet.{mayWrite ? ' Set one: a skill, the KPI that shows it and a target to reach by a review date.' : ''}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={title} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Skill</Table.Th>
                  <Table.Th>KPI</Table.Th>
                  <Table.Th>Baseline</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Start → review</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Verified effect</Table.Th>
                  {mayWrite && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => {
                  const state = STATE_LABEL[objectiveState(o, today)];
                  const unit = unitOf(o);
                  return (
                    <Table.Tr key={o.id}>
                      <Table.Td>{skillName(o.skillKey)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{o.kpiName}</Text>
                        {o.note && (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                            {o.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatKpi(o.baseline, o.kpiId, unit, workspace.currency)}</Text>
                        <Text size="xs" c="dimmed">
                          {formatCalendarDate(o.baselineFrom)} – {formatCalendarDate(o.baselineTo)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {formatKpi(o.target, o.kpiId, unit, workspace.currency)}
                        <Text size="xs" c="dimmed">
                          {o.better} is better
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatCalendarDate(o.startDate)} →
                        <br />
                        {formatCalendarDate(o.reviewDate)}
                        <Text size="xs" c="dimmed">
                          by {o.coach.name}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge color={state.color} variant="light" tt="none" styles={{ label: { overflow: 'visible' } }}>
                          {state.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Effect o={o} kpi={catalogue.data?.find((k) => k.id === o.kpiId)} currency={workspace.currency} coachee={coachee.name} />
                      </Table.Td>
                      {mayWrite && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {!o.archived && (
                              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(o)} aria-label={`Edit ${o.kpiName} objective`}>
                                Edit
                              </Button>
                            )}
                            <ArchiveButton o={o} />
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
