// One lead: who it is, why it scored what it scored (a line per point), its SLA clocks, the next
// steps the lifecycle allows, and its history.
import { Alert, Badge, Button, Grid, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Lead } from '../../api/leads';
import { formatInstant, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useAgreement } from '../data/lead-agreements/lead-agreements';
import { refreshLead, stepLead, useLead, useLeadHistory } from '../data/leads/leads';
import { LeadFollowUp } from './LeadFollowUp';
import { leadName, SLA_COLOR, STATUS_LABEL, slaText } from './sla';

function Actions({ lead }: { lead: Lead }) {
  const { user } = useSession();
  const client = useQueryClient();
  const [reason, setReason] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [closeDate, setCloseDate] = useState(todayLocal());
  const agreement = useAgreement(lead.agreementId);
  const act = useMutation({
    mutationFn: (step: Parameters<typeof stepLead>[1]) => stepLead(lead.id, step),
    onSuccess: () => refreshLead(client, lead.id),
  });
  if (user.role === 'marketing') return null;
  const v = { version: lead.version };
  const converted = act.data && 'dealId' in act.data ? act.data : null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Next step
        </Title>
        {act.isError && (
          <Alert color="red" role="alert">
            {errorMessage(act.error)}
          </Alert>
        )}
        {converted && (
          <Alert color="teal">
            Converted: <Link to={`/deals/${converted.dealId}`}>open the deal</Link>
          </Alert>
        )}
        {lead.status === 'mql' && lead.ownerId === null && <Button onClick={() => act.mutate({ path: 'claim' })}>Claim this lead</Button>}
        {lead.status === 'mql' && lead.ownerId !== null && (
          <Group align="end">
            <Button onClick={() => act.mutate({ path: 'accept', body: v })}>Accept (SAL)</Button>
            <Select
              label="Rejection reason"
              placeholder="From the agreement"
              data={agreement.data?.terms.rejectionReasons ?? []}
              value={reason}
              onChange={setReason}
            />
            <Button variant="default" disabled={!reason} onClick={() => act.mutate({ path: 'reject', body: { ...v, reason: reason ?? '' } })}>
              Reject
            </Button>
          </Group>
        )}
        {['mql', 'accepted', 'sql'].includes(lead.status) && lead.ownerId !== null && (
          <Group>
            <Button variant="default" onClick={() => act.mutate({ path: 'touches', body: { type: 'call' } })}>
              Log a call
            </Button>
            <Button variant="default" onClick={() => act.mutate({ path: 'touches', body: { type: 'email' } })}>
              Log an email
            </Button>
          </Group>
        )}
        {lead.status === 'accepted' && (
          <Group>
            <Button onClick={() => act.mutate({ path: 'qualify', body: v })}>Qualify (SQL)</Button>
            <Button variant="default" onClick={() => act.mutate({ path: 'recycle', body: v })}>
              Recycle
            </Button>
          </Group>
        )}
        {lead.status === 'sql' && (
          <Group align="end">
            <NumberInput label="Deal amount (minor units)" value={amount} onChange={setAmount} min={0} />
            <TextInput label="Close date" type="date" value={closeDate} onChange={(e) => setCloseDate(e.currentTarget.value)} />
            <Button disabled={amount === ''} onClick={() => act.mutate({ path: 'convert', body: { ...v, amount: Number(amount), closeDate } })}>
              Convert to deal
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Facts({ lead }: { lead: Lead }) {
  const rows: [string, ReactNode][] = [
    ['Email', lead.email],
    ['Company', lead.company],
    ['Domain', lead.domain],
    // A colleague's lead: flagged so both are worked knowing of each other, never merged.
    ['Same company as', lead.sameCompanyLeadId && <Link to={`/leads/${lead.sameCompanyLeadId}`}>another lead at {lead.domain}</Link>],
    ['Title', lead.title],
    ['Industry', lead.industry],
    ['Company size', lead.companySize],
    ['Country', lead.country],
    ['Segment', lead.segment],
    ['Source', lead.source],
    ['Campaign', lead.campaignName],
    ['Agreement version', lead.agreementNumber],
    ['Owner', lead.ownerName ?? 'Unclaimed'],
    ['Rejection reason', lead.rejectionReason],
  ];
  return (
    <Table aria-label="Lead details">
      <Table.Tbody>
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== false)
          .map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

export function LeadPage() {
  const { id = '' } = useParams();
  const lead = useLead(id);
  const history = useLeadHistory(id);
  if (lead.isPending) return <LoadingState />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => lead.refetch()} />;
  const l = lead.data;
  return (
    <Stack>
      <PageHeader
        eyebrow={<Badge variant="light">{STATUS_LABEL[l.status]}</Badge>}
        title={leadName(l)}
        description={[l.company, l.title].filter(Boolean).join(' · ')}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Actions lead={l} />
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                Score {l.score}
              </Title>
              {l.scoreExplanation.length === 0 ? (
                <Text c="dimmed">No rule of the agreement matched.</Text>
              ) : (
                <Table aria-label="Score explanation">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Rule</Table.Th>
                      <Table.Th>Because</Table.Th>
                      <Table.Th ta="right">Points</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {l.scoreExplanation.map((p) => (
                      <Table.Tr key={p.ruleId}>
                        <Table.Td>{p.label}</Table.Td>
                        <Table.Td>{p.because}</Table.Td>
                        <Table.Td ta="right">{p.points > 0 ? `+${p.points}` : p.points}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                History
              </Title>
              {(history.data?.items ?? []).map((h) => (
                <Text key={h.id} size="sm">
                  {formatInstant(h.at)} —{' '}
                  {h.reason === 'sla-breach' && h.fromStatus === h.toStatus ? (
                    // A reassignment on breach (decision 0103) keeps the status: say what happened instead.
                    'Reassigned to the next rep: the SLA was missed'
                  ) : (
                    <>
                      {h.fromStatus ? `${STATUS_LABEL[h.fromStatus]} → ` : ''}
                      {STATUS_LABEL[h.toStatus]}
                      {h.reason ? ` (${h.reason})` : ''}
                    </>
                  )}
                  {h.actorName ? ` by ${h.actorName}` : ''}
                </Text>
              ))}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                SLA
              </Title>
              <Group>
                <Text size="sm">Accept or reject:</Text>
                <Badge color={SLA_COLOR[l.sla.accept.state]} variant="light">
                  {slaText(l.sla.accept)}
                </Badge>
              </Group>
              <Group mt={4}>
                <Text size="sm">First touch:</Text>
                <Badge color={SLA_COLOR[l.sla.firstTouch.state]} variant="light">
                  {slaText(l.sla.firstTouch)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {l.touches} touch{l.touches === 1 ? '' : 'es'} so far; business hours of the workspace.
              </Text>
            </Paper>
            <LeadFollowUp lead={l} />
            <Paper withBorder p="md">
              <Facts lead={l} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
