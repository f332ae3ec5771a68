// The lead agreement: the version in force, the one awaiting approval, and the history. Sales
// owners (admin, managers) and marketing propose and approve; a draft's terms are edited in
// AgreementTermsForm.tsx, checked by the server field by field.
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgreementTerms, LeadAgreement, VersionBody } from '../../api/lead-agreements';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { createAgreement, refreshAgreements, stepAgreement, useAgreements } from '../data/lead-agreements/lead-agreements';
import { AgreementTermsForm } from './AgreementTermsForm';

const STATUS_COLOR: Record<LeadAgreement['status'], string> = { draft: 'gray', proposed: 'orange', in_force: 'teal', superseded: 'gray' };
const STATUS_TEXT: Record<LeadAgreement['status'], string> = { draft: 'Draft', proposed: 'Awaiting approval', in_force: 'In force', superseded: 'Superseded' };

/** A first draft to edit from: a demo request qualifies, the SLA is a common starting point. */
const STARTER: AgreementTerms = {
  fit: [],
  behaviours: [{ id: 'demo_request', label: 'Asked for a demo', event: 'demo_request', points: 50 }],
  mqlThreshold: 50,
  salDefinition: 'Sales agrees the lead is worth working: the right company and a reachable person.',
  sqlDefinition: 'A need confirmed and a next meeting booked.',
  rejectionReasons: ['Not a fit', 'No budget', 'Duplicate', 'Unreachable'],
  sla: { acceptWithinHours: 4, firstTouchWithinHours: 8, attempts: 3, attemptsWithinDays: 10 },
  commitments: [],
};

function Terms({ terms }: { terms: AgreementTerms }) {
  return (
    <Stack gap={4}>
      <Text size="sm">
        <b>MQL at {terms.mqlThreshold} points.</b> Fit: {terms.fit.map((f) => `${f.label} (${f.points > 0 ? '+' : ''}${f.points})`).join(', ') || '—'}.
        Behaviour: {terms.behaviours.map((b) => `${b.label} (${b.points > 0 ? '+' : ''}${b.points})`).join(', ') || '—'}.
      </Text>
      <Text size="sm">
        <b>SLA:</b> accept or reject within {terms.sla.acceptWithinHours} business hours, first touch within {terms.sla.firstTouchWithinHours},{' '}
        {terms.sla.attempts} attempts within {terms.sla.attemptsWithinDays} days. <b>SAL:</b> {terms.salDefinition} <b>SQL:</b> {terms.sqlDefinition}
      </Text>
      <Text size="sm">
        <b>Rejection reasons:</b> {terms.rejectionReasons.join('; ')}. <b>Marketing commits:</b>{' '}
        {terms.commitments.map((c) => `${c.mqlsPerMonth} MQLs/month (${c.segment})`).join(', ') || '—'}.
      </Text>
    </Stack>
  );
}

function Version({ a }: { a: LeadAgreement }) {
  const { user } = useSession();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: ({ path, body }: { path: 'propose' | 'withdraw' | 'approve'; body: VersionBody }) => stepAgreement(a.id, path, body),
    onSuccess: () => refreshAgreements(client),
  });
  const mySide = user.role === 'marketing' ? 'marketing' : user.role === 'rep' ? null : 'sales';
  const myApproval = mySide === 'marketing' ? a.marketingApproval : a.salesApproval;
  const v = { version: a.version };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4">
              Version {a.number}
            </Title>
            <Badge color={STATUS_COLOR[a.status]} variant="light">
              {STATUS_TEXT[a.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Sales: {a.salesApproval ? `approved by ${a.salesApproval.name}` : 'not yet'} · Marketing:{' '}
            {a.marketingApproval ? `approved by ${a.marketingApproval.name}` : 'not yet'}
            {a.inForceAt ? ` · in force ${formatInstant(a.inForceAt)}` : ''}
            {a.supersededAt ? ` until ${formatInstant(a.supersededAt)}` : ''}
          </Text>
        </Group>
        {act.isError && (
          <Alert color="red" role="alert">
            {errorMessage(act.error)}
          </Alert>
        )}
        <Terms terms={a.terms} />
        {mySide && a.status === 'draft' && (
          <>
            <AgreementTermsForm agreement={a} />
            <Group>
              <Button onClick={() => act.mutate({ path: 'propose', body: v })}>Propose</Button>
            </Group>
          </>
        )}
        {mySide && a.status === 'proposed' && (
          <Group>
            {!myApproval && <Button onClick={() => act.mutate({ path: 'approve', body: v })}>Approve for {mySide}</Button>}
            <Button variant="default" onClick={() => act.mutate({ path: 'withdraw', body: v })}>
              Back to draft
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function AgreementPage() {
  const { user } = useSession();
  const client = useQueryClient();
  const list = useAgreements();
  const draft = useMutation({
    mutationFn: (terms: AgreementTerms) => createAgreement({ terms }),
    onSuccess: () => refreshAgreements(client),
  });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const latest = list.data.items[0];
  return (
    <Stack>
      <PageHeader
        title="Lead agreement"
        description="What a qualified lead is and what sales does with it. A version is in force only when sales and marketing have both approved it."
        actions={
          user.role !== 'rep' &&
          latest && (
            <Button variant="default" onClick={() => draft.mutate(latest.terms)}>
              New draft from version {latest.number}
            </Button>
          )
        }
      />
      {draft.isError && <Alert color="red">{errorMessage(draft.error)}</Alert>}
      {list.data.items.length === 0 && (
        <Group>
          <Text c="dimmed">No agreement yet.</Text>
          {user.role !== 'rep' && (
            <Button variant="default" onClick={() => draft.mutate(STARTER)}>
              Draft the first agreement
            </Button>
          )}
        </Group>
      )}
      {list.data.items.map((a) => (
        <Version key={`${a.id}-${a.version}`} a={a} />
      ))}
    </Stack>
  );
}
