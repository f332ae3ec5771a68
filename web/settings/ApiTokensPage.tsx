import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiToken, ApiTokenCreate, type ApiTokenCreated } from '../../api/identity';
import { api } from '../app/api';
import { formatDay, formatInstant } from '../app/format';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { FormProblem } from '../components/FormProblem';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { applySaveError } from '../components/save-errors';
import { schemaErrors } from '../components/schema-errors';
import { SecretOnce } from './SecretOnce';

/** Every user's own tokens: integrations act as the person who made the token. */
export function ApiTokensPage() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['api-tokens'], queryFn: () => api.get<{ items: ApiToken[] }>('/api/v1/api-tokens').then((r) => r.items) });
  const [secret, setSecret] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '' }, validate: (v) => schemaErrors(ApiTokenCreate, v) });

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const created = await api.post<ApiTokenCreated>('/api/v1/api-tokens', v);
      setSecret(created.secret);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (error) {
      applySaveError(error, form, ['name'], setProblem);
    }
  });

  const revoke = async (t: ApiToken) => {
    try {
      await api.delete(`/api/v1/api-tokens/${t.id}`);
      await queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
      notifications.show({ color: 'furrow', message: `Token ${t.name} revoked` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) });
    }
  };

  return (
    <>
      <PageHeader
        title="API tokens"
        description="For integrations and scripts. A token acts as you, with your role and what you can see. Send it as “Authorization: Bearer …”."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} noValidate aria-label="Create a token">
            <Stack gap="sm">
              <FormProblem problem={problem} />
              <Group align="flex-end">
                <TextInput
                  label="Token name"
                  description="What uses it, e.g. “Marketing automation”"
                  required
                  style={{ flex: 1, maxWidth: 420 }}
                  {...form.getInputProps('name')}
                />
                <Button type="submit" loading={form.submitting} leftSection={<IconKey size={16} />}>
                  Create token
                </Button>
              </Group>
              {secret && (
                <SecretOnce
                  title="Your new token"
                  value={secret}
                  hint="Copy it now: Furrow keeps only a hash and cannot show it again."
                  onDone={() => setSecret(null)}
                />
              )}
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="md" p="md">
          {tokens.isPending ? (
            <LoadingState />
          ) : tokens.isError ? (
            <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
          ) : tokens.data.length === 0 ? (
            <EmptyHint icon={<IconKey size={28} />} title="No tokens" description="Create one above when an integration needs to reach Furrow’s API." />
          ) : (
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Starts with</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">Status and actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {t.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDay(t.createdAt)}</Table.Td>
                    <Table.Td>{t.lastUsedAt ? formatInstant(t.lastUsedAt) : 'Never'}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {t.revokedAt ? (
                        <Badge color="gray" variant="light">
                          Revoked
                        </Badge>
                      ) : (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke(t)}>
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
      </Stack>
    </>
  );
}
