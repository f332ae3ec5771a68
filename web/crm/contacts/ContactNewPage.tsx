import { useForm } from '@mantine/form';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useAccount } from '../../data/accounts/accounts';
import { createContact, refreshContacts } from '../../data/contacts/contacts';
import { useCustomFieldKeys } from '../../data/custom-fields/custom-fields';
import { NewRecordPage } from '../shared/NewRecordPage';
import { ContactFields } from './ContactFields';
import { CONTACT_FIELDS, type ContactValues, contactBody, contactValues, validateContact } from './contact-form';

export function ContactNewPage() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  const account = useAccount(accountId);
  const customKeys = useCustomFieldKeys('contact');
  const form = useForm<ContactValues>({
    initialValues: contactValues(null, { ownerId: user.id, accountId }),
    validateInputOnChange: true,
    validate: validateContact,
  });
  return (
    <NewRecordPage
      noun="contact"
      description="A person you talk to at an account."
      form={{ form, fields: [...CONTACT_FIELDS, ...customKeys] }}
      body={contactBody}
      write={{ request: createContact, refresh: refreshContacts, success: (created) => `Contact “${created.firstName} ${created.lastName}” created` }}
    >
      <ContactFields form={form} accountLabel={account.data?.name ?? null} />
    </NewRecordPage>
  );
}
