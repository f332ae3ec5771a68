import { Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconActivity, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Activity } from '../../../api/activities';
import { formatInstant } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import type { Column } from '../../components/columns';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { CsvButtons } from '../shared/CsvButtons';
import { ListView } from '../shared/ListView';
import { OwnerFilter } from '../shared/OwnerFilter';
import { ACTIVITY_LABEL, ACTIVITY_TYPES, ActivityIcon, type ActivityKind } from '../timeline/activity-icons';
import { ActivityModal } from './ActivityModal';
import { HIDDEN_DEAL } from './hidden-deal';

function activityColumns(onOpen: (a: Activity) => void, ownOnly: boolean): Column<Activity>[] {
  return [
    {
      key: 'type',
      label: 'Type',
      render: (a) => (
        <Group gap={6} wrap="nowrap">
          <ActivityIcon type={a.type} />
          {ACTIVITY_LABEL[a.type as ActivityKind] ?? a.type}
        </Group>
      ),
    },
    {
      key: 'subject',
      label: 'Subject',
      sortKey: 'subject',
      fixed: true,
      render: (a) => (
        <Anchor component="button" type="button" c="furrow.8" fw={500} size="sm" onClick={() => onOpen(a)} ta="left">
          {a.subject}
        </Anchor>
      ),
    },
    {
      key: 'about',
      label: 'About',
      render: (a) => {
        // A linked deal without a name is one the reader may not read (it was reassigned away).
        if (a.dealId && a.dealName === null)
          return (
            <Text size="sm" c="dimmed">
              {HIDDEN_DEAL}
            </Text>
          );
        const primary = a.dealId
          ? { to: `/deals/${a.dealId}`, name: a.dealName }
          : a.accountId
            ? { to: `/accounts/${a.accountId}`, name: a.accountName }
            : null;
        if (!primary && !a.contactId) return '—';
        return (
          <Stack gap={0}>
            {primary && (
              <TextLink to={primary.to} truncate="end" display="block">
                {primary.name}
              </TextLink>
            )}
            {a.contactId && (
              <TextLink to={`/contacts/${a.contactId}`} size="xs" truncate="end" display="block">
                {a.contactName}
              </TextLink>
            )}
          </Stack>
        );
      },
    },
    { key: 'occurredAt', label: 'When', sortKey: 'occurredAt', render: (a) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.occurredAt)}</span> },
    {
      key: 'status',
      label: 'Status',
      render: (a) =>
        a.completedAt ? (
          <Badge size="sm" variant="light" color="gray">
            Done
          </Badge>
        ) : dayjs(a.occurredAt).isBefore(dayjs()) ? (
          <Badge size="sm" variant="light" color="red">
            Overdue
          </Badge>
        ) : (
          <Badge size="sm" variant="light" color="blue">
            Planned
          </Badge>
        ),
    },
    { key: 'owner', label: 'Owner', defaultHidden: ownOnly, render: (a) => a.ownerName },
    { key: 'duration', label: 'Minutes', align: 'right', defaultHidden: true, render: (a) => a.durationMinutes ?? '—' },
    { key: 'createdAt', label: 'Logged', sortKey: 'createdAt', defaultHidden: true, render: (a) => formatInstant(a.createdAt) },
  ];
}

const DEFAULT_SORT = '-occurredAt';

export function ActivitiesListPage() {
  const { user } = useSession();
  const url = useUrlState();
  const [editing, setEditing] = useState<Activity | null>(null);
  const [logOpen, log] = useDisclosure(false);
  const columns = useMemo(() => activityColumns(setEditing, user.role === 'rep'), [user.role]);
  const type = url.get('type');
  const ownerId = url.get('ownerId');
  const completed = url.get('completed');
  const from = url.get('from');
  const to = url.get('to');
  const mayCreate = can(user.role, 'activities', 'create');
  const filters = {
    type,
    ownerId,
    completed,
    from: from ? dayjs(from).startOf('day').toISOString() : undefined,
    to: to ? dayjs(to).endOf('day').toISOString() : undefined,
  };
  const newButton = mayCreate ? (
    <Button leftSection={<IconPlus size={16} />} onClick={log.open}>
      Log activity
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Activities"
        description="Calls, meetings, emails, tasks and notes. Open tasks past their date show as overdue."
        actions={
          <>
            <CsvButtons entity="activities" query={{ ...filters, q: url.get('q'), sort: url.get('sort') ?? DEFAULT_SORT }} />
            {newButton}
          </>
        }
      />
      <ListView
        entity="activities"
        url={url}
        columns={columns}
        defaultSort={DEFAULT_SORT}
        filters={filters}
        filterControls={
          <>
            <Select
              aria-label="Type"
              placeholder="Any type"
              data={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_LABEL[t] }))}
              value={type ?? null}
              onChange={(v) => url.set({ type: v })}
              clearable
              w={140}
            />
            <SegmentedControl
              aria-label="Done or open"
              value={completed ?? 'any'}
              onChange={(v) => url.set({ completed: v === 'any' ? null : v })}
              data={[
                { value: 'any', label: 'All' },
                { value: 'false', label: 'Open' },
                { value: 'true', label: 'Done' },
              ]}
            />
            <OwnerFilter value={ownerId} onChange={(v) => url.set({ ownerId: v })} />
            <DatePickerInput
              type="range"
              aria-label="Between dates"
              placeholder="Between dates"
              valueFormat="D MMM YYYY"
              value={[from ?? null, to ?? null]}
              onChange={([f, t]) => {
                if ((f && t) || (!f && !t)) url.set({ from: f, to: t });
              }}
              clearable
              w={240}
            />
          </>
        }
        searchLabel="Search activities by subject"
        noun="activities"
        rowKey={(a) => a.id}
        empty={{
          icon: <IconActivity size={28} />,
          title: 'No activities yet',
          description: 'Log calls and meetings as they happen, and tasks for what comes next: they show on the deal’s timeline.',
          action: newButton,
        }}
      />
      <ActivityModal opened={logOpen} onClose={log.close} />
      <ActivityModal opened={editing !== null} onClose={() => setEditing(null)} activity={editing} />
    </>
  );
}
