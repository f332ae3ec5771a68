// Create or change a ritual: kind and team (on creation), title, owner, recurrence, first
// occurrence, attendees; and delete it, after a confirmation that says its held occurrences stay
// in the history. The server decides who may own it and answers field by field.
import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Team, User } from '../../api/identity';
import type { Ritual, RitualKind } from '../../api/rituals';
import { api, isApiError } from '../app/api';
import { errorMessage } from '../components/ErrorState';
import { fromRRule, type Recurrence, RitualsRecurrencePicker, toRRule } from './RitualsRecurrencePicker';
import { KIND_LABELS } from './ritual-kinds';

interface FormState {
  kind: RitualKind;
  teamId: string | null;
  title: string;
  recurrence: Recurrence;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  ownerId: string | null;
  attendeeIds: string[];
}

function nextMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function RitualForm({ editing, teams, users, onDone }: { editing: Ritual | null; teams: Team[]; users: User[]; onDone(): void }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<FormState>(() => ({
    kind: editing?.kind ?? 'pipeline_review',
    teamId: editing?.team.id ?? teams[0]?.id ?? null,
    title: editing?.title ?? '',
    recurrence: (editing && fromRRule(editing.rrule)) ?? { pattern: 'weekly', day: 'MO', interval: 1, nth: 1 },
    startDate: editing?.startsAt.slice(0, 10) ?? nextMonday(),
    startTime: editing?.startsAt.slice(11, 16) ?? '09:00',
    durationMinutes: editing?.durationMinutes ?? 60,
    ownerId: editing?.owner.id ?? null,
    attendeeIds: editing?.attendees.map((a) => a.id) ?? [],
  }));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const save = async () => {
    setProblem(null);
    setFieldErrors({});
    const series = { rrule: toRRule(state.recurrence), startsAt: `${state.startDate}T${state.startTime}`, durationMinutes: state.durationMinutes };
    try {
      if (editing) {
        await api.patch(`/api/v1/rituals/${editing.id}`, {
          version: editing.version,
          title: state.title || editing.title,
          ...(state.ownerId && state.ownerId !== editing.owner.id ? { ownerId: state.ownerId } : {}),
          attendeeIds: state.attendeeIds,
          ...series,
        });
      } else {
        await api.post('/api/v1/rituals', {
          kind: state.kind,
          teamId: state.teamId,
          ...(state.title ? { title: state.title } : {}),
          ...(state.ownerId ? { ownerId: state.ownerId } : {}),
          ...(state.attendeeIds.length > 0 ? { attendeeIds: state.attendeeIds } : {}),
          ...series,
        });
      }
      await queryClient.invalidateQueries({ queryKey: ['rituals'] });
      notifications.show({ color: 'furrow', message: editing ? 'Ritual saved' : 'Ritual created' });
      onDone();
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0)
        setFieldErrors(Object.fromEntries(error.fields.map((f) => [f.field.split('/')[0] as string, f.message])));
      setProblem(errorMessage(error));
    }
  };
  const remove = async () => {
    if (!editing) return;
    try {
      await api.delete(`/api/v1/rituals/${editing.id}`);
      await queryClient.invalidateQueries({ queryKey: ['rituals'] });
      notifications.show({ color: 'furrow', message: `${editing.title} deleted` });
      onDone();
    } catch (error) {
      setConfirmDelete(false);
      setProblem(errorMessage(error));
    }
  };
  const people = users.filter((u) => !u.disabled);
  return (
    <Stack gap="sm">
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {!editing && (
        <Group grow>
          <Select
            label="Kind"
            allowDeselect={false}
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={state.kind}
            onChange={(v) => v && set({ kind: v as RitualKind })}
            error={fieldErrors.kind}
          />
          <Select
            label="Team"
            allowDeselect={false}
            data={teams.map((t) => ({ value: t.id, label: t.name }))}
            value={state.teamId}
            onChange={(v) => set({ teamId: v })}
            error={fieldErrors.teamId}
          />
        </Group>
      )}
      <TextInput
        label="Title"
        placeholder={KIND_LABELS[state.kind]}
        value={state.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={fieldErrors.title}
      />
      <RitualsRecurrencePicker value={state.recurrence} onChange={(recurrence) => set({ recurrence })} />
      {fieldErrors.rrule && (
        <Text c="red" size="sm">
          {fieldErrors.rrule}
        </Text>
      )}
      <Group grow>
        <TextInput
          label="First occurrence"
          type="date"
          value={state.startDate}
          onChange={(e) => set({ startDate: e.currentTarget.value })}
          error={fieldErrors.startsAt}
        />
        <TextInput label="Time" type="time" value={state.startTime} onChange={(e) => set({ startTime: e.currentTarget.value })} />
        <NumberInput label="Minutes" min={5} max={480} value={state.durationMinutes} onChange={(v) => set({ durationMinutes: Number(v) || 60 })} />
      </Group>
      <Select
        label="Owner"
        description={editing ? undefined : 'Empty: you'}
        searchable
        clearable={!editing}
        data={people.filter((u) => u.role !== 'coach').map((u) => ({ value: u.id, label: u.name }))}
        value={state.ownerId}
        onChange={(ownerId) => set({ ownerId })}
        error={fieldErrors.ownerId}
      />
      <MultiSelect
        label="Attendees"
        description={editing ? undefined : 'Empty: everyone in the team'}
        searchable
        data={people.map((u) => ({ value: u.id, label: u.name }))}
        value={state.attendeeIds}
        onChange={(attendeeIds) => set({ attendeeIds })}
        error={fieldErrors.attendeeIds}
      />
      {confirmDelete && editing ? (
        <Paper withBorder p="sm" role="group" aria-label={`Delete ${editing.title}?`}>
          <Text fw={600}>Delete {editing.title}?</Text>
          <Text size="sm">Its future occurrences go; the ones already held or skipped stay in the history and in ritual adherence.</Text>
          <Group mt="xs">
            <Button color="red.9" size="xs" onClick={remove}>
              Delete ritual
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
          </Group>
        </Paper>
      ) : (
        <Group justify={editing ? 'space-between' : 'flex-end'}>
          {editing && (
            <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
              Delete…
            </Button>
          )}
          <Button onClick={save}>{editing ? 'Save ritual' : 'Create ritual'}</Button>
        </Group>
      )}
    </Stack>
  );
}
