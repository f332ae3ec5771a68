// Campaigns with their follow-up plan and how many leads carry them; marketing and admins add them.
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Campaign } from '../../api/campaigns';
import { api } from '../app/api';
import { formatCalendarDate, formatMoney, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';

const CHANNELS = ['email', 'paid_search', 'social', 'webinar', 'event', 'content', 'referral', 'other'] as const;

function NewCampaign() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<string | null>('webinar');
  const [startsOn, setStartsOn] = useState(todayLocal());
  const create = useMutation({
    mutationFn: () => api.post<Campaign>('/api/v1/campaigns', { name, channel, startsOn }),
    onSuccess: () => {
      setName('');
      return client.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Group align="end">
          <TextInput label="Campaign name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Select label="Channel" data={[...CHANNELS]} value={channel} onChange={setChannel} />
          <TextInput label="Starts on" type="date" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
          <Button type="submit">Add campaign</Button>
        </Group>
        {create.isError && (
          <Alert color="red" mt="sm" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
      </form>
    </Paper>
  );
}

export function CampaignsPage() {
  const { user } = useSession();
  const list = useQuery({ queryKey: ['campaigns'], queryFn: () => api.get<{ items: Campaign[] }>('/api/v1/campaigns') });
  return (
    <Stack>
      <PageHeader title="Campaigns" description="Every lead marketing delivers carries its campaign, and the campaign says what sales does next." />
      {(user.role === 'marketing' || user.role === 'admin') && <NewCampaign />}
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
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((c) => (
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
                </Table.Td>
                <Table.Td ta="right">{c.leads}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
