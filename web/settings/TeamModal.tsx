import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Team, TeamCreate, type User } from '../../api/identity';
import { FormProblem } from '../components/FormProblem';
import { schemaErrors } from '../components/schema-errors';
import { createTeam, refreshTeams, updateTeam } from '../data/people/people-writes';
import { useWrite } from '../data/write';
import { descendantsOf } from './team-tree';

interface Values extends Record<string, unknown> {
  name: string;
  parentId: string | null;
  managerId: string | null;
}

function TeamForm({ team, teams, users, onClose }: { team: Team | null; teams: Team[]; users: User[]; onClose(): void }) {
  const form = useForm<Values>({
    initialValues: { name: team?.name ?? '', parentId: team?.parentId ?? null, managerId: team?.managerId ?? null },
    validateInputOnChange: true,
    validate: (v) => schemaErrors(TeamCreate, v),
  });
  const excluded = team ? descendantsOf(teams, team.id) : new Set<string>();
  const managers = users.filter((u) => !u.disabled && (u.role === 'manager' || u.role === 'admin'));

  const write = useWrite({
    request: (v: Values) => (team ? updateTeam(team.id, { version: team.version, name: v.name, parentId: v.parentId, managerId: v.managerId }) : createTeam(v)),
    refresh: refreshTeams,
    success: (_, v) => (team ? 'Team saved' : `Team ${v.name} created`),
    onSuccess: onClose,
    form: { form, fields: ['name', 'parentId', 'managerId'] },
  });

  return (
    <form onSubmit={form.onSubmit(write.save)} noValidate>
      <Stack gap="md">
        <FormProblem problem={write.problem} />
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
