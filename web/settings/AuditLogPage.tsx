import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../api/audit';
import type { User } from '../../api/identity';
import { api, withQuery } from '../app/api';
import { formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { AUDIT_ACTION_LABELS } from './audit-labels';

/** A local calendar day → the instant it starts, so the range follows the admin's own days. */
const dayStart = (day: string | undefined, plusDays = 0): string | undefined => {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/** Who did what, when and from where: admins filter by person, action and days, and export the view. */
export function AuditLogPage() {
  const url = useUrlState();
  const filters = {
    actorId: url.get('actor'),
    action: url.get('action'),
    from: dayStart(url.get('from')),
    to: dayStart(url.get('to'), 1),
  };
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: User[] }>('/api/v1/users').then((r) => r.items) });
  const log = useQuery({
    queryKey: ['audit-log', filters, url.cursor],
    queryFn: () => api.get<AuditPage>(withQuery('/api/v1/audit-log', { ...filters, cursor: url.cursor, limit: 50 })),
  });
  const csvHref = withQuery('/api/v1/audit-log.csv', filters);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Sign-ins, refused access and every change to people, teams, process, targets, tokens, webhooks and exports.${
          log.data ? ` Entries are kept ${log.data.retentionDays} days.` : ''
        }`}
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Group align="flex-end" gap="sm" role="search" aria-label="Filter the audit log">
            <Select
              label="Who"
              placeholder="Anyone"
              clearable
              searchable
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={filters.actorId ?? null}
              onChange={(v) => url.set({ actor: v })}
              w={220}
            />
            <Select
              label="Action"
              placeholder="Any action"
              clearable
              data={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
              value={filters.action ?? null}
              onChange={(v) => url.set({ action: v })}
              w={240}
            />
            <TextInput type="date" label="From" value={url.get('from') ?? ''} onChange={(e) => url.set({ from: e.currentTarget.value })} w={170} />
            <TextInput type="date" label="To" value={url.get('to') ?? ''} onChange={(e) => url.set({ to: e.currentTarget.value })} w={170} />
            <Button component="a" href={csvHref} variant="default" leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
          </Group>
        </Paper>
        <Paper withBorder radius="md" p="md">
          {log.isPending ? (
            <LoadingState />
          ) : log.isError ? (
            <ErrorState error={log.error} onRetry={() => log.refetch()} />
          ) : log.data.items.length === 0 ? (
            <EmptyHint
              icon={<IconShieldCheck size={28} />}
              title="Nothing recorded"
              description="No entry matches these filters; widen the dates or clear a filter."
            />
          ) : (
            <>
              <Table verticalSpacing="xs" aria-label="Audit entries">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Who</Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                    <Table.Th scope="col">What</Table.Th>
                    <Table.Th scope="col">Address</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(e.at)}</Table.Td>
                      <Table.Td>
                        {e.actor?.name ?? (
                          <Text span c="dimmed">
                            Not signed in
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={e.action === 'access.denied' || e.action === 'auth.sign_in_failed' ? 'red' : 'gray'}>
                          {AUDIT_ACTION_LABELS[e.action] ?? e.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{e.summary}</Table.Td>
                      <Table.Td>
                        <Text ff="monospace" size="sm">
                          {e.ip ?? '—'}
                        </Text>
                      </Table.Td>
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
                noun="entries"
              />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}
