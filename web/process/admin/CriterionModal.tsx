// Add or change an exit criterion of a stage. The kind decides which settings apply; the server
// checks the field, framework and minimum and names the input it refuses (shown under that input).
import { Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CriterionKind, ExitCriterion, ExitCriterionPatch, FieldChoice, ProcessStage } from '../../../api/pipelines';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { createCriterion, refreshProcess, updateCriterion } from '../../data/pipelines/pipelines';
import { useFrameworks } from '../../data/qualification/qualification';
import { useWrite } from '../../data/write';
import { KIND_LABEL } from './criterion-text';

const ACTIVITY_TYPES = [
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'task', label: 'Task (completed)' },
  { value: 'note', label: 'Note' },
];

/** What each kind that the planning and practice capability answers means for the rep. */
const ANSWERED_BY_PLANNING: Partial<Record<CriterionKind, string>> = {
  call_plan: 'Met when the deal’s next meeting has a call plan a manager has reviewed.',
  certification: 'Met when the deal’s owner holds a current certification on this scenario or skill (Practice).',
};

interface Values extends Record<string, unknown> {
  kind: CriterionKind;
  label: string;
  field: string | null;
  activityType: string | null;
  withinDays: number | string;
  frameworkId: string | null;
  minScore: number | string;
  scenario: string;
  note: string;
}
const FIELDS = ['kind', 'label', 'field', 'activityType', 'withinDays', 'frameworkId', 'minScore', 'scenario', 'note'] as const;

/** The settings the chosen kind uses; the others are left out of the request. */
function settingsOf(v: Values): Record<string, unknown> {
  switch (v.kind) {
    case 'field':
      return { field: v.field ?? undefined };
    case 'activity':
      return { activityType: v.activityType ?? undefined, withinDays: v.withinDays === '' ? null : Number(v.withinDays) };
    case 'qualification':
      return { frameworkId: v.frameworkId ?? undefined, minScore: v.minScore === '' ? undefined : Number(v.minScore) };
    case 'certification':
      return { scenario: v.scenario.trim() || undefined };
    default:
      return {};
  }
}

interface Props {
  opened: boolean;
  onClose(): void;
  stage: ProcessStage;
  version: number;
  criterion: ExitCriterion | null;
  fieldChoices: FieldChoice[];
}

export function CriterionModal({ opened, onClose, stage, version, criterion, fieldChoices }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={criterion ? 'Change exit criterion' : `Add an exit criterion to ${stage.name}`} size="lg">
      {opened && <CriterionForm onClose={onClose} stage={stage} version={version} criterion={criterion} fieldChoices={fieldChoices} />}
    </Modal>
  );
}

function CriterionForm({ onClose, stage, version, criterion, fieldChoices }: Omit<Props, 'opened'>) {
  const frameworks = useFrameworks();
  const form = useForm<Values>({
    initialValues: {
      kind: criterion?.kind ?? 'field',
      label: criterion?.label ?? '',
      field: criterion?.field ?? null,
      activityType: criterion?.activityType ?? 'meeting',
      withinDays: criterion?.withinDays ?? '',
      frameworkId: criterion?.frameworkId ?? null,
      minScore: criterion?.minScore ?? '',
      scenario: criterion?.scenario ?? '',
      note: '',
    },
  });
  const v = form.getValues();
  const framework = frameworks.data?.find((f) => f.id === v.frameworkId);
  const write = useWrite({
    request: ({ body, kind }: { body: ExitCriterionPatch; kind: CriterionKind }) =>
      criterion ? updateCriterion(criterion.id, body) : createCriterion(stage.id, { ...body, kind }),
    refresh: refreshProcess,
    success: `Exit criterion saved on ${stage.name} as a new process version`,
    onSuccess: onClose,
    form: { form, fields: FIELDS },
    stale: { problem: 'Another admin changed the process meanwhile. Close this, check their change, and try again.' },
  });

  const submit = form.onSubmit(async (values) => {
    const label = values.label.trim();
    const note = values.note.trim();
    const body = { version, ...(label ? { label } : {}), ...settingsOf(values), ...(note ? { note } : {}) };
    await write.save({ body, kind: values.kind });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormProblem problem={write.problem} />
        <Select
          label="Kind"
          data={Object.entries(KIND_LABEL).map(([value, l]) => ({ value, label: l }))}
          disabled={criterion !== null}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        {v.kind === 'field' && (
          <Select
            label="Deal field"
            required
            searchable
            data={fieldChoices.map((f) => ({ value: f.field, label: f.label }))}
            {...form.getInputProps('field')}
          />
        )}
        {v.kind === 'activity' && (
          <Group grow align="flex-start">
            <Select label="Activity" data={ACTIVITY_TYPES} allowDeselect={false} {...form.getInputProps('activityType')} />
            <NumberInput label="Within the last (days)" description="Empty: any time" min={1} {...form.getInputProps('withinDays')} />
          </Group>
        )}
        {v.kind === 'qualification' && (
          <Group grow align="flex-start">
            <Select
              label="Framework"
              required
              data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (max ${f.maxTotal})` }))}
              {...form.getInputProps('frameworkId')}
            />
            <NumberInput label="Minimum total" required min={1} max={framework?.maxTotal} {...form.getInputProps('minScore')} />
          </Group>
        )}
        {v.kind === 'certification' && <TextInput label="Scenario or skill" required {...form.getInputProps('scenario')} />}
        {ANSWERED_BY_PLANNING[v.kind] && (
          <Text size="xs" c="dimmed">
            {ANSWERED_BY_PLANNING[v.kind]}
          </Text>
        )}
        <TextInput
          label={v.kind === 'checklist' ? 'Checklist item' : 'Label shown to reps'}
          description={v.kind === 'checklist' ? 'What the rep ticks' : 'Leave empty for a description of the rule'}
          required={v.kind === 'checklist'}
          {...form.getInputProps('label')}
        />
        <TextInput label="Why this change (optional)" description="Kept on the process version" {...form.getInputProps('note')} />
        <FormFooter submitLabel="Save" submitting={form.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}
