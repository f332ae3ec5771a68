import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Account } from '../../../api/accounts';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { applySaveError } from '../../components/save-errors';
import { refreshEntity } from '../shared/resources';
import { AccountFields } from './AccountFields';
import { ACCOUNT_FIELDS, type AccountValues, accountBody, accountValues, validateAccount } from './account-form';

export function AccountNewPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AccountValues>({ initialValues: accountValues(null, user.id), validateInputOnChange: true, validate: validateAccount });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const created = await api.post<Account>('/api/v1/accounts', accountBody(values));
      await refreshEntity(queryClient, 'accounts');
      notifications.show({ color: 'furrow', message: `Account “${created.name}” created` });
      navigate(`/accounts/${created.id}`);
    } catch (error) {
      applySaveError(error, form, ACCOUNT_FIELDS, setProblem);
    }
  });

  return (
    <>
      <PageHeader title="New account" description="A company you sell to. Contacts and deals hang off it." />
      <FormCard label="New account" onSubmit={submit} problem={problem} submitLabel="Create account" submitting={form.submitting} onCancel={() => navigate(-1)}>
        <AccountFields form={form} />
      </FormCard>
    </>
  );
}
