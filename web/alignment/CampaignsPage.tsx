// Campaigns with their follow-up plan and how many leads carry them; marketing and admins add and
// edit them (CampaignForm.tsx), everyone reads.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Campaign } from '../../api/campaigns';
import { formatCalendarDate, formatMoney, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useCampaigns } from '../data/campaigns/campaigns';
import { useTeams } from '../data/people/people';
import { CampaignForm } from './CampaignForm';

export function CampaignsPage() {
  const { user, workspace } = useSession();
  const list = useCampaigns();
  const teams = useTeams();
  const teamName = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const writes = user.role === 'marketing' || user.role === 'admin';
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  return (
    <Stack>
      <PageHeader
        title="Campaigns"
        description="Every lead marketing delivers carries its campaign, and the campaign says what sales does next."
        actions={writes && <Button onClick={() => setEditing('new')}>New campaign</Button>}
      />
      {editing && (
        <CampaignForm campaign={editing === 'new' ? null : editing} currency={workspace.currency} today={todayLocal()} onClose={() => setEditing(null)} />
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table striped aria-label="Campaigns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Budget</Table.Th>
              <Table.Th>Follow-up plan</Table.Th>
              <Table.Th ta="right">Leads</Table.Th>
              {writes && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.channel.replace('_', ' ')}</Table.Td>
                <Table.Td>
                  {formatCalendarDate(c.startsOn)}
                  {c.endsOn ? ` – ${formatCalendarDate(c.endsOn)}` : ''}
                </Table.Td>
                <Table.Td>{c.budget === null ? '—' : formatMoney(c.budget, c.currency)}</Table.Td>
                <Table.Td>
                  {c.followUp.touches.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      None yet
                    </Text>
                  ) : (
                    <Text size="sm">{c.followUp.touches.map((t) => `day ${t.day}: ${t.type}${t.note ? ` (${t.note})` : ''}`).join(' → ')}</Text>
                  )}
                  {c.followUp.ownerTeamId && (
                    <Text size="xs" c="dimmed">
                      Followed up by {teamName.get(c.followUp.ownerTeamId) ?? 'a team'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{c.leads}</Table.Td>
                {writes && (
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                        Edit
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
