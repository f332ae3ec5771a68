import { useForm } from '@mantine/form';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { useAccount } from '../../data/accounts/accounts';
import { useContact } from '../../data/contacts/contacts';
import { createDeal, refreshDeals } from '../../data/deals/deals';
import { useWrite } from '../../data/write';
import { contactName } from '../pickers/ContactSelect';
import { DealFields } from './DealFields';
import { DEAL_FIELDS, type DealValues, dealBody, dealValues, validateDeal } from './deal-form';

export function DealNewPage() {
  const { user, workspace } = useSession();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  const contactId = params.get('contactId');
  const account = useAccount(accountId);
  const contact = useContact(contactId);
  const navigate = useNavigate();
  const form = useForm<DealValues>({
    initialValues: dealValues(null, { ownerId: user.id, currency: workspace.currency, accountId, contactId }),
    validateInputOnChange: true,
    validate: validateDeal,
  });
  const write = useWrite({
    request: createDeal,
    refresh: refreshDeals,
    success: (created) => `Deal “${created.name}” created in ${created.stageName}`,
    onSuccess: (created) => navigate(`/deals/${created.id}`),
    form: { form, fields: DEAL_FIELDS },
  });
  const submit = form.onSubmit((values) => write.save(dealBody(values)));

  return (
    <>
      <PageHeader title="New deal" description="A deal starts in the first stage of your sales process; move it on from its page or the board." />
      <FormCard label="New deal" onSubmit={submit} problem={write.problem} submitLabel="Create deal" submitting={form.submitting} onCancel={() => navigate(-1)}>
        <DealFields form={form} accountLabel={account.data?.name} contactLabel={contact.data ? contactName(contact.data) : null} />
      </FormCard>
    </>
  );
}
