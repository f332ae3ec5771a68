// Add or change a stage: every change becomes a new process version.
import { Button, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ProcessStage } from '../../../api/pipelines';
import { api, isApiError } from '../../app/api';
import { errorMessage } from '../../components/ErrorState';
import { GuidanceText } from '../GuidanceText';
import { refreshProcess } from '../process-api';

const CATEGORIES = [
  { value: 'pipeline', label: 'Pipeline' },
  { value: 'best_case', label: 'Best case' },
  { value: 'commit', label: 'Commit' },
  { value: 'closed', label: 'Closed' },
  { value: 'omitted', label: 'Omitted' },
];

interface Props {
  opened: boolean;
  onClose(): void;
  pipelineId: string;
  version: number;
  stage: ProcessStage | null;
}

export function StageModal({ opened, onClose, pipelineId, version, stage }: Props) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [probability, setProbability] = useState<number | string>(50);
  const [kind, setKind] = useState<string>('open');
  const [guidance, setGuidance] = useState('');
  const [agingDays, setAgingDays] = useState<number | string>('');
  const [allowOverride, setAllowOverride] = useState(false);
  const [category, setCategory] = useState<string | null>('pipeline');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(stage?.name ?? '');
    setProbability(stage?.probability ?? 50);
    setKind(stage?.kind ?? 'open');
    setGuidance(stage?.guidance ?? '');
    setAgingDays(stage?.agingDays ?? '');
    setAllowOverride(stage?.allowOverride ?? false);
    setCategory(stage?.forecastCategory ?? 'pipeline');
    setNote('');
    setErrors({});
  }, [opened, stage]);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    const body = {
      version,
      name: name.trim(),
      probability: Number(probability),
      guidance: guidance.trim() || null,
      agingDays: agingDays === '' ? null : Number(agingDays),
      allowOverride,
      forecastCategory: category,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      if (stage) await api.patch(`/api/v1/stages/${stage.id}`, body);
      else await api.post(`/api/v1/pipelines/${pipelineId}/stages`, { ...body, kind });
      notifications.show({ color: 'furrow', message: stage ? `${body.name} saved as a new process version` : `${body.name} added` });
      await refreshProcess(queryClient);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      else if (isApiError(error) && error.code === 'stale') {
        setErrors({ form: 'Another admin changed the process meanwhile. Close this, check their change, and try again.' });
        await refreshProcess(queryClient);
      } else setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={stage ? `Change ${stage.name}` : 'Add a stage'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <NumberInput label="Probability" suffix="%" min={0} max={100} required value={probability} onChange={setProbability} error={errors.probability} />
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
                value={kind}
                onChange={(v) => setKind(v ?? 'open')}
                allowDeselect={false}
              />
            )}
            <NumberInput
              label="Aging limit (days)"
              description="Flag deals longer in the stage"
              min={1}
              value={agingDays}
              onChange={setAgingDays}
              error={errors.agingDays}
            />
            <Select label="Forecast category" data={CATEGORIES} value={category} onChange={setCategory} clearable />
          </Group>
          <Textarea
            label="Guidance"
            description="What good looks like and the key questions. Lines starting with “- ” become a list; **bold** is bold."
            autosize
            minRows={3}
            value={guidance}
            onChange={(e) => setGuidance(e.currentTarget.value)}
            error={errors.guidance}
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
            checked={allowOverride}
            onChange={(e) => setAllowOverride(e.currentTarget.checked)}
          />
          <TextInput
            label="Why this change (optional)"
            description="Kept on the process version"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {stage ? 'Save' : 'Add stage'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
