import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Deal } from '../../../api/deals';
import { api } from '../../app/api';
import { FormCard } from '../../components/FormCard';
import { PageHeader } from '../../components/PageHeader';
import { applySaveError } from '../../components/save-errors';
import { useStaleRecovery } from '../../components/useStaleRecovery';
import { RecordLoader } from '../shared/RecordLoader';
import { refreshEntity, useRecord } from '../shared/resources';
import { DealFields } from './DealFields';
import { DEAL_FIELDS, DEAL_LABELS, type DealValues, dealPatch, dealValues, describeDeal, validateDeal } from './deal-form';

const valuesOf = (d: Deal) => dealValues(d, { ownerId: d.ownerId, currency: d.currency });

function DealEditor({ deal }: { deal: Deal }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(deal);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<DealValues>({ initialValues: valuesOf(deal), validateInputOnChange: true, validate: validateDeal });
  const stale = useStaleRecovery({
    noun: 'deal',
    form,
    base,
    setBase,
    fetchLatest: () => api.get<Deal>(`/api/v1/deals/${deal.id}`),
    valuesOf,
    labels: DEAL_LABELS,
    describe: describeDeal,
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await api.patch<Deal>(`/api/v1/deals/${deal.id}`, { version: base.version, ...dealPatch(values, valuesOf(base)) });
      await refreshEntity(queryClient, 'deals');
      notifications.show({ color: 'furrow', message: 'Deal saved' });
      navigate(`/deals/${deal.id}`);
    } catch (error) {
      if (applySaveError(error, form, DEAL_FIELDS, setProblem) === 'stale') await stale.start();
    }
  });

  return (
    <>
      <PageHeader title={`Edit ${base.name}`} description="Move the stage from the deal page or the board, where the exit criteria are checked." />
      <FormCard
        label="Edit deal"
        onSubmit={submit}
        problem={problem}
        submitLabel="Save"
        submitting={form.submitting}
        onCancel={() => navigate(`/deals/${deal.id}`)}
      >
        <DealFields form={form} accountLabel={base.accountName} contactLabel={base.contactName} />
      </FormCard>
      {stale.dialog}
    </>
  );
}

export function DealEditPage() {
  const { id } = useParams();
  const query = useRecord<Deal>('deals', id);
  return (
    <RecordLoader query={query} noun="deal">
      {(deal) => <DealEditor deal={deal} />}
    </RecordLoader>
  );
}
