import { Anchor, Button, Grid, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Contact } from '../../../api/contacts';
import type { Deal } from '../../../api/deals';
import { formatInstant } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { Details } from '../../components/Details';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { useContact } from '../../data/contacts/contacts';
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

function ContactView({ contact }: { contact: Contact }) {
  const { user } = useSession();
  const customFields = useCustomFields('contact').data ?? [];
  const [logOpen, log] = useDisclosure(false);
  const name = contactName(contact);
  const sellsDeals = can(user.role, 'deals', 'read');
  const mayEdit = useMayChange('contacts', contact.ownerId);
  const mayDelete = useMayChange('contacts', contact.ownerId, 'delete');
  return (
    <>
      <PageHeader
        eyebrow={
          <Text size="sm" c="dimmed">
            Contact
          </Text>
        }
        title={name}
        description={[contact.title, contact.accountName].filter(Boolean).join(' at ') || undefined}
        actions={
          <>
            {can(user.role, 'activities', 'create') && (
              <Button variant="default" onClick={log.open}>
                Log activity
              </Button>
            )}
            {mayEdit && (
              <Button component={Link} to={`/contacts/${contact.id}/edit`} leftSection={<IconPencil size={16} />}>
                Edit
              </Button>
            )}
            {mayDelete && <DeleteButton entity="contacts" id={contact.id} name={name} noun="contact" after="/contacts" />}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <Details
                items={[
                  { label: 'Account', value: contact.accountId && <TextLink to={`/accounts/${contact.accountId}`}>{contact.accountName}</TextLink> },
                  { label: 'Title', value: contact.title },
                  {
                    label: 'Email',
                    value: contact.email && (
                      <Anchor size="sm" href={`mailto:${contact.email}`}>
                        {contact.email}
                      </Anchor>
                    ),
                  },
                  {
                    label: 'Phone',
                    value: contact.phone && (
                      <Anchor size="sm" href={`tel:${contact.phone}`}>
                        {contact.phone}
                      </Anchor>
                    ),
                  },
                  { label: 'Owner', value: contact.ownerName },
                  ...customDetails(customFields, contact.custom),
                  { label: 'Updated', value: formatInstant(contact.updatedAt) },
                ]}
              />
            </Paper>
            {sellsDeals && <RecordTimeline entity="contacts" id={contact.id} noun="contact" />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {sellsDeals && (
            <RelatedList<Deal>
              title="Deals"
              entity="deals"
              params={{ contactId: contact.id, sort: '-closeDate' }}
              rowKey={(d) => d.id}
              render={(d) => <DealLine deal={d} />}
              empty="No deals with this contact that you can see."
              allLink={`/deals?contactId=${contact.id}`}
              action={
                can(user.role, 'deals', 'create') && (
                  <Button
                    size="xs"
                    variant="light"
                    component={Link}
                    to={`/deals/new?contactId=${contact.id}${contact.accountId ? `&accountId=${contact.accountId}` : ''}`}
                    leftSection={<IconPlus size={14} />}
                  >
                    New deal
                  </Button>
                )
              }
            />
          )}
        </Grid.Col>
      </Grid>
      <ActivityModal opened={logOpen} onClose={log.close} links={{ contactId: contact.id, accountId: contact.accountId }} context={`the contact ${name}`} />
    </>
  );
}

export function ContactPage() {
  const { id } = useParams();
  const query = useContact(id);
  return (
    <RecordLoader query={query} noun="contact">
      {(contact) => <ContactView contact={contact} />}
    </RecordLoader>
  );
}
