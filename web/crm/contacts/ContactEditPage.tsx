import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../api/contacts';
import { api } from '../../app/api';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { applySaveError } from '../../components/save-errors';
import { useStaleRecovery } from '../../components/useStaleRecovery';
import { contactName } from '../pickers/ContactSelect';
import { RecordLoader } from '../shared/RecordLoader';
import { refreshEntity, useRecord } from '../shared/resources';
import { ContactFields } from './ContactFields';
import { CONTACT_FIELDS, CONTACT_LABELS, type ContactValues, contactPatch, contactValues, describeContact, validateContact } from './contact-form';

const valuesOf = (c: Contact) => contactValues(c, { ownerId: c.ownerId });

function ContactEditor({ contact }: { contact: Contact }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(contact);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ContactValues>({ initialValues: valuesOf(contact), validateInputOnChange: true, validate: validateContact });
  const stale = useStaleRecovery({
    noun: 'contact',
    form,
    base,
    setBase,
    fetchLatest: () => api.get<Contact>(`/api/v1/contacts/${contact.id}`),
    valuesOf,
    labels: CONTACT_LABELS,
    describe: describeContact,
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await api.patch<Contact>(`/api/v1/contacts/${contact.id}`, { version: base.version, ...contactPatch(values, valuesOf(base)) });
      await refreshEntity(queryClient, 'contacts');
      notifications.show({ color: 'furrow', message: 'Contact saved' });
      navigate(`/contacts/${contact.id}`);
    } catch (error) {
      if (applySaveError(error, form, CONTACT_FIELDS, setProblem) === 'stale') await stale.start();
    }
  });

  return (
    <>
      <PageHeader title={`Edit ${contactName(base)}`} />
      <FormCard
        label="Edit contact"
        onSubmit={submit}
        problem={problem}
        submitLabel="Save"
        submitting={form.submitting}
        onCancel={() => navigate(`/contacts/${contact.id}`)}
      >
        <ContactFields form={form} accountLabel={base.accountName} />
      </FormCard>
      {stale.dialog}
    </>
  );
}

export function ContactEditPage() {
  const { id } = useParams();
  const query = useRecord<Contact>('contacts', id);
  return (
    <RecordLoader query={query} noun="contact">
      {(contact) => <ContactEditor contact={contact} />}
    </RecordLoader>
  );
}
