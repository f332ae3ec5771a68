import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Account } from '../../../api/accounts';
import type { Contact } from '../../../api/contacts';
import type { Deal } from '../../../api/deals';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { applySaveError } from '../../components/save-errors';
import { contactName } from '../pickers/ContactSelect';
import { refreshEntity, useRecord } from '../shared/resources';
import { DealFields } from './DealFields';
import { DEAL_FIELDS, type DealValues, dealBody, dealValues, validateDeal } from './deal-form';

export function DealNewPage() {
  const { user, workspace } = useSession();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  const contactId = params.get('contactId');
  const account = useRecord<Account>('accounts', accountId ?? undefined);
  const contact = useRecord<Contact>('contacts', contactId ?? undefined);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<DealValues>({
    initialValues: dealValues(null, { ownerId: user.id, currency: workspace.currency, accountId, contactId }),
    validateInputOnChange: true,
    validate: validateDeal,
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const created = await api.post<Deal>('/api/v1/deals', dealBody(values));
      await refreshEntity(queryClient, 'deals', 'accounts');
      notifications.show({ color: 'furrow', message: `Deal “${created.name}” created in ${created.stageName}` });
      navigate(`/deals/${created.id}`);
    } catch (error) {
      applySaveError(error, form, DEAL_FIELDS, setProblem);
    }
  });

  return (
    <>
      <PageHeader title="New deal" description="A deal starts in the first stage of your sales process; move it on from its page or the board." />
      <FormCard label="New deal" onSubmit={submit} problem={problem} submitLabel="Create deal" submitting={form.submitting} onCancel={() => navigate(-1)}>
        <DealFields form={form} accountLabel={account.data?.name} contactLabel={contact.data ? contactName(contact.data) : null} />
      </FormCard>
    </>
  );
}
