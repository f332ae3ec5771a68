import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../api/contacts';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { fetchContact, refreshContacts, updateContact, useContact } from '../../data/contacts/contacts';
import { useCustomFieldKeys } from '../../data/custom-fields/custom-fields';
import { useWrite } from '../../data/write';
import { contactName } from '../pickers/ContactSelect';
import { RecordLoader } from '../shared/RecordLoader';
import { ContactFields } from './ContactFields';
import { CONTACT_FIELDS, CONTACT_LABELS, type ContactValues, contactPatch, contactValues, describeContact, validateContact } from './contact-form';

const valuesOf = (c: Contact) => contactValues(c, { ownerId: c.ownerId });

function ContactEditor({ contact }: { contact: Contact }) {
  const navigate = useNavigate();
  const [base, setBase] = useState(contact);
  const customKeys = useCustomFieldKeys('contact');
  const form = useForm<ContactValues>({ initialValues: valuesOf(contact), validateInputOnChange: true, validate: validateContact });
  const write = useWrite({
    request: (values: ContactValues) => updateContact(contact.id, { version: base.version, ...contactPatch(values, valuesOf(base)) }),
    refresh: refreshContacts,
    success: 'Contact saved',
    onSuccess: () => navigate(`/contacts/${contact.id}`),
    form: { form, fields: [...CONTACT_FIELDS, ...customKeys] },
    conflict: { noun: 'contact', base, setBase, fetchLatest: () => fetchContact(contact.id), valuesOf, labels: CONTACT_LABELS, describe: describeContact },
  });
  const submit = form.onSubmit(write.save);

  return (
    <>
      <PageHeader title={`Edit ${contactName(base)}`} />
      <FormCard
        label="Edit contact"
        onSubmit={submit}
        problem={write.problem}
        submitLabel="Save"
        submitting={form.submitting}
        onCancel={() => navigate(`/contacts/${contact.id}`)}
      >
        <ContactFields form={form} accountLabel={base.accountName} />
      </FormCard>
      {write.dialog}
    </>
  );
}

export function ContactEditPage() {
  const { id } = useParams();
  const query = useContact(id);
  return (
    <RecordLoader query={query} noun="contact">
      {(contact) => <ContactEditor contact={contact} />}
    </RecordLoader>
  );
}
