import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Password } from '../../api/identity';
import { isApiError } from '../app/api';
import { useSessionState } from '../app/session';
import { schemaErrors } from '../components/schema-errors';
import { acceptInvitation } from '../data/auth/auth';
import { AuthLayout } from './AuthLayout';

/** The invitation secret travels in the URL fragment, which browsers never send to servers. */
function secretFromHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

export function AcceptInvitePage() {
  const { signedIn } = useSessionState();
  const navigate = useNavigate();
  const [secret] = useState(secretFromHash);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validateInputOnChange: true,
    validate: (values) => ({
      ...schemaErrors(Password, values.password, { '': 'password' }),
      ...(values.confirm && values.confirm !== values.password ? { confirm: 'The two passwords differ' } : {}),
    }),
  });

  if (secret.length < 10) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <Alert color="orange" variant="light">
          This link is missing its secret part. Open the full link from your invitation, or ask your admin for a new one.
        </Alert>
        <Button component={Link} to="/login" variant="light">
          Go to sign in
        </Button>
      </AuthLayout>
    );
  }

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const info = await acceptInvitation({ token: secret, password: values.password });
      signedIn(info);
      window.history.replaceState(null, '', '/');
      navigate('/', { replace: true });
    } catch (error) {
      if (isApiError(error) && (error.status === 404 || error.status === 409 || error.code === 'invalid_input')) {
        const pw = error.fields.find((f) => f.field === 'password');
        if (pw) form.setFieldError('password', pw.message);
        else setProblem('This invitation is no longer valid: it was used, revoked or has expired. Ask your admin for a new one.');
      } else setProblem(isApiError(error) ? error.message : 'Accepting the invitation failed. Try again.');
    }
  });

  return (
    <AuthLayout title="Join your team on Furrow" subtitle="Choose a password to finish setting up your account.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <PasswordInput label="New password" description="At least 10 characters" autoComplete="new-password" required {...form.getInputProps('password')} />
          <PasswordInput label="Repeat the password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Join
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
