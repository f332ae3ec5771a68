// The lead queue: a rep's own open leads with their SLA timers first; marketing, managers and
// admins see every lead in reach. Filters live in the URL.
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { LeadListQuery } from '../../api/leads';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useLeads } from '../data/leads/leads';
import { leadName, SLA_COLOR, STATUS_LABEL, slaText } from './sla';

export function LeadsPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') ?? (user.role === 'rep' ? 'mine' : 'all');
  const query: LeadListQuery =
    view === 'mine' ? { queue: 'mine', sort: 'routedAt', limit: 200 } : view === 'open' ? { queue: 'open', limit: 200 } : { limit: 200 };
  const leads = useLeads(view, query);
  return (
    <Stack>
      <PageHeader title="Leads" description="Work each lead within the agreed SLA: accept or reject it, touch it, qualify it, convert it." />
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setParams({ view: v })}
        data={[
          ...(user.role !== 'marketing' ? [{ label: 'My queue', value: 'mine' }] : []),
          { label: 'Awaiting acceptance', value: 'open' },
          { label: 'All', value: 'all' },
        ]}
        aria-label="Which leads"
      />
      {leads.isPending ? (
        <LoadingState />
      ) : leads.isError ? (
        <ErrorState error={leads.error} onRetry={() => leads.refetch()} />
      ) : leads.data.items.length === 0 ? (
        <EmptyHint title="No leads here" description="New MQLs arrive here as marketing delivers them, routed by the lead settings." />
      ) : (
        <Table striped highlightOnHover aria-label="Leads">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lead</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Score</Table.Th>
              <Table.Th>Accept / reject</Table.Th>
              <Table.Th>First touch</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Source · campaign</Table.Th>
              <Table.Th>Received</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leads.data.items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/leads/${l.id}`}>
                    {leadName(l)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {l.company ?? l.email ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{STATUS_LABEL[l.status]}</Badge>
                </Table.Td>
                <Table.Td>{l.score}</Table.Td>
                <Table.Td>
                  <Badge
                    color={SLA_COLOR[l.sla.accept.state]}
                    variant="light"
                    title={l.sla.accept.dueAt ? `Due ${formatInstant(l.sla.accept.dueAt)}` : undefined}
                  >
                    {slaText(l.sla.accept)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge color={SLA_COLOR[l.sla.firstTouch.state]} variant="light">
                    {slaText(l.sla.firstTouch)}
                  </Badge>
                </Table.Td>
                <Table.Td>{l.ownerName ?? <Text c="dimmed">Unclaimed</Text>}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{l.source}</Text>
                    {l.campaignName && (
                      <Text size="sm" c="dimmed">
                        · {l.campaignName}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatInstant(l.receivedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
