import { Badge, Button, TextInput } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Account } from '../../../api/accounts';
import { formatDay } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import type { Column } from '../../components/columns';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { CsvButtons } from '../shared/CsvButtons';
import { ListView } from '../shared/ListView';
import { OwnerFilter } from '../shared/OwnerFilter';

function accountColumns(readsDeals: boolean): Column<Account>[] {
  return [
    { key: 'name', label: 'Name', sortKey: 'name', fixed: true, render: (a) => <TextLink to={`/accounts/${a.id}`}>{a.name}</TextLink> },
    { key: 'domain', label: 'Domain', render: (a) => a.domain ?? '—' },
    { key: 'industry', label: 'Industry', sortKey: 'industry', render: (a) => a.industry ?? '—' },
    { key: 'size', label: 'Employees', align: 'right', render: (a) => (a.size === null ? '—' : a.size.toLocaleString()) },
    { key: 'country', label: 'Country', defaultHidden: true, render: (a) => a.country ?? '—' },
    ...(readsDeals ? [{ key: 'openDeals', label: 'Open deals', align: 'right' as const, render: (a: Account) => a.openDeals ?? '—' }] : []),
    { key: 'owner', label: 'Owner', render: (a) => a.ownerName },
    {
      key: 'shared',
      label: 'Shared',
      defaultHidden: true,
      render: (a) =>
        a.shared ? (
          <Badge size="sm" variant="light" color="blue">
            Shared
          </Badge>
        ) : (
          '—'
        ),
    },
    { key: 'updatedAt', label: 'Updated', sortKey: 'updatedAt', render: (a) => formatDay(a.updatedAt) },
    { key: 'createdAt', label: 'Created', sortKey: 'createdAt', defaultHidden: true, render: (a) => formatDay(a.createdAt) },
  ];
}

const DEFAULT_SORT = 'name';

export function AccountsListPage() {
  const { user } = useSession();
  const url = useUrlState();
  const readsDeals = can(user.role, 'deals', 'read');
  const columns = useMemo(() => accountColumns(readsDeals), [readsDeals]);
  const ownerId = url.get('ownerId');
  const industry = url.get('industry');
  const mayCreate = can(user.role, 'accounts', 'create');
  const filters = { ownerId, industry };
  const newButton = mayCreate ? (
    <Button component={Link} to="/accounts/new" leftSection={<IconPlus size={16} />}>
      New account
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Companies you sell to, with their open deals."
        actions={
          <>
            <CsvButtons entity="accounts" query={{ ...filters, q: url.get('q'), sort: url.get('sort') ?? DEFAULT_SORT }} />
            {newButton}
          </>
        }
      />
      <ListView
        entity="accounts"
        url={url}
        columns={columns}
        defaultSort={DEFAULT_SORT}
        filters={filters}
        filterControls={
          <>
            <OwnerFilter value={ownerId} onChange={(v) => url.set({ ownerId: v })} />
            <TextInput
              aria-label="Industry"
              placeholder="Industry"
              defaultValue={industry ?? ''}
              key={industry ?? ''}
              w={160}
              onBlur={(e) => url.set({ industry: e.currentTarget.value.trim() || null })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') url.set({ industry: e.currentTarget.value.trim() || null });
              }}
            />
          </>
        }
        searchLabel="Search accounts by name or domain"
        noun="accounts"
        rowKey={(a) => a.id}
        empty={{
          icon: <IconBuilding size={28} />,
          title: 'No accounts yet',
          description: mayCreate
            ? 'Add the companies you sell to, or import them from a CSV export of your old CRM.'
            : 'Accounts appear here once sales adds them.',
          action: newButton,
        }}
      />
    </>
  );
}
