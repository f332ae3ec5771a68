import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Team, TeamCreate, type User } from '../../api/identity';
import { api } from '../app/api';
import { FormProblem } from '../components/FormProblem';
import { applySaveError } from '../components/save-errors';
import { schemaErrors } from '../components/schema-errors';
import { descendantsOf } from './team-tree';

interface Values extends Record<string, unknown> {
  name: string;
  parentId: string | null;
  managerId: string | null;
}

function TeamForm({ team, teams, users, onClose }: { team: Team | null; teams: Team[]; users: User[]; onClose(): void }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: team?.name ?? '', parentId: team?.parentId ?? null, managerId: team?.managerId ?? null },
    validateInputOnChange: true,
    validate: (v) => schemaErrors(TeamCreate, v),
  });
  const excluded = team ? descendantsOf(teams, team.id) : new Set<string>();
  const managers = users.filter((u) => !u.disabled && (u.role === 'manager' || u.role === 'admin'));

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      if (team) await api.patch(`/api/v1/teams/${team.id}`, { version: team.version, name: v.name, parentId: v.parentId, managerId: v.managerId });
      else await api.post('/api/v1/teams', v);
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      await queryClient.invalidateQueries({ queryKey: ['session'] });
      notifications.show({ color: 'furrow', message: team ? 'Team saved' : `Team ${v.name} created` });
      onClose();
    } catch (error) {
      if (applySaveError(error, form, ['name', 'parentId', 'managerId'], setProblem) === 'stale')
        setProblem('Someone else changed this team meanwhile. Close and open it again.');
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblem problem={problem} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Part of"
          description="Teams nest: the manager of a parent team sees the teams below it"
          placeholder="Top level"
          clearable
          data={teams.filter((t) => !excluded.has(t.id)).map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps('parentId')}
        />
        <Select
          label="Manager"
          placeholder="No manager yet"
          clearable
          searchable
          data={managers.map((u) => ({ value: u.id, label: u.name }))}
          {...form.getInputProps('managerId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {team ? 'Save' : 'Create team'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TeamModal({ opened, team, teams, users, onClose }: { opened: boolean; team: Team | null; teams: Team[]; users: User[]; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit ${team.name}` : 'New team'}>
      {opened && <TeamForm team={team} teams={teams} users={users} onClose={onClose} />}
    </Modal>
  );
}
