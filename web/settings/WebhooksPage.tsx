import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconWebhook } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { WEBHOOK_EVENT_NAMES, type WebhookEndpoint, WebhookEndpointCreate, type WebhookEndpointCreated } from '../../api/webhooks';
import { api } from '../app/api';
import { formatDay } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { FormProblem } from '../components/FormProblem';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { applySaveError } from '../components/save-errors';
import { schemaErrors } from '../components/schema-errors';
import { SecretOnce } from './SecretOnce';
import { WebhookDeliveries } from './WebhookDeliveries';

/** Endpoints that receive signed events, and what was delivered to each. Admins only. */
export function WebhooksPage() {
  const queryClient = useQueryClient();
  const url = useUrlState();
  const selected = url.get('endpoint');
  const endpoints = useQuery({
    queryKey: ['webhook-endpoints'],
    queryFn: () => api.get<{ items: WebhookEndpoint[] }>('/api/v1/webhook-endpoints').then((r) => r.items),
  });
  const [secret, setSecret] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ url: string; description: string; events: string[] }>({
    initialValues: { url: '', description: '', events: [] },
    validate: (v) => schemaErrors(WebhookEndpointCreate, v),
  });

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const created = await api.post<WebhookEndpointCreated>('/api/v1/webhook-endpoints', { ...v, description: v.description || null });
      setSecret(created.secret);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['webhook-endpoints'] });
    } catch (error) {
      applySaveError(error, form, ['url', 'description', 'events'], setProblem);
    }
  });

  const revoke = async (e: WebhookEndpoint) => {
    try {
      await api.post(`/api/v1/webhook-endpoints/${e.id}/revoke`, { version: e.version });
      await queryClient.invalidateQueries({ queryKey: ['webhook-endpoints'] });
      notifications.show({ color: 'furrow', message: `Webhook to ${e.url} revoked` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) });
    }
  };

  const current = endpoints.data?.find((e) => e.id === selected);

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Furrow POSTs signed events (Standard Webhooks) to these URLs when deals, accounts, contacts and activities change. Failed deliveries are retried with backoff."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} noValidate aria-label="Add a webhook endpoint">
            <Stack gap="sm">
              <FormProblem problem={problem} />
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
          {endpoints.isPending ? (
            <LoadingState />
          ) : endpoints.isError ? (
            <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />
          ) : endpoints.data.length === 0 ? (
            <EmptyHint icon={<IconWebhook size={28} />} title="No endpoints" description="Add one above to send changes to another system." />
          ) : (
            <Table verticalSpacing="xs" aria-label="Webhook endpoints">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">URL</Table.Th>
                  <Table.Th scope="col">Events</Table.Th>
                  <Table.Th scope="col">Added</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">Status and actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {endpoints.data.map((e) => (
                  <Table.Tr key={e.id}>
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
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke(e)}>
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
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
