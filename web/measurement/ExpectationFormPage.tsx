// Set or change an expectation: a KPI for a scope and period, the target, the thresholds where it
// turns amber and red, and who owns it. Values are typed as people read them (per cents, whole
// currency units); server problems land on their fields; a 409 offers the newer version.
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Expectation } from '../../api/measurement-targets';
import { todayLocal } from '../app/format';
import { NotPermitted } from '../app/NotPermittedPage';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { FormCard } from '../components/FormCard';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useAssignableOwners } from '../crm/shared/people';
import {
  createExpectation,
  deleteExpectation,
  fetchExpectation,
  patchExpectation,
  refreshMeasurement,
  useExpectation,
} from '../data/expectations/expectations';
import { useKpiCatalogue } from '../data/kpis/kpis';
import { useTeams, useUsers } from '../data/people/people';
import { useWrite } from '../data/write';
import {
  describeExpectation,
  EVERY,
  EXPECTATION_FIELDS,
  EXPECTATION_LABELS,
  type ExpectationValues,
  expectationBody,
  expectationPatch,
  expectationValues,
  RENAME,
  scopeManager,
  validateExpectation,
} from './expectation-form';
import { shownAs } from './kpi-format';
import { useScopeOptions } from './MeasureControls';
import { periodChoices } from './measure-periods';

const KINDS = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Fiscal year' },
];

function DeleteExpectation({ e }: { e: Expectation }) {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const write = useWrite({
    request: () => deleteExpectation(e.id),
    refresh: refreshMeasurement,
    success: `Expectation on ${e.kpiName} for ${e.scopeName} removed`,
    onSuccess: () => navigate('/expectations', { replace: true }),
    failure: 'Not removed',
  });
  const remove = async () => {
    // The dialog closes on a failure, so the notification is seen against the form.
    if ((await write.save(undefined)) === undefined) close();
  };
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this expectation?">
        <Stack>
          <Text size="sm">
            {e.kpiName} for {e.scopeName} stops being tracked and leaves the dashboards. The KPI itself and its history stay.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red" loading={write.pending} onClick={remove}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ExpectationForm({ existing }: { existing: Expectation | null }) {
  const { user, workspace } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const catalogue = useKpiCatalogue();
  const scopes = useScopeOptions();
  const owners = useAssignableOwners();
  const teams = useTeams();
  const users = useUsers();
  const [base, setBase] = useState<Expectation | null>(existing);
  const currency = workspace.currency;
  const kpiOf = (id: string | null) => catalogue.data?.find((k) => k.id === id);

  const initial: ExpectationValues = existing
    ? expectationValues(existing)
    : {
        kpiId: params.get('kpi'),
        scope: params.get('scope'),
        periodKind: 'quarter',
        periodKey: EVERY,
        target: '',
        amberThreshold: '',
        redThreshold: '',
        ownerId: user.id,
        note: '',
      };
  const form = useForm<ExpectationValues>({
    initialValues: initial,
    validateInputOnChange: ['target', 'amberThreshold', 'redThreshold', 'note'],
    validate: (v) => validateExpectation(v, kpiOf(v.kpiId), currency),
  });
  const write = useWrite({
    request: (values: ExpectationValues) =>
      base
        ? patchExpectation(base.id, expectationPatch(values, base, kpiOf(values.kpiId), currency))
        : createExpectation(expectationBody(values, kpiOf(values.kpiId), currency)),
    refresh: refreshMeasurement,
    success: base ? 'Expectation saved' : 'Expectation set',
    onSuccess: () => navigate('/expectations?status=all'),
    form: { form, fields: EXPECTATION_FIELDS, rename: RENAME },
    conflict: {
      noun: 'expectation',
      base: base as Expectation,
      setBase,
      fetchLatest: () => fetchExpectation((existing as Expectation).id),
      valuesOf: expectationValues,
      labels: EXPECTATION_LABELS,
      describe: describeExpectation,
    },
  });

  // A new expectation belongs to the scope's manager until the person picks its owner: worked out
  // on every render, so it follows the scope and the people as they load.
  const ownerPicked = useRef(Boolean(existing));
  const ownerFor = (scope: string | null, chosen: string | null) => {
    if (ownerPicked.current) return chosen;
    const manager = scopeManager(scope, teams.data ?? [], users.data ?? []);
    return manager && owners.some((o) => o.value === manager) ? manager : user.id;
  };

  const v = form.getValues();
  const kpi = kpiOf(v.kpiId);
  const shown = kpi ? shownAs(kpi.id, kpi.unit) : 'count';
  const unit = { percent: '%', multiple: '×', money: currency, days: 'days', hours: 'hours', count: '' }[shown];
  const side = kpi?.better === 'lower' ? 'above' : 'below';
  const choices = [
    { value: EVERY, label: `Every ${v.periodKind === 'year' ? 'fiscal year' : v.periodKind} (judged on the current one)` },
    ...periodChoices(v.periodKind, todayLocal(), workspace.fiscalYearStartMonth, v.periodKind === 'week' ? 4 : 2, v.periodKind === 'year' ? 1 : 4).reverse(),
  ];

  const submit = form.onSubmit((entered) => write.save({ ...entered, ownerId: ownerFor(entered.scope, entered.ownerId) }));

  const number = (field: 'target' | 'amberThreshold' | 'redThreshold', label: string, description: string) => (
    <NumberInput
      label={label}
      description={description}
      withAsterisk
      decimalScale={shown === 'money' ? 2 : 4}
      thousandSeparator={shown === 'money' ? ',' : undefined}
      rightSection={
        unit ? (
          <Text size="xs" c="dimmed" pr={6}>
            {unit}
          </Text>
        ) : undefined
      }
      rightSectionWidth={unit.length > 2 ? 48 : 32}
      hideControls
      {...form.getInputProps(field)}
      key={form.key(field)}
    />
  );

  return (
    <>
      <PageHeader
        title={base ? `Edit expectation: ${base.kpiName} for ${base.scopeName}` : 'New expectation'}
        description="Inspect what you expect: a KPI, a target, and the thresholds where it turns amber and red. Its status is worked out from the KPI every time it is shown."
        actions={base && <DeleteExpectation e={base} />}
      />
      <FormCard
        label={base ? 'Edit expectation' : 'New expectation'}
        onSubmit={submit}
        problem={write.problem}
        submitLabel={base ? 'Save' : 'Set expectation'}
        submitting={form.submitting}
        onCancel={() => navigate('/expectations')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="KPI"
            withAsterisk
            data={(catalogue.data ?? []).filter((k) => k.audience === 'sales').map((k) => ({ value: k.id, label: k.name }))}
            searchable
            disabled={Boolean(base)}
            description={kpi ? `${kpi.formula} (${kpi.better} is better)` : 'What to measure'}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kpiId')}
            key={form.key('kpiId')}
          />
          <Select
            label="Scope"
            withAsterisk
            data={scopes}
            searchable
            disabled={Boolean(base)}
            description={base ? 'KPI and scope are fixed: delete and set a new one to change them' : 'A person, a team (with the teams below it) or everyone'}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('scope')}
            key={form.key('scope')}
          />
          <Select
            label="Period"
            withAsterisk
            data={KINDS}
            allowDeselect={false}
            {...form.getInputProps('periodKind')}
            onChange={(value) => {
              if (!value) return;
              form.setFieldValue('periodKind', value as ExpectationValues['periodKind']);
              form.setFieldValue('periodKey', EVERY);
            }}
            key={form.key('periodKind')}
          />
          <Select label="Which period" data={choices} allowDeselect={false} {...form.getInputProps('periodKey')} key={form.key('periodKey')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {number('target', 'Target', 'What good looks like')}
          {number('amberThreshold', `Amber ${side}`, `Worse than this is at risk`)}
          {number('redThreshold', `Red ${side}`, 'Worse than this is off track')}
        </SimpleGrid>
        {kpi?.cumulative && (
          <Text size="xs" c="dimmed">
            {kpi.name} grows through the period, so it is judged on pace: the value so far projected to the end of the period.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Owner"
            description="Who answers for it"
            data={owners}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('ownerId')}
            value={ownerFor(v.scope, v.ownerId)}
            onChange={(owner) => {
              ownerPicked.current = true;
              form.setFieldValue('ownerId', owner);
            }}
            key={form.key('ownerId')}
          />
          <Textarea
            label="Note"
            description="Why this target, or what happens when it turns red"
            autosize
            minRows={2}
            {...form.getInputProps('note')}
            key={form.key('note')}
          />
        </SimpleGrid>
      </FormCard>
      {write.dialog}
    </>
  );
}

/** Managers and admins set expectations; anyone else reads why at the form's address. */
function useMaySetExpectations(): boolean {
  const { user } = useSession();
  return user.role === 'admin' || user.role === 'manager';
}

const NOT_YOURS = {
  title: 'Expectations are set by managers and admins',
  why: 'You see what is expected of you and how it stands on the Expectations page. Ask your manager to change a target.',
  back: { to: '/expectations', label: 'Back to expectations' },
};

export function ExpectationNewPage() {
  if (!useMaySetExpectations()) return <NotPermitted {...NOT_YOURS} />;
  return <ExpectationForm existing={null} />;
}

export function ExpectationEditPage() {
  if (!useMaySetExpectations()) return <NotPermitted {...NOT_YOURS} />;
  return <ExpectationEditForm />;
}

function ExpectationEditForm() {
  const { id } = useParams();
  const query = useExpectation(id);
  if (query.isPending) return <LoadingState rows={8} label="Loading the expectation" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <ExpectationForm existing={query.data} />;
}
