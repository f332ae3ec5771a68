import { Badge, Table, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { WebhookDeliveryPage } from '../../api/webhooks';
import { api, withQuery } from '../app/api';
import { formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Pager } from '../components/Pager';

const STATUS_COLOR = { pending: 'yellow', succeeded: 'green', failed: 'red' } as const;

/** What was sent to one endpoint: status, attempts, the receiver's answer, the next retry. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const url = useUrlState();
  const log = useQuery({
    queryKey: ['webhook-deliveries', endpointId, url.cursor],
    queryFn: () => api.get<WebhookDeliveryPage>(withQuery(`/api/v1/webhook-endpoints/${endpointId}/deliveries`, { cursor: url.cursor, limit: 50 })),
    // Pending deliveries change on their own as the job runner retries them.
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 5000 : false),
  });
  if (log.isPending) return <LoadingState />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => log.refetch()} />;
  if (log.data.items.length === 0) {
    return <EmptyHint icon={<IconSend size={28} />} title="Nothing sent yet" description="Deliveries appear here when a subscribed event happens." />;
  }
  return (
    <>
      <Table verticalSpacing="xs" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Event</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">Response</Table.Th>
            <Table.Th scope="col">Last error</Table.Th>
            <Table.Th scope="col">Next attempt</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {d.eventType}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[d.status]}>
                  {d.status}
                </Badge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>{d.responseCode ?? '—'}</Table.Td>
              <Table.Td>{d.lastError ?? '—'}</Table.Td>
              <Table.Td>{d.nextAttemptAt ? formatInstant(d.nextAttemptAt) : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(d.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager
        shown={log.data.items.length}
        hasPrevious={url.hasPrevious}
        nextCursor={log.data.nextCursor}
        onPrevious={url.previous}
        onNext={url.next}
        onFirst={url.first}
        noun="deliveries"
      />
    </>
  );
}
