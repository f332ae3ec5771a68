// Change your own password. The server signs out every other session of yours; this one stays.
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PasswordChange } from '../../api/identity';
import { FormFooter } from '../components/FormFooter';
import { FormProblem } from '../components/FormProblem';
import { schemaErrors } from '../components/schema-errors';
import { changePassword } from '../data/auth/auth';
import { useWrite } from '../data/write';

interface Values extends Record<string, unknown> {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

const FIELDS = ['currentPassword', 'newPassword'];

function PasswordForm({ onClose }: { onClose(): void }) {
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: (v) => {
      const errors: Record<string, string> = schemaErrors(PasswordChange, { currentPassword: v.currentPassword, newPassword: v.newPassword });
      if (v.repeat !== v.newPassword) errors.repeat = 'The two new passwords differ';
      return errors;
    },
  });

  const write = useWrite({
    request: (v: Values) => changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    success: 'Password changed; your other sessions are signed out',
    onSuccess: onClose,
    form: { form, fields: FIELDS },
  });
  const submit = form.onSubmit(write.save);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblem problem={write.problem} />
        <PasswordInput label="Current password" required autoComplete="current-password" data-autofocus {...form.getInputProps('currentPassword')} />
        <PasswordInput label="New password" description="At least 10 characters" required autoComplete="new-password" {...form.getInputProps('newPassword')} />
        <PasswordInput label="New password again" required autoComplete="new-password" {...form.getInputProps('repeat')} />
        <Text size="xs" c="dimmed">
          Every other browser and device signed in as you is signed out. API tokens keep working; revoke them under API tokens.
        </Text>
        <FormFooter submitLabel="Change password" submitting={form.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function PasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change your password">
      {opened && <PasswordForm onClose={onClose} />}
    </Modal>
  );
}
