import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Deal } from '../../../api/deals';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { fetchDeal, refreshDeals, updateDeal, useDeal } from '../../data/deals/deals';
import { useWrite } from '../../data/write';
import { RecordLoader } from '../shared/RecordLoader';
import { DealFields } from './DealFields';
import { DEAL_FIELDS, DEAL_LABELS, type DealValues, dealPatch, dealValues, describeDeal, validateDeal } from './deal-form';

const valuesOf = (d: Deal) => dealValues(d, { ownerId: d.ownerId, currency: d.currency });

function DealEditor({ deal }: { deal: Deal }) {
  const navigate = useNavigate();
  const [base, setBase] = useState(deal);
  const form = useForm<DealValues>({ initialValues: valuesOf(deal), validateInputOnChange: true, validate: validateDeal });
  const write = useWrite({
    request: (values: DealValues) => updateDeal(deal.id, { version: base.version, ...dealPatch(values, valuesOf(base)) }),
    refresh: refreshDeals,
    success: 'Deal saved',
    onSuccess: () => navigate(`/deals/${deal.id}`),
    form: { form, fields: DEAL_FIELDS },
    conflict: { noun: 'deal', base, setBase, fetchLatest: () => fetchDeal(deal.id), valuesOf, labels: DEAL_LABELS, describe: describeDeal },
  });
  const submit = form.onSubmit(write.save);

  return (
    <>
      <PageHeader title={`Edit ${base.name}`} description="Move the stage from the deal page or the board, where the exit criteria are checked." />
      <FormCard
        label="Edit deal"
        onSubmit={submit}
        problem={write.problem}
        submitLabel="Save"
        submitting={form.submitting}
        onCancel={() => navigate(`/deals/${deal.id}`)}
      >
        <DealFields form={form} accountLabel={base.accountName} contactLabel={base.contactName} />
      </FormCard>
      {write.dialog}
    </>
  );
}

export function DealEditPage() {
  const { id } = useParams();
  const query = useDeal(id);
  return (
    <RecordLoader query={query} noun="deal">
      {(deal) => <DealEditor deal={deal} />}
    </RecordLoader>
  );
}
