import { Badge, Table, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { Pager } from '../components/Pager';
import { useWebhookDeliveries } from '../data/webhooks/webhooks';
import { SettingsTable } from './SettingsTable';

const STATUS_COLOR = { pending: 'yellow', succeeded: 'green', failed: 'red' } as const;

/** What was sent to one endpoint: status, attempts, the receiver's answer, the next retry. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const url = useUrlState();
  const log = useWebhookDeliveries(endpointId, url.cursor);
  return (
    <SettingsTable
      query={log}
      items={(page) => page.items}
      headings={['Event', 'Status', 'Attempts', 'Response', 'Last error', 'Next attempt', 'Created']}
      rowKey={(d) => d.id}
      label="Deliveries"
      empty={<EmptyHint icon={<IconSend size={28} />} title="Nothing sent yet" description="Deliveries appear here when a subscribed event happens." />}
      footer={(page) => (
        <Pager
          shown={page.items.length}
          hasPrevious={url.hasPrevious}
          nextCursor={page.nextCursor}
          onPrevious={url.previous}
          onNext={url.next}
          onFirst={url.first}
          noun="deliveries"
        />
      )}
    >
      {(d) => (
        <>
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
        </>
      )}
    </SettingsTable>
  );
}
