import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../api/identity';
import { ApiError } from '../app/api';
import { useSessionState } from '../app/session';
import { schemaErrors } from '../components/schema-errors';
import { signIn, useSetupStatus } from '../data/auth/auth';
import { AuthLayout } from './AuthLayout';
import { safeNext } from './next-path';

function loginProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'The email or the password is not right.';
    if (error.status === 429) return 'Too many attempts. Wait a few minutes, then try again.';
    return error.message;
  }
  return 'Signing in failed. Try again.';
}

export function LoginPage() {
  const { session, signedIn } = useSessionState();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<string | null>(null);
  const setup = useSetupStatus(60_000);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => schemaErrors(LoginBody, values),
  });

  if (session) return <Navigate to={next} replace />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const info = await signIn({ email: values.email.trim(), password: values.password });
      signedIn(info);
    } catch (error) {
      setProblem(loginProblem(error));
    }
  });

  return (
    <AuthLayout title="Sign in" subtitle="Use the email and password your admin set up for you.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
