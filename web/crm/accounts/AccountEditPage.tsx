import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Account } from '../../../api/accounts';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { fetchAccount, refreshAccounts, updateAccount, useAccount } from '../../data/accounts/accounts';
import { useCustomFieldKeys } from '../../data/custom-fields/custom-fields';
import { useWrite } from '../../data/write';
import { RecordLoader } from '../shared/RecordLoader';
import { AccountFields } from './AccountFields';
import { ACCOUNT_FIELDS, ACCOUNT_LABELS, type AccountValues, accountPatch, accountValues, describeAccount, validateAccount } from './account-form';

const valuesOf = (a: Account) => accountValues(a, a.ownerId);

function AccountEditor({ account }: { account: Account }) {
  const navigate = useNavigate();
  const [base, setBase] = useState(account);
  const customKeys = useCustomFieldKeys('account');
  const form = useForm<AccountValues>({ initialValues: valuesOf(account), validateInputOnChange: true, validate: validateAccount });
  const write = useWrite({
    request: (values: AccountValues) => updateAccount(account.id, { version: base.version, ...accountPatch(values, valuesOf(base)) }),
    refresh: refreshAccounts,
    success: (saved) => `Account “${saved.name}” saved`,
    onSuccess: () => navigate(`/accounts/${account.id}`),
    form: { form, fields: [...ACCOUNT_FIELDS, ...customKeys] },
    conflict: { noun: 'account', base, setBase, fetchLatest: () => fetchAccount(account.id), valuesOf, labels: ACCOUNT_LABELS, describe: describeAccount },
  });
  const submit = form.onSubmit(write.save);

  return (
    <>
      <PageHeader title={`Edit ${base.name}`} />
      <FormCard
        label="Edit account"
        onSubmit={submit}
        problem={write.problem}
        submitLabel="Save"
        submitting={form.submitting}
        onCancel={() => navigate(`/accounts/${account.id}`)}
      >
        <AccountFields form={form} />
      </FormCard>
      {write.dialog}
    </>
  );
}

export function AccountEditPage() {
  const { id } = useParams();
  const query = useAccount(id);
  return (
    <RecordLoader query={query} noun="account">
      {(account) => <AccountEditor account={account} />}
    </RecordLoader>
  );
}
