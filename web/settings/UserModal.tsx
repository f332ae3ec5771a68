import { Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Role } from '../../api/common';
import { type Team, type User, UserCreate } from '../../api/identity';
import { FormProblem } from '../components/FormProblem';
import { schemaErrors } from '../components/schema-errors';
import { createUser, refreshUsers, updateUser } from '../data/people/people-writes';
import { useWrite } from '../data/write';
import { ROLE_OPTIONS } from './labels';

interface Values extends Record<string, unknown> {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  password: string;
  disabled: boolean;
}

const FIELDS = ['name', 'email', 'role', 'teamId', 'password', 'disabled'];

function UserForm({ user, teams, onClose }: { user: User | null; teams: Team[]; onClose(): void }) {
  const form = useForm<Values>({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'rep',
      teamId: user?.teamId ?? null,
      password: '',
      disabled: user?.disabled ?? false,
    },
    validateInputOnChange: true,
    validate: (v) => {
      if (!user) return schemaErrors(UserCreate, { name: v.name, email: v.email.trim(), role: v.role, teamId: v.teamId, password: v.password });
      const errors: Record<string, string> = {};
      if (!v.name.trim()) errors.name = 'Required';
      if (v.password && v.password.length < 10) errors.password = 'At least 10 characters';
      return errors;
    },
  });

  const write = useWrite({
    // An edit sends only what changed, so it never undoes another admin's change to another field.
    request: (v: Values) =>
      user
        ? updateUser(user.id, {
            version: user.version,
            ...(v.name !== user.name ? { name: v.name } : {}),
            ...(v.role !== user.role ? { role: v.role } : {}),
            ...(v.teamId !== user.teamId ? { teamId: v.teamId } : {}),
            ...(v.disabled !== user.disabled ? { disabled: v.disabled } : {}),
            ...(v.password ? { password: v.password } : {}),
          })
        : createUser({ name: v.name, email: v.email.trim(), role: v.role, teamId: v.teamId, password: v.password }),
    refresh: refreshUsers,
    success: (_, v) => (user ? `${v.name} saved` : `${v.name} added`),
    onSuccess: onClose,
    form: { form, fields: FIELDS },
  });

  return (
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {user ? 'Save' : 'Add user'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function UserModal({ opened, user, teams, onClose }: { opened: boolean; user: User | null; teams: Team[]; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={user ? `Edit ${user.name}` : 'Add a user'}>
      {opened && <UserForm user={user} teams={teams} onClose={onClose} />}
    </Modal>
  );
}
