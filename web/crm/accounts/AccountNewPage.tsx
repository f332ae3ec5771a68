import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { createAccount, refreshAccounts } from '../../data/accounts/accounts';
import { useWrite } from '../../data/write';
import { AccountFields } from './AccountFields';
import { ACCOUNT_FIELDS, type AccountValues, accountBody, accountValues, validateAccount } from './account-form';

export function AccountNewPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const form = useForm<AccountValues>({ initialValues: accountValues(null, user.id), validateInputOnChange: true, validate: validateAccount });
  const write = useWrite({
    request: createAccount,
    refresh: refreshAccounts,
    success: (created) => `Account “${created.name}” created`,
    onSuccess: (created) => navigate(`/accounts/${created.id}`),
    form: { form, fields: ACCOUNT_FIELDS },
  });
  const submit = form.onSubmit((values) => write.save(accountBody(values)));

  return (
    <>
      <PageHeader title="New account" description="A company you sell to. Contacts and deals hang off it." />
      <FormCard
        label="New account"
        onSubmit={submit}
        problem={write.problem}
        submitLabel="Create account"
        submitting={form.submitting}
        onCancel={() => navigate(-1)}
      >
        <AccountFields form={form} />
      </FormCard>
    </>
  );
}
