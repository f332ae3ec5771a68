// Add or change a stage: every change becomes a new process version. The server names the input it
// refuses (shown under that input); a change by another admin meanwhile is a conflict to resolve.
import { Group, Modal, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ProcessStage, StagePatch } from '../../../api/pipelines';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { createStage, refreshProcess, updateStage } from '../../data/pipelines/pipelines';
import { useWrite } from '../../data/write';
import { GuidanceText } from '../GuidanceText';

const CATEGORIES = [
  { value: 'pipeline', label: 'Pipeline' },
  { value: 'best_case', label: 'Best case' },
  { value: 'commit', label: 'Commit' },
  { value: 'closed', label: 'Closed' },
  { value: 'omitted', label: 'Omitted' },
];

interface Values extends Record<string, unknown> {
  name: string;
  probability: number | string;
  kind: ProcessStage['kind'];
  guidance: string;
  agingDays: number | string;
  allowOverride: boolean;
  forecastCategory: string | null;
  note: string;
}
const STALE = 'Another admin changed the process meanwhile. Close this, check their change, and try again.';
const FIELDS = ['name', 'probability', 'kind', 'guidance', 'agingDays', 'allowOverride', 'forecastCategory', 'note'] as const;

interface Props {
  opened: boolean;
  onClose(): void;
  pipelineId: string;
  version: number;
  stage: ProcessStage | null;
}

export function StageModal({ opened, onClose, pipelineId, version, stage }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={stage ? `Change ${stage.name}` : 'Add a stage'} size="lg">
      {opened && <StageForm onClose={onClose} pipelineId={pipelineId} version={version} stage={stage} />}
    </Modal>
  );
}

function StageForm({ onClose, pipelineId, version, stage }: Omit<Props, 'opened'>) {
  const form = useForm<Values>({
    initialValues: {
      name: stage?.name ?? '',
      probability: stage?.probability ?? 50,
      kind: stage?.kind ?? 'open',
      guidance: stage?.guidance ?? '',
      agingDays: stage?.agingDays ?? '',
      allowOverride: stage?.allowOverride ?? false,
      forecastCategory: stage?.forecastCategory ?? 'pipeline',
      note: '',
    },
  });
  const guidance = form.getValues().guidance;
  const write = useWrite({
    request: ({ body, kind }: { body: StagePatch & { name: string; probability: number }; kind: Values['kind'] }) =>
      stage ? updateStage(stage.id, body) : createStage(pipelineId, { ...body, kind }),
    refresh: refreshProcess,
    success: (_saved, { body }) => (stage ? `${body.name} saved as a new process version` : `${body.name} added`),
    onSuccess: onClose,
    form: { form, fields: FIELDS },
    stale: { problem: STALE },
  });

  const submit = form.onSubmit(async (v) => {
    const note = v.note.trim();
    const body = {
      version,
      name: v.name.trim(),
      probability: Number(v.probability),
      guidance: v.guidance.trim() || null,
      agingDays: v.agingDays === '' ? null : Number(v.agingDays),
      allowOverride: v.allowOverride,
      // One of CATEGORIES (the Select's list), which are the contract's.
      forecastCategory: v.forecastCategory as StagePatch['forecastCategory'],
      ...(note ? { note } : {}),
    };
    await write.save({ body, kind: v.kind });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormProblem problem={write.problem} />
        <Group grow align="flex-start">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <NumberInput label="Probability" suffix="%" min={0} max={100} required {...form.getInputProps('probability')} />
        </Group>
        <Group grow align="flex-start">
          {!stage && (
            <Select
              label="Kind"
              data={[
                { value: 'open', label: 'Open' },
                { value: 'won', label: 'Won' },
                { value: 'lost', label: 'Lost' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          )}
          <NumberInput label="Aging limit (days)" description="Flag deals longer in the stage" min={1} {...form.getInputProps('agingDays')} />
          <Select label="Forecast category" data={CATEGORIES} clearable {...form.getInputProps('forecastCategory')} />
        </Group>
        <Textarea
          label="Guidance"
          description="What good looks like and the key questions. Lines starting with “- ” become a list; **bold** is bold."
          autosize
          minRows={3}
          {...form.getInputProps('guidance')}
        />
        {guidance.trim() && (
          <Paper withBorder p="xs" radius="sm" bg="gray.0">
            <Text size="xs" c="dimmed" mb={4}>
              Preview
            </Text>
            <GuidanceText text={guidance} />
          </Paper>
        )}
        <Switch
          label="Allow overrides"
          description="A rep may move past unmet exit criteria of this stage with a written reason; the override is recorded and counted."
          {...form.getInputProps('allowOverride', { type: 'checkbox' })}
        />
        <TextInput label="Why this change (optional)" description="Kept on the process version" {...form.getInputProps('note')} />
        <FormFooter submitLabel={stage ? 'Save' : 'Add stage'} submitting={form.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}
