import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Account } from '../../../api/accounts';
import { api } from '../../app/api';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { applySaveError } from '../../components/save-errors';
import { useStaleRecovery } from '../../components/useStaleRecovery';
import { RecordLoader } from '../shared/RecordLoader';
import { refreshEntity, useRecord } from '../shared/resources';
import { AccountFields } from './AccountFields';
import { ACCOUNT_FIELDS, ACCOUNT_LABELS, type AccountValues, accountPatch, accountValues, describeAccount, validateAccount } from './account-form';

function AccountEditor({ account }: { account: Account }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(account);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AccountValues>({ initialValues: accountValues(account, account.ownerId), validateInputOnChange: true, validate: validateAccount });
  const stale = useStaleRecovery({
    noun: 'account',
    form,
    base,
    setBase: (a: Account) => setBase(a),
    fetchLatest: () => api.get<Account>(`/api/v1/accounts/${account.id}`),
    valuesOf: (a: Account) => accountValues(a, a.ownerId),
    labels: ACCOUNT_LABELS,
    describe: describeAccount,
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const saved = await api.patch<Account>(`/api/v1/accounts/${account.id}`, {
        version: base.version,
        ...accountPatch(values, accountValues(base, base.ownerId)),
      });
      await refreshEntity(queryClient, 'accounts');
      notifications.show({ color: 'furrow', message: `Account “${saved.name}” saved` });
      navigate(`/accounts/${account.id}`);
    } catch (error) {
      if (applySaveError(error, form, ACCOUNT_FIELDS, setProblem) === 'stale') await stale.start();
    }
  });

  return (
    <>
      <PageHeader title={`Edit ${base.name}`} />
      <FormCard
        label="Edit account"
        onSubmit={submit}
        problem={problem}
        submitLabel="Save"
        submitting={form.submitting}
        onCancel={() => navigate(`/accounts/${account.id}`)}
      >
        <AccountFields form={form} />
      </FormCard>
      {stale.dialog}
    </>
  );
}

export function AccountEditPage() {
  const { id } = useParams();
  const query = useRecord<Account>('accounts', id);
  return (
    <RecordLoader query={query} noun="account">
      {(account) => <AccountEditor account={account} />}
    </RecordLoader>
  );
}
