import { useForm } from '@mantine/form';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { useAccount } from '../../data/accounts/accounts';
import { useContact } from '../../data/contacts/contacts';
import { createDeal, refreshDeals } from '../../data/deals/deals';
import { contactName } from '../pickers/ContactSelect';
import { NewRecordPage } from '../shared/NewRecordPage';
import { DealFields } from './DealFields';
import { DEAL_FIELDS, type DealValues, dealBody, dealValues, validateDeal } from './deal-form';

export function DealNewPage() {
  const { user, workspace } = useSession();
  const [params] = useSearchParams();
  const accountId = params.get('accountId');
  const contactId = params.get('contactId');
  const account = useAccount(accountId);
  const contact = useContact(contactId);
  const form = useForm<DealValues>({
    initialValues: dealValues(null, { ownerId: user.id, currency: workspace.currency, accountId, contactId }),
    validateInputOnChange: true,
    validate: validateDeal,
  });
  return (
    <NewRecordPage
      noun="deal"
      description="A deal starts in the first stage of your sales process; move it on from its page or the board."
      form={{ form, fields: DEAL_FIELDS }}
      body={dealBody}
      write={{ request: createDeal, refresh: refreshDeals, success: (created) => `Deal “${created.name}” created in ${created.stageName}` }}
    >
      <DealFields form={form} accountLabel={account.data?.name} contactLabel={contact.data ? contactName(contact.data) : null} />
    </NewRecordPage>
  );
}
