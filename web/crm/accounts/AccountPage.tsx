import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Account } from '../../../api/accounts';
import type { Contact } from '../../../api/contacts';
import type { Deal } from '../../../api/deals';
import { formatInstant } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { Details } from '../../components/Details';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { useAccount } from '../../data/accounts/accounts';
import { useCustomFields } from '../../data/custom-fields/custom-fields';
import { ActivityModal } from '../activities/ActivityModal';
import { DealLine } from '../deals/DealLine';
import { contactName } from '../pickers/ContactSelect';
import { customDetails } from '../shared/custom-values';
import { DeleteButton } from '../shared/DeleteButton';
import { useMayChange } from '../shared/people';
import { RecordLoader } from '../shared/RecordLoader';
import { RelatedList } from '../shared/RelatedList';
import { RecordTimeline } from '../timeline/RecordTimeline';

function AccountView({ account }: { account: Account }) {
  const { user } = useSession();
  const customFields = useCustomFields('account').data ?? [];
  const [logOpen, log] = useDisclosure(false);
  const mayEdit = useMayChange('accounts', account.ownerId);
  const mayDelete = useMayChange('accounts', account.ownerId, 'delete');
  const sellsDeals = can(user.role, 'deals', 'read');
  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              Account
            </Text>
            {account.shared && (
              <Badge size="sm" variant="light" color="blue">
                Shared
              </Badge>
            )}
          </Group>
        }
        title={account.name}
        description={[account.industry, account.country, `owned by ${account.ownerName}`].filter(Boolean).join(' · ')}
        actions={
          <>
            {can(user.role, 'activities', 'create') && (
              <Button variant="default" onClick={log.open}>
                Log activity
              </Button>
            )}
            {mayEdit && (
              <Button component={Link} to={`/accounts/${account.id}/edit`} leftSection={<IconPencil size={16} />}>
                Edit
              </Button>
            )}
            {mayDelete && <DeleteButton entity="accounts" id={account.id} name={account.name} noun="account" after="/accounts" />}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <Details
                items={[
                  {
                    label: 'Domain',
                    value: account.domain && (
                      <Anchor size="sm" href={`https://${account.domain}`} target="_blank" rel="noreferrer">
                        {account.domain}
                      </Anchor>
                    ),
                  },
                  { label: 'Industry', value: account.industry },
                  { label: 'Employees', value: account.size?.toLocaleString() },
                  { label: 'Country', value: account.country },
                  { label: 'Owner', value: account.ownerName },
                  ...(sellsDeals ? [{ label: 'Open deals', value: account.openDeals }] : []),
                  ...customDetails(customFields, account.custom),
                  { label: 'Updated', value: formatInstant(account.updatedAt) },
                ]}
              />
            </Paper>
            {sellsDeals && <RecordTimeline entity="accounts" id={account.id} noun="account" />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {sellsDeals && (
              <RelatedList<Deal>
                title="Deals"
                entity="deals"
                params={{ accountId: account.id, sort: '-closeDate' }}
                rowKey={(d) => d.id}
                render={(d) => <DealLine deal={d} />}
                empty="No deals with this account that you can see."
                allLink={`/deals?accountId=${account.id}`}
                action={
                  can(user.role, 'deals', 'create') && (
                    <Button size="xs" variant="light" component={Link} to={`/deals/new?accountId=${account.id}`} leftSection={<IconPlus size={14} />}>
                      New deal
                    </Button>
                  )
                }
              />
            )}
            <RelatedList<Contact>
              title="Contacts"
              entity="contacts"
              params={{ accountId: account.id, sort: 'lastName' }}
              rowKey={(c) => c.id}
              render={(c) => (
                <div>
                  <TextLink to={`/contacts/${c.id}`} size="sm">
                    {contactName(c)}
                  </TextLink>
                  <Text size="xs" c="dimmed">
                    {[c.title, c.email].filter(Boolean).join(' · ') || '—'}
                  </Text>
                </div>
              )}
              empty="No contacts at this account yet."
              allLink={`/contacts?accountId=${account.id}`}
              action={
                can(user.role, 'contacts', 'create') && (
                  <Button size="xs" variant="light" component={Link} to={`/contacts/new?accountId=${account.id}`} leftSection={<IconPlus size={14} />}>
                    New contact
                  </Button>
                )
              }
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ActivityModal opened={logOpen} onClose={log.close} links={{ accountId: account.id }} context={`the account ${account.name}`} />
    </>
  );
}

export function AccountPage() {
  const { id } = useParams();
  const query = useAccount(id);
  return (
    <RecordLoader query={query} noun="account">
      {(account) => <AccountView account={account} />}
    </RecordLoader>
  );
}
