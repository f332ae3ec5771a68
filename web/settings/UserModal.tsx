import { Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Role } from '../../api/common';
import { type Team, type User, UserCreate } from '../../api/identity';
import { FormFooter } from '../components/FormFooter';
import { FormProblem } from '../components/FormProblem';
import { schemaErrors } from '../components/schema-errors';
import { createUser, fetchUser, refreshUsers, updateUser } from '../data/people/people-writes';
import { useWrite } from '../data/write';
import { ROLE_LABEL, ROLE_OPTIONS } from './labels';

interface Values extends Record<string, unknown> {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  password: string;
  disabled: boolean;
}

const FIELDS = ['name', 'email', 'role', 'teamId', 'password', 'disabled'];
const LABELS = { name: 'Name', role: 'Role', teamId: 'Team', disabled: 'Disabled' };
const valuesOf = (u: User): Values => ({ name: u.name, email: u.email, role: u.role, teamId: u.teamId, password: '', disabled: u.disabled });

function UserForm({ user, teams, onClose }: { user: User | null; teams: Team[]; onClose(): void }) {
  const [base, setBase] = useState(user);
  const form = useForm<Values>({
    initialValues: user ? valuesOf(user) : { name: '', email: '', role: 'rep', teamId: null, password: '', disabled: false },
    validateInputOnChange: true,
    validate: (v) => {
      if (!user) return schemaErrors(UserCreate, { name: v.name, email: v.email.trim(), role: v.role, teamId: v.teamId, password: v.password });
      const errors: Record<string, string> = {};
      if (!v.name.trim()) errors.name = 'Required';
      if (v.password && v.password.length < 10) errors.password = 'At least 10 characters';
      return errors;
    },
  });

  const describe = (u: User, field: keyof Values): string => {
    if (field === 'role') return ROLE_LABEL[u.role];
    if (field === 'teamId') return teams.find((t) => t.id === u.teamId)?.name ?? 'No team';
    if (field === 'disabled') return u.disabled ? 'Yes' : 'No';
    return u.name;
  };
  const write = useWrite({
    // An edit sends only what changed, so it never undoes another admin's change to another field.
    request: (v: Values) =>
      base
        ? updateUser(base.id, {
            version: base.version,
            ...(v.name !== base.name ? { name: v.name } : {}),
            ...(v.role !== base.role ? { role: v.role } : {}),
            ...(v.teamId !== base.teamId ? { teamId: v.teamId } : {}),
            ...(v.disabled !== base.disabled ? { disabled: v.disabled } : {}),
            ...(v.password ? { password: v.password } : {}),
          })
        : createUser({ name: v.name, email: v.email.trim(), role: v.role, teamId: v.teamId, password: v.password }),
    refresh: refreshUsers,
    success: (_, v) => (user ? `${v.name} saved` : `${v.name} added`),
    onSuccess: onClose,
    form: { form, fields: FIELDS },
    conflict: base ? { noun: 'user', base, setBase, fetchLatest: () => fetchUser(base.id), valuesOf, labels: LABELS, describe } : undefined,
  });

  return (
    <>
      <form onSubmit={form.onSubmit(write.save)} noValidate>
        <Stack gap="md">
          <FormProblem problem={write.problem} />
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required disabled={user !== null} {...form.getInputProps('email')} />
          <Group grow>
            <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
            <Select label="Team" data={teams.map((t) => ({ value: t.id, label: t.name }))} clearable placeholder="No team" {...form.getInputProps('teamId')} />
          </Group>
          <PasswordInput
            label={user ? 'New password' : 'Password'}
            description={user ? 'Leave empty to keep the current one' : 'At least 10 characters; they can change it later'}
            required={!user}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {user && (
            <Switch
              label="Disabled"
              description="A disabled user cannot sign in; their sessions and API tokens end at once"
              {...form.getInputProps('disabled', { type: 'checkbox' })}
            />
          )}
          <FormFooter submitLabel={user ? 'Save' : 'Add user'} submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
      {write.dialog}
    </>
  );
}

export function UserModal({ opened, user, teams, onClose }: { opened: boolean; user: User | null; teams: Team[]; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={user ? `Edit ${user.name}` : 'Add a user'}>
      {opened && <UserForm user={user} teams={teams} onClose={onClose} />}
    </Modal>
  );
}
