import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { type Team, TeamCreate, type User } from '../../api/identity';
import { FormFooter } from '../components/FormFooter';
import { FormProblem } from '../components/FormProblem';
import { schemaErrors } from '../components/schema-errors';
import { createTeam, fetchTeam, refreshTeams, updateTeam } from '../data/people/people-writes';
import { useWrite } from '../data/write';
import { descendantsOf } from './team-tree';

interface Values extends Record<string, unknown> {
  name: string;
  parentId: string | null;
  managerId: string | null;
}

const valuesOf = (t: Team): Values => ({ name: t.name, parentId: t.parentId, managerId: t.managerId });
const LABELS = { name: 'Name', parentId: 'Part of', managerId: 'Manager' };

function TeamForm({ team, teams, users, onClose }: { team: Team | null; teams: Team[]; users: User[]; onClose(): void }) {
  const [base, setBase] = useState(team);
  const form = useForm<Values>({
    initialValues: team ? valuesOf(team) : { name: '', parentId: null, managerId: null },
    validateInputOnChange: true,
    validate: (v) => schemaErrors(TeamCreate, v),
  });
  const excluded = team ? descendantsOf(teams, team.id) : new Set<string>();
  const managers = users.filter((u) => !u.disabled && (u.role === 'manager' || u.role === 'admin'));

  const describe = (t: Team, field: keyof Values): string => {
    if (field === 'name') return t.name;
    if (field === 'parentId') return teams.find((p) => p.id === t.parentId)?.name ?? 'Top level';
    return users.find((u) => u.id === t.managerId)?.name ?? 'No manager';
  };
  const write = useWrite({
    request: (v: Values) => (base ? updateTeam(base.id, { version: base.version, ...v }) : createTeam(v)),
    refresh: refreshTeams,
    success: (_, v) => (team ? 'Team saved' : `Team ${v.name} created`),
    onSuccess: onClose,
    form: { form, fields: ['name', 'parentId', 'managerId'] },
    conflict: base ? { noun: 'team', base, setBase, fetchLatest: () => fetchTeam(base.id), valuesOf, labels: LABELS, describe } : undefined,
  });

  return (
    <>
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
          <FormFooter submitLabel={team ? 'Save' : 'Create team'} submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
      {write.dialog}
    </>
  );
}

export function TeamModal({ opened, team, teams, users, onClose }: { opened: boolean; team: Team | null; teams: Team[]; users: User[]; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={team ? `Edit ${team.name}` : 'New team'}>
      {opened && <TeamForm team={team} teams={teams} users={users} onClose={onClose} />}
    </Modal>
  );
}
