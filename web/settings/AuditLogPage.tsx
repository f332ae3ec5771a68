import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { AUDIT_ACTIONS } from '../../api/audit';
import { formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { type AuditFilters, auditCsvHref, useAuditLog } from '../data/audit/audit';
import { useUsers } from '../data/people/people';
import { AUDIT_ACTION_LABELS } from './audit-labels';
import { SettingsTable } from './SettingsTable';

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
  const action = url.get('action');
  const filters: AuditFilters = {
    actorId: url.get('actor'),
    action: AUDIT_ACTIONS.find((a) => a === action),
    from: dayStart(url.get('from')),
    to: dayStart(url.get('to'), 1),
  };
  const users = useUsers();
  const log = useAuditLog(filters, url.cursor);

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
            <Button component="a" href={auditCsvHref(filters)} variant="default" leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
          </Group>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <SettingsTable
            query={log}
            items={(page) => page.items}
            headings={['When', 'Who', 'Action', 'What', 'Address']}
            rowKey={(e) => e.id}
            label="Audit entries"
            empty={
              <EmptyHint
                icon={<IconShieldCheck size={28} />}
                title="Nothing recorded"
                description="No entry matches these filters; widen the dates or clear a filter."
              />
            }
            footer={(page) => (
              <Pager
                shown={page.items.length}
                hasPrevious={url.hasPrevious}
                nextCursor={page.nextCursor}
                onPrevious={url.previous}
                onNext={url.next}
                onFirst={url.first}
                noun="entries"
              />
            )}
          >
            {(e) => (
              <>
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
              </>
            )}
          </SettingsTable>
        </Paper>
      </Stack>
    </>
  );
}
