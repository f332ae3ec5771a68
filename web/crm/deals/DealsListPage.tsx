import { Badge, Button, CloseButton, Group, SegmentedControl, Select, Text, VisuallyHidden } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAlertTriangle, IconBriefcase, IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Deal } from '../../../api/deals';
import { daysSince, formatCalendarDate, formatDay, formatMoney, todayLocal } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import type { Column } from '../../components/columns';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { usePipelines } from '../../data/pipelines/pipelines';
import { useRecord } from '../../data/records';
import { contactName } from '../pickers/ContactSelect';
import { CsvButtons } from '../shared/CsvButtons';
import { ListView } from '../shared/ListView';
import { OwnerFilter } from '../shared/OwnerFilter';
import { DealStatusBadge } from './DealStatusBadge';

const DEFAULT_SORT = 'closeDate';

/** A rep sees only their own deals: the owner column starts hidden for them. */
function dealColumns(today: string, ownOnly: boolean): Column<Deal>[] {
  return [
    { key: 'name', label: 'Deal', sortKey: 'name', fixed: true, maxWidth: 260, render: (d) => <TextLink to={`/deals/${d.id}`}>{d.name}</TextLink> },
    {
      key: 'account',
      label: 'Account',
      maxWidth: 200,
      render: (d) => (d.accountId ? <TextLink to={`/accounts/${d.accountId}`}>{d.accountName}</TextLink> : '—'),
    },
    { key: 'stage', label: 'Stage', render: (d) => (d.status === 'open' ? d.stageName : <DealStatusBadge status={d.status} />) },
    {
      key: 'amount',
      label: 'Amount',
      sortKey: 'amount',
      align: 'right',
      render: (d) => (
        <Text span size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {formatMoney(d.amount, d.currency)}
        </Text>
      ),
    },
    {
      key: 'closeDate',
      label: 'Close date',
      sortKey: 'closeDate',
      render: (d) =>
        d.status === 'open' && d.closeDate < today ? (
          <Group gap={4} wrap="nowrap" c="red.9">
            <IconAlertTriangle size={14} aria-hidden />
            <Text span size="sm" fw={600}>
              {formatCalendarDate(d.closeDate)}
            </Text>
            <VisuallyHidden>(passed)</VisuallyHidden>
          </Group>
        ) : (
          formatCalendarDate(d.closeDate)
        ),
    },
    { key: 'owner', label: 'Owner', defaultHidden: ownOnly, render: (d) => d.ownerName },
    {
      key: 'inStage',
      label: 'In stage',
      sortKey: 'stageEnteredAt',
      align: 'right',
      render: (d) => (d.status === 'open' ? `${daysSince(d.stageEnteredAt)} d` : '—'),
    },
    {
      key: 'contact',
      label: 'Contact',
      defaultHidden: true,
      render: (d) => (d.contactId ? <TextLink to={`/contacts/${d.contactId}`}>{d.contactName}</TextLink> : '—'),
    },
    { key: 'nextStep', label: 'Next step', defaultHidden: true, render: (d) => d.nextStep ?? '—' },
    { key: 'source', label: 'Source', defaultHidden: true, render: (d) => d.source ?? '—' },
    { key: 'createdAt', label: 'Created', sortKey: 'createdAt', defaultHidden: true, render: (d) => (d.createdUnknown ? 'unknown' : formatDay(d.createdAt)) },
    { key: 'updatedAt', label: 'Updated', sortKey: 'updatedAt', defaultHidden: true, render: (d) => formatDay(d.updatedAt) },
  ];
}

function LinkedFilter({ label, onClear }: { label: string; onClear(): void }) {
  return (
    <Badge variant="light" color="gray" size="lg" rightSection={<CloseButton size="xs" aria-label={`Remove filter ${label}`} onClick={onClear} />}>
      {label}
    </Badge>
  );
}

export function DealsListPage() {
  const { user } = useSession();
  const url = useUrlState();
  const today = todayLocal();
  const columns = useMemo(() => dealColumns(today, user.role === 'rep'), [today, user.role]);
  const pipelines = usePipelines();
  const status = url.get('status') ?? 'open';
  const ownerId = url.get('ownerId');
  const stageId = url.get('stageId');
  const accountId = url.get('accountId');
  const contactId = url.get('contactId');
  const closeFrom = url.get('closeFrom');
  const closeTo = url.get('closeTo');
  const account = useRecord('accounts', accountId);
  const contact = useRecord('contacts', contactId);
  const stages = (pipelines.data ?? []).flatMap((p) =>
    p.stages.filter((s) => s.kind === 'open').map((s) => ({ value: s.id, label: (pipelines.data?.length ?? 0) > 1 ? `${p.name}: ${s.name}` : s.name })),
  );
  const mayCreate = can(user.role, 'deals', 'create');
  const filters = { status: status === 'all' ? undefined : status, ownerId, stageId, accountId, contactId, closeFrom, closeTo };
  const narrowed = status !== 'open' || [ownerId, stageId, accountId, contactId, closeFrom, closeTo].some(Boolean);
  const newButton = mayCreate ? (
    <Button component={Link} to={accountId ? `/deals/new?accountId=${accountId}` : '/deals/new'} leftSection={<IconPlus size={16} />}>
      New deal
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Deals"
        description="Every deal you can see. Sort by close date to see what lands soon."
        actions={
          <>
            <Button component={Link} to="/board" variant="default" leftSection={<IconLayoutKanban size={16} />}>
              Board
            </Button>
            <CsvButtons
              entity="deals"
              query={{ ...filters, q: url.get('q'), sort: url.get('sort') ?? DEFAULT_SORT }}
              narrowed={narrowed || Boolean(url.get('q'))}
            />
            {newButton}
          </>
        }
      />
      <ListView
        entity="deals"
        url={url}
        columns={columns}
        defaultSort={DEFAULT_SORT}
        filters={filters}
        filterControls={
          <>
            <SegmentedControl
              aria-label="Status"
              value={status}
              onChange={(v) => url.set({ status: v === 'open' ? null : v })}
              data={[
                { value: 'open', label: 'Open' },
                { value: 'won', label: 'Won' },
                { value: 'lost', label: 'Lost' },
                { value: 'all', label: 'All' },
              ]}
            />
            <OwnerFilter value={ownerId} onChange={(v) => url.set({ ownerId: v })} />
            <Select
              aria-label="Stage"
              placeholder="Any stage"
              data={stages}
              value={stageId ?? null}
              onChange={(v) => url.set({ stageId: v })}
              clearable
              w={170}
            />
            <DatePickerInput
              type="range"
              aria-label="Close date between"
              placeholder="Close date between"
              valueFormat="D MMM YYYY"
              value={[closeFrom ?? null, closeTo ?? null]}
              onChange={([from, to]) => {
                if ((from && to) || (!from && !to)) url.set({ closeFrom: from, closeTo: to });
              }}
              clearable
              w={240}
            />
            {accountId && <LinkedFilter label={`Account: ${account.data?.name ?? '…'}`} onClear={() => url.set({ accountId: null })} />}
            {contactId && <LinkedFilter label={`Contact: ${contact.data ? contactName(contact.data) : '…'}`} onClear={() => url.set({ contactId: null })} />}
          </>
        }
        narrowed={narrowed}
        searchLabel="Search deals by name"
        noun="deals"
        rowKey={(d) => d.id}
        empty={{
          icon: <IconBriefcase size={28} />,
          title: 'No open deals',
          description: mayCreate
            ? 'Create a deal for every real opportunity: it starts in the first stage of your process.'
            : 'Deals of your team appear here.',
          action: newButton,
        }}
      />
    </>
  );
}
