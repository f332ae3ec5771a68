import { Grid, Text } from '@mantine/core';
import type { Account } from '../../api/accounts';
import type { Contact } from '../../api/contacts';
import { formatDay } from '../app/format';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { contactName } from '../crm/pickers/ContactSelect';
import { RelatedList } from '../crm/shared/RelatedList';

/** Marketing sees the market (accounts and contacts), not deal details. */
export function MarketingHome() {
  return (
    <>
      <PageHeader title="This week" description="The newest accounts and contacts sales is working with." />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RelatedList<Account>
            title="Newest accounts"
            entity="accounts"
            params={{ sort: '-createdAt' }}
            rowKey={(a) => a.id}
            render={(a) => (
              <div>
                <TextLink to={`/accounts/${a.id}`} size="sm">
                  {a.name}
                </TextLink>
                <Text size="xs" c="dimmed">
                  {[a.industry, a.country, `added ${formatDay(a.createdAt)}`].filter(Boolean).join(' · ')}
                </Text>
              </div>
            )}
            empty="No accounts yet."
            allLink="/accounts?sort=-createdAt"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RelatedList<Contact>
            title="Newest contacts"
            entity="contacts"
            params={{ sort: '-createdAt' }}
            rowKey={(c) => c.id}
            render={(c) => (
              <div>
                <TextLink to={`/contacts/${c.id}`} size="sm">
                  {contactName(c)}
                </TextLink>
                <Text size="xs" c="dimmed">
                  {[c.title, c.accountName].filter(Boolean).join(' at ') || '—'}
                </Text>
              </div>
            )}
            empty="No contacts yet."
            allLink="/contacts?sort=-createdAt"
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
