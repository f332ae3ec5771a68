// Create or change a ritual: kind and team (on creation), title, owner, recurrence, first
// occurrence, attendees; and delete it, after a confirmation that says its held occurrences stay
// in the history. The server decides who may own it and answers field by field.
import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { FieldProblem } from '../../api/common';
import type { Team, User } from '../../api/identity';
import type { Ritual, RitualKind } from '../../api/rituals';
import { createRitual, deleteRitual, refreshRituals, updateRitual } from '../data/rituals/rituals';
import { useWrite } from '../data/write';
import { fromRRule, type Recurrence, RitualsRecurrencePicker, toRRule } from './RitualsRecurrencePicker';
import { KIND_LABELS } from './ritual-kinds';

interface FormState extends Record<string, unknown> {
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

const FIELDS = ['kind', 'teamId', 'title', 'recurrence', 'startDate', 'ownerId', 'attendeeIds'];
/** The server names the series (rrule, startsAt); the form asks for it in parts. */
const FORM_FIELD: Record<string, string> = { rrule: 'recurrence', startsAt: 'startDate' };

/** A server problem at `attendeeIds/2` belongs to the attendees field; one no field shows goes above the form. */
const renameProblems = (problems: FieldProblem[]) =>
  Object.fromEntries(
    problems.flatMap((p) => {
      const head = p.field.split('/')[0] as string;
      const field = FORM_FIELD[head] ?? head;
      return FIELDS.includes(field) ? [[p.field, field]] : [];
    }),
  );

function nextMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function save(editing: Ritual | null, state: FormState) {
  const series = { rrule: toRRule(state.recurrence), startsAt: `${state.startDate}T${state.startTime}`, durationMinutes: state.durationMinutes };
  if (editing)
    return updateRitual(editing.id, {
      version: editing.version,
      title: state.title || editing.title,
      ...(state.ownerId && state.ownerId !== editing.owner.id ? { ownerId: state.ownerId } : {}),
      attendeeIds: state.attendeeIds,
      ...series,
    });
  return createRitual({
    kind: state.kind,
    // The team select always holds one of the manager's teams; the server says so if not.
    teamId: state.teamId ?? '',
    ...(state.title ? { title: state.title } : {}),
    ...(state.ownerId ? { ownerId: state.ownerId } : {}),
    ...(state.attendeeIds.length > 0 ? { attendeeIds: state.attendeeIds } : {}),
    ...series,
  });
}

export function RitualForm({ editing, teams, users, onDone }: { editing: Ritual | null; teams: Team[]; users: User[]; onDone(): void }) {
  const form = useForm<FormState>({
    initialValues: {
      kind: editing?.kind ?? 'pipeline_review',
      teamId: editing?.team.id ?? teams[0]?.id ?? null,
      title: editing?.title ?? '',
      recurrence: (editing && fromRRule(editing.rrule)) ?? { pattern: 'weekly', day: 'MO', interval: 1, nth: 1 },
      startDate: editing?.startsAt.slice(0, 10) ?? nextMonday(),
      startTime: editing?.startsAt.slice(11, 16) ?? '09:00',
      durationMinutes: editing?.durationMinutes ?? 60,
      ownerId: editing?.owner.id ?? null,
      attendeeIds: editing?.attendees.map((a) => a.id) ?? [],
    },
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const write = useWrite({
    request: (state: FormState) => save(editing, state),
    refresh: refreshRituals,
    success: editing ? 'Ritual saved' : 'Ritual created',
    onSuccess: onDone,
    form: { form, fields: FIELDS, rename: renameProblems },
  });
  const remove = useWrite({
    request: (ritual: Ritual) => deleteRitual(ritual.id),
    refresh: refreshRituals,
    success: (_, ritual) => `${ritual.title} deleted`,
    onSuccess: onDone,
    inline: true,
  });
  const state = form.values;
  const set = (patch: Partial<FormState>) => form.setValues(patch);
  const problem = remove.problem ?? write.problem;
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
            error={form.errors.kind}
          />
          <Select
            label="Team"
            allowDeselect={false}
            data={teams.map((t) => ({ value: t.id, label: t.name }))}
            value={state.teamId}
            onChange={(v) => set({ teamId: v })}
            error={form.errors.teamId}
          />
        </Group>
      )}
      <TextInput
        label="Title"
        placeholder={KIND_LABELS[state.kind]}
        value={state.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={form.errors.title}
      />
      <RitualsRecurrencePicker value={state.recurrence} onChange={(recurrence) => set({ recurrence })} />
      {form.errors.recurrence && (
        <Text c="red" size="sm">
          {form.errors.recurrence}
        </Text>
      )}
      <Group grow>
        <TextInput
          label="First occurrence"
          type="date"
          value={state.startDate}
          onChange={(e) => set({ startDate: e.currentTarget.value })}
          error={form.errors.startDate}
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
        error={form.errors.ownerId}
      />
      <MultiSelect
        label="Attendees"
        description={editing ? undefined : 'Empty: everyone in the team'}
        searchable
        data={people.map((u) => ({ value: u.id, label: u.name }))}
        value={state.attendeeIds}
        onChange={(attendeeIds) => set({ attendeeIds })}
        error={form.errors.attendeeIds}
      />
      {confirmDelete && editing ? (
        <Paper withBorder p="sm" role="group" aria-label={`Delete ${editing.title}?`}>
          <Text fw={600}>Delete {editing.title}?</Text>
          <Text size="sm">Its future occurrences go; the ones already held or skipped stay in the history and in ritual adherence.</Text>
          <Group mt="xs">
            <Button
              color="red.9"
              size="xs"
              loading={remove.pending}
              onClick={async () => {
                if ((await remove.save(editing)) === undefined) setConfirmDelete(false);
              }}
            >
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
          <Button onClick={() => write.save(form.getValues())} loading={write.pending}>
            {editing ? 'Save ritual' : 'Create ritual'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
