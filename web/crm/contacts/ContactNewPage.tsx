import { useForm } from '@mantine/form';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { useAccount } from '../../data/accounts/accounts';
import { createContact, refreshContacts } from '../../data/contacts/contacts';
import { useWrite } from '../../data/write';
import { ContactFields } from './ContactFields';
import { CONTACT_FIELDS, type ContactValues, contactBody, contactValues, validateContact } from './contact-form';

export function ContactNewPage() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  const account = useAccount(accountId);
  const navigate = useNavigate();
  const form = useForm<ContactValues>({
    initialValues: contactValues(null, { ownerId: user.id, accountId }),
    validateInputOnChange: true,
    validate: validateContact,
  });
  const write = useWrite({
    request: createContact,
    refresh: refreshContacts,
    success: (created) => `Contact “${created.firstName} ${created.lastName}” created`,
    onSuccess: (created) => navigate(`/contacts/${created.id}`),
    form: { form, fields: CONTACT_FIELDS },
  });
  const submit = form.onSubmit((values) => write.save(contactBody(values)));

  return (
    <>
      <PageHeader title="New contact" description="A person you talk to at an account." />
      <FormCard
        label="New contact"
        onSubmit={submit}
        problem={write.problem}
        submitLabel="Create contact"
        submitting={form.submitting}
        onCancel={() => navigate(-1)}
      >
        <ContactFields form={form} accountLabel={account.data?.name ?? null} />
      </FormCard>
    </>
  );
}
