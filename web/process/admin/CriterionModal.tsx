// Add or change an exit criterion of a stage. The kind decides which settings apply; the server
// checks the field, framework and minimum and names the input it refuses.
import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CriterionKind, ExitCriterion, FieldChoice, ProcessStage } from '../../../api/pipelines';
import { api, isApiError } from '../../app/api';
import { errorMessage } from '../../components/ErrorState';
import { refreshProcess, useFrameworks } from '../process-api';
import { KIND_LABEL } from './criterion-text';

const ACTIVITY_TYPES = [
  { value: 'meeting', label: 'Meeting' },
  { value: 'call', label: 'Call' },
  { value: 'email', label: 'Email' },
  { value: 'task', label: 'Task (completed)' },
  { value: 'note', label: 'Note' },
];

interface Props {
  opened: boolean;
  onClose(): void;
  stage: ProcessStage;
  version: number;
  criterion: ExitCriterion | null;
  fieldChoices: FieldChoice[];
}

export function CriterionModal({ opened, onClose, stage, version, criterion, fieldChoices }: Props) {
  const queryClient = useQueryClient();
  const frameworks = useFrameworks();
  const [kind, setKind] = useState<CriterionKind>('field');
  const [label, setLabel] = useState('');
  const [field, setField] = useState<string | null>(null);
  const [activityType, setActivityType] = useState<string | null>('meeting');
  const [withinDays, setWithinDays] = useState<number | string>('');
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [minScore, setMinScore] = useState<number | string>('');
  const [scenario, setScenario] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setKind(criterion?.kind ?? 'field');
    setLabel(criterion?.label ?? '');
    setField(criterion?.field ?? null);
    setActivityType(criterion?.activityType ?? 'meeting');
    setWithinDays(criterion?.withinDays ?? '');
    setFrameworkId(criterion?.frameworkId ?? null);
    setMinScore(criterion?.minScore ?? '');
    setScenario(criterion?.scenario ?? '');
    setNote('');
    setErrors({});
  }, [opened, criterion]);

  const framework = frameworks.data?.find((f) => f.id === frameworkId);
  const params = (): Record<string, unknown> => {
    switch (kind) {
      case 'field':
        return { field: field ?? undefined };
      case 'activity':
        return { activityType: activityType ?? undefined, withinDays: withinDays === '' ? null : Number(withinDays) };
      case 'qualification':
        return { frameworkId: frameworkId ?? undefined, minScore: minScore === '' ? undefined : Number(minScore) };
      case 'certification':
        return { scenario: scenario.trim() || undefined };
      default:
        return {};
    }
  };

  const submit = async () => {
    setBusy(true);
    setErrors({});
    const body = { version, ...(label.trim() ? { label: label.trim() } : {}), ...params(), ...(note.trim() ? { note: note.trim() } : {}) };
    try {
      if (criterion) await api.patch(`/api/v1/exit-criteria/${criterion.id}`, body);
      else await api.post(`/api/v1/stages/${stage.id}/criteria`, { ...body, kind });
      notifications.show({ color: 'furrow', message: `Exit criterion saved on ${stage.name} as a new process version` });
      await refreshProcess(queryClient);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
      else setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={criterion ? 'Change exit criterion' : `Add an exit criterion to ${stage.name}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Kind"
            data={Object.entries(KIND_LABEL).map(([value, l]) => ({ value, label: l }))}
            value={kind}
            onChange={(v) => v && setKind(v as CriterionKind)}
            disabled={criterion !== null}
            allowDeselect={false}
            error={errors.kind}
          />
          {kind === 'field' && (
            <Select
              label="Deal field"
              required
              searchable
              data={fieldChoices.map((f) => ({ value: f.field, label: f.label }))}
              value={field}
              onChange={setField}
              error={errors.field}
            />
          )}
          {kind === 'activity' && (
            <Group grow align="flex-start">
              <Select
                label="Activity"
                data={ACTIVITY_TYPES}
                value={activityType}
                onChange={setActivityType}
                allowDeselect={false}
                error={errors.activityType}
              />
              <NumberInput
                label="Within the last (days)"
                description="Empty: any time"
                min={1}
                value={withinDays}
                onChange={setWithinDays}
                error={errors.withinDays}
              />
            </Group>
          )}
          {kind === 'qualification' && (
            <Group grow align="flex-start">
              <Select
                label="Framework"
                required
                data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: `${f.name} (max ${f.maxTotal})` }))}
                value={frameworkId}
                onChange={setFrameworkId}
                error={errors.frameworkId}
              />
              <NumberInput label="Minimum total" required min={1} max={framework?.maxTotal} value={minScore} onChange={setMinScore} error={errors.minScore} />
            </Group>
          )}
          {kind === 'certification' && (
            <TextInput label="Scenario or skill" required value={scenario} onChange={(e) => setScenario(e.currentTarget.value)} error={errors.scenario} />
          )}
          {(kind === 'call_plan' || kind === 'certification') && (
            <Text size="xs" c="orange.8">
              Call plans and certification are answered by the planning capability. Until it is enabled this criterion is never met, so allow overrides on the
              stage or add it later.
            </Text>
          )}
          <TextInput
            label={kind === 'checklist' ? 'Checklist item' : 'Label shown to reps'}
            description={kind === 'checklist' ? 'What the rep ticks' : 'Leave empty for a description of the rule'}
            required={kind === 'checklist'}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
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
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
