import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { WEBHOOK_EVENT_NAMES, WebhookEndpointCreate, type WebhookEventName } from '../../api/webhooks';
import { formatDay } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { FormProblem } from '../components/FormProblem';
import { PageHeader } from '../components/PageHeader';
import { schemaErrors } from '../components/schema-errors';
import { createWebhookEndpoint, refreshWebhooks, revokeWebhookEndpoint, useWebhookEndpoints } from '../data/webhooks/webhooks';
import { useWrite } from '../data/write';
import { SecretOnce } from './SecretOnce';
import { SettingsTable } from './SettingsTable';
import { WebhookDeliveries } from './WebhookDeliveries';

/** Endpoints that receive signed events, and what was delivered to each. Admins only. */
export function WebhooksPage() {
  const url = useUrlState();
  const selected = url.get('endpoint');
  const endpoints = useWebhookEndpoints();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<{ url: string; description: string; events: WebhookEventName[] }>({
    initialValues: { url: '', description: '', events: [] },
    validate: (v) => schemaErrors(WebhookEndpointCreate, v),
  });
  const create = useWrite({
    request: (v: typeof form.values) => createWebhookEndpoint({ ...v, description: v.description || null }),
    refresh: refreshWebhooks,
    onSuccess: (created) => {
      setSecret(created.secret);
      form.reset();
    },
    form: { form, fields: ['url', 'description', 'events'] },
  });
  const revoke = useWrite({
    request: revokeWebhookEndpoint,
    refresh: refreshWebhooks,
    success: (_, e) => `Webhook to ${e.url} revoked`,
    failure: 'Not revoked',
  });

  const current = endpoints.data?.find((e) => e.id === selected);

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Furrow POSTs signed events (Standard Webhooks) to these URLs when deals, accounts, contacts and activities change. Failed deliveries are retried with backoff."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <form onSubmit={form.onSubmit(create.save)} noValidate aria-label="Add a webhook endpoint">
            <Stack gap="sm">
              <FormProblem problem={create.problem} />
              <Group align="flex-start" grow>
                <TextInput label="Endpoint URL" placeholder="https://example.com/hooks/furrow" required {...form.getInputProps('url')} />
                <TextInput label="Description" placeholder="What receives it" {...form.getInputProps('description')} />
              </Group>
              <Checkbox.Group label="Events" required {...form.getInputProps('events')}>
                <SimpleGrid cols={{ base: 2, md: 3 }} mt="xs" spacing="xs">
                  {WEBHOOK_EVENT_NAMES.map((name) => (
                    <Checkbox key={name} value={name} label={name} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Group>
                <Button type="submit" loading={form.submitting} leftSection={<IconWebhook size={16} />}>
                  Add endpoint
                </Button>
              </Group>
              {secret && (
                <SecretOnce
                  title="Signing secret"
                  value={secret}
                  hint="Copy it into the receiver now: it verifies the webhook-signature header, and Furrow will not show it again."
                  onDone={() => setSecret(null)}
                />
              )}
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <SettingsTable
            query={endpoints}
            items={(list) => list}
            headings={['URL', 'Events', 'Added', { label: 'Status and actions', hidden: true }]}
            rowKey={(e) => e.id}
            label="Webhook endpoints"
            empty={<EmptyHint icon={<IconWebhook size={28} />} title="No endpoints" description="Add one above to send changes to another system." />}
          >
            {(e) => (
              <>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {e.url}
                  </Text>
                  {e.description && (
                    <Text size="xs" c="dimmed">
                      {e.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.events.join(', ')}</Text>
                </Table.Td>
                <Table.Td>{formatDay(e.createdAt)}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <Button size="compact-sm" variant="subtle" onClick={() => url.set({ endpoint: e.id })} aria-label={`Deliveries to ${e.url}`}>
                    Deliveries
                  </Button>
                  {e.revokedAt ? (
                    <Badge color="gray" variant="light">
                      Revoked
                    </Badge>
                  ) : (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke.save(e)}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </>
            )}
          </SettingsTable>
        </Paper>
        {current && (
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              Delivery log: {current.url}
            </Title>
            <WebhookDeliveries endpointId={current.id} />
          </Paper>
        )}
      </Stack>
    </>
  );
}
