import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Account } from '../../../api/accounts';
import type { Contact } from '../../../api/contacts';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { applySaveError } from '../../components/save-errors';
import { refreshEntity, useRecord } from '../shared/resources';
import { ContactFields } from './ContactFields';
import { CONTACT_FIELDS, type ContactValues, contactBody, contactValues, validateContact } from './contact-form';

export function ContactNewPage() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  const account = useRecord<Account>('accounts', accountId ?? undefined);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ContactValues>({
    initialValues: contactValues(null, { ownerId: user.id, accountId }),
    validateInputOnChange: true,
    validate: validateContact,
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const created = await api.post<Contact>('/api/v1/contacts', contactBody(values));
      await refreshEntity(queryClient, 'contacts', 'accounts');
      notifications.show({ color: 'furrow', message: `Contact “${created.firstName} ${created.lastName}” created` });
      navigate(`/contacts/${created.id}`);
    } catch (error) {
      applySaveError(error, form, CONTACT_FIELDS, setProblem);
    }
  });

  return (
    <>
      <PageHeader title="New contact" description="A person you talk to at an account." />
      <FormCard label="New contact" onSubmit={submit} problem={problem} submitLabel="Create contact" submitting={form.submitting} onCancel={() => navigate(-1)}>
        <ContactFields form={form} accountLabel={account.data?.name ?? null} />
      </FormCard>
    </>
  );
}
