import { Alert, Button, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { SetupBody } from '../../api/identity';
import { isApiError } from '../app/api';
import { useSessionState } from '../app/session';
import { schemaErrors } from '../components/schema-errors';
import { mapServerProblems } from '../components/server-problems';
import { setUpWorkspace, useSetupStatus } from '../data/auth/auth';
import { CURRENCIES, timeZones } from '../settings/choices';
import { AuthLayout } from './AuthLayout';

const FIELDS = ['workspaceName', 'name', 'email', 'password', 'currency', 'timezone'] as const;

/** First run only: creates the workspace and its first admin, then signs in. */
export function SetupPage() {
  const { session, signedIn } = useSessionState();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const setup = useSetupStatus();
  const form = useForm({
    initialValues: {
      workspaceName: '',
      name: '',
      email: '',
      password: '',
      currency: 'EUR',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    },
    validateInputOnChange: true,
    validate: (values) => schemaErrors(SetupBody, values),
  });

  if (session) return <Navigate to="/" replace />;
  if (setup.data && !setup.data.needed) return <Navigate to="/login" replace />;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const info = await setUpWorkspace(values);
      signedIn(info);
      navigate('/', { replace: true });
    } catch (error) {
      if (isApiError(error)) {
        const { fieldErrors, other } = mapServerProblems(error.fields, FIELDS);
        form.setErrors(fieldErrors);
        setProblem(other.length > 0 || Object.keys(fieldErrors).length === 0 ? other.join('; ') || error.message : null);
      } else setProblem('Setting up failed. Try again.');
    }
  });

  return (
    <AuthLayout title="Set up Furrow" subtitle="Name your workspace and create the first admin account. You can invite your team next.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <TextInput label="Company or workspace name" required {...form.getInputProps('workspaceName')} />
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label="Your email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" description="At least 10 characters" autoComplete="new-password" required {...form.getInputProps('password')} />
          <SimpleGrid cols={2}>
            <Select label="Currency" data={CURRENCIES} searchable allowDeselect={false} {...form.getInputProps('currency')} />
            <Select label="Time zone" data={timeZones()} searchable allowDeselect={false} {...form.getInputProps('timezone')} />
          </SimpleGrid>
          <Button type="submit" loading={form.submitting} fullWidth>
            Create workspace
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
