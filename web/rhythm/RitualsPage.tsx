import { Alert, Badge, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarRepeat, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Team, User } from '../../api/identity';
import type { Ritual, RitualKind, RitualProposals } from '../../api/rituals';
import { api, isApiError } from '../app/api';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { fromRRule, type Recurrence, RitualsRecurrencePicker, toRRule } from './RitualsRecurrencePicker';

export const KIND_LABELS: Record<RitualKind, string> = {
  pipeline_review: 'Weekly pipeline review',
  one_on_one: '1:1 coaching',
  forecast_call: 'Forecast call',
  practice_lab: 'Practice lab',
  adherence_review: 'Monthly adherence review',
  lead_agreement_review: 'Quarterly lead-agreement review',
};

interface FormState {
  kind: RitualKind;
  teamId: string | null;
  title: string;
  recurrence: Recurrence;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  attendeeIds: string[];
}

function nextMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function RitualForm({ editing, teams, users, onDone }: { editing: Ritual | null; teams: Team[]; users: User[]; onDone(): void }) {
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
    attendeeIds: editing?.attendees.map((a) => a.id) ?? [],
  }));
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
          attendeeIds: state.attendeeIds,
          ...series,
        });
      } else {
        await api.post('/api/v1/rituals', {
          kind: state.kind,
          teamId: state.teamId,
          ...(state.title ? { title: state.title } : {}),
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
      <MultiSelect
        label="Attendees"
        description={editing ? undefined : 'Empty: everyone in the team'}
        searchable
        data={users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
        value={state.attendeeIds}
        onChange={(attendeeIds) => set({ attendeeIds })}
        error={fieldErrors.attendeeIds}
      />
      <Group justify="flex-end">
        <Button onClick={save}>{editing ? 'Save ritual' : 'Create ritual'}</Button>
      </Group>
    </Stack>
  );
}

function Proposals({ teamId }: { teamId: string }) {
  const queryClient = useQueryClient();
  const proposals = useQuery({
    queryKey: ['rituals', 'proposals', teamId],
    queryFn: () => api.get<RitualProposals>(`/api/v1/ritual-proposals?teamId=${teamId}`),
  });
  if (!proposals.data || proposals.data.items.length === 0) return null;
  const accept = async () => {
    try {
      await api.post('/api/v1/ritual-proposals/accept', { teamId, keys: proposals.data.items.map((p) => p.key) });
      await queryClient.invalidateQueries({ queryKey: ['rituals'] });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not created', message: errorMessage(error) });
    }
  };
  return (
    <Alert variant="light" color="furrow" title={`Suggested rhythm for ${proposals.data.team.name}`}>
      <Text size="sm">{proposals.data.items.map((p) => `${p.title} (${p.recurrenceText})`).join(' · ')}</Text>
      <Button size="xs" mt="xs" onClick={accept}>
        Accept all {proposals.data.items.length}
      </Button>
    </Alert>
  );
}

export function RitualsPage() {
  const { user } = useSession();
  const mayCreate = user.role === 'admin' || user.role === 'manager';
  const rituals = useQuery({ queryKey: ['rituals'], queryFn: () => api.get<{ items: Ritual[] }>('/api/v1/rituals').then((r) => r.items) });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api.get<{ items: Team[] }>('/api/v1/teams').then((r) => r.items), enabled: mayCreate });
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: User[] }>('/api/v1/users').then((r) => r.items), enabled: mayCreate });
  const [editing, setEditing] = useState<Ritual | 'new' | null>(null);
  const myTeams = (teams.data ?? []).filter((t) => user.role === 'admin' || user.managesTeamIds.includes(t.id));
  const byTeam = new Map<string, Ritual[]>();
  for (const r of rituals.data ?? []) byTeam.set(r.team.name, [...(byTeam.get(r.team.name) ?? []), r]);

  return (
    <>
      <PageHeader
        title="Rituals"
        description="The operating rhythm: the recurring meetings that keep the disciplines alive all year. Open an occurrence for its agenda, prepared from live data."
        actions={
          mayCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={myTeams.length === 0}>
              New ritual
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {mayCreate && myTeams.map((t) => <Proposals key={t.id} teamId={t.id} />)}
        {rituals.isPending ? (
          <LoadingState />
        ) : rituals.isError ? (
          <ErrorState error={rituals.error} onRetry={() => rituals.refetch()} />
        ) : rituals.data.length === 0 ? (
          <EmptyHint
            icon={<IconCalendarRepeat size={28} />}
            title="No rituals yet"
            description={
              mayCreate
                ? 'Accept the suggested rhythm above or create a ritual for your team.'
                : 'Your manager sets up the team’s rituals; you see the ones you attend here.'
            }
          />
        ) : (
          [...byTeam.entries()].map(([team, items]) => (
            <Paper key={team} withBorder radius="md" p="md">
              <Title order={2} fz="h4" mb="sm">
                {team}
              </Title>
              <Table verticalSpacing="xs" aria-label={`Rituals of ${team}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Ritual</Table.Th>
                    <Table.Th scope="col">Repeats</Table.Th>
                    <Table.Th scope="col">Owner</Table.Th>
                    <Table.Th scope="col">Next</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text fw={500}>{r.title}</Text>
                        <Badge variant="light" size="sm">
                          {KIND_LABELS[r.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.recurrenceText}, {r.startsAt.slice(11)} ({r.durationMinutes} min)
                      </Table.Td>
                      <Table.Td>{r.owner.name}</Table.Td>
                      <Table.Td>
                        {r.nextOccurrence ? <Link to={`/rituals/occurrences/${r.nextOccurrence.id}`}>{formatInstant(r.nextOccurrence.scheduledAt)}</Link> : '—'}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {r.canEdit && (
                          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(r)} aria-label={`Edit ${r.title}`}>
                            Edit
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New ritual' : 'Edit ritual'} size="lg">
        {editing !== null && teams.data && users.data && (
          <RitualForm editing={editing === 'new' ? null : editing} teams={myTeams} users={users.data} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}
