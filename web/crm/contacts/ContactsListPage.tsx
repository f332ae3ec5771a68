import { Button } from '@mantine/core';
import { IconAddressBook, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Contact } from '../../../api/contacts';
import { formatDay } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import type { Column } from '../../components/columns';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { useAccount } from '../../data/accounts/accounts';
import { AccountSelect } from '../pickers/AccountSelect';
import { contactName } from '../pickers/ContactSelect';
import { CsvButtons } from '../shared/CsvButtons';
import { ListView } from '../shared/ListView';
import { OwnerFilter } from '../shared/OwnerFilter';

function contactColumns(): Column<Contact>[] {
  return [
    { key: 'name', label: 'Name', sortKey: 'lastName', fixed: true, render: (c) => <TextLink to={`/contacts/${c.id}`}>{contactName(c)}</TextLink> },
    { key: 'title', label: 'Title', render: (c) => c.title ?? '—' },
    { key: 'account', label: 'Account', render: (c) => (c.accountId ? <TextLink to={`/accounts/${c.accountId}`}>{c.accountName}</TextLink> : '—') },
    { key: 'email', label: 'Email', render: (c) => c.email ?? '—' },
    { key: 'phone', label: 'Phone', defaultHidden: true, render: (c) => c.phone ?? '—' },
    { key: 'owner', label: 'Owner', render: (c) => c.ownerName },
    { key: 'updatedAt', label: 'Updated', sortKey: 'updatedAt', render: (c) => formatDay(c.updatedAt) },
    { key: 'createdAt', label: 'Created', sortKey: 'createdAt', defaultHidden: true, render: (c) => formatDay(c.createdAt) },
  ];
}

const DEFAULT_SORT = 'lastName';

export function ContactsListPage() {
  const { user } = useSession();
  const url = useUrlState();
  const columns = useMemo(contactColumns, []);
  const ownerId = url.get('ownerId');
  const accountId = url.get('accountId');
  const account = useAccount(accountId);
  const mayCreate = can(user.role, 'contacts', 'create');
  const filters = { ownerId, accountId };
  const newButton = mayCreate ? (
    <Button component={Link} to={accountId ? `/contacts/new?accountId=${accountId}` : '/contacts/new'} leftSection={<IconPlus size={16} />}>
      New contact
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you talk to at your accounts."
        actions={
          <>
            <CsvButtons entity="contacts" query={{ ...filters, q: url.get('q'), sort: url.get('sort') ?? DEFAULT_SORT }} />
            {newButton}
          </>
        }
      />
      <ListView
        entity="contacts"
        url={url}
        columns={columns}
        defaultSort={DEFAULT_SORT}
        filters={filters}
        filterControls={
          <>
            <OwnerFilter value={ownerId} onChange={(v) => url.set({ ownerId: v })} />
            <AccountSelect
              aria-label="Account"
              placeholder="Any account"
              value={accountId ?? null}
              valueLabel={account.data?.name}
              onChange={(v) => url.set({ accountId: v })}
              w={220}
            />
          </>
        }
        searchLabel="Search contacts by name or email"
        noun="contacts"
        rowKey={(c) => c.id}
        empty={{
          icon: <IconAddressBook size={28} />,
          title: 'No contacts yet',
          description: mayCreate
            ? 'Add the people you talk to, ideally with their account, so deals and activities connect.'
            : 'Contacts appear here once sales adds them.',
          action: newButton,
        }}
      />
    </>
  );
}
