import { useForm } from '@mantine/form';
import { useSession } from '../../app/session';
import { createAccount, refreshAccounts } from '../../data/accounts/accounts';
import { useCustomFieldKeys } from '../../data/custom-fields/custom-fields';
import { NewRecordPage } from '../shared/NewRecordPage';
import { AccountFields } from './AccountFields';
import { ACCOUNT_FIELDS, type AccountValues, accountBody, accountValues, validateAccount } from './account-form';

export function AccountNewPage() {
  const { user } = useSession();
  const customKeys = useCustomFieldKeys('account');
  const form = useForm<AccountValues>({ initialValues: accountValues(null, user.id), validateInputOnChange: true, validate: validateAccount });
  return (
    <NewRecordPage
      noun="account"
      description="A company you sell to. Contacts and deals hang off it."
      form={{ form, fields: [...ACCOUNT_FIELDS, ...customKeys] }}
      body={accountBody}
      write={{ request: createAccount, refresh: refreshAccounts, success: (created) => `Account “${created.name}” created` }}
    >
      <AccountFields form={form} />
    </NewRecordPage>
  );
}
