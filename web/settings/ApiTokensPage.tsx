import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { type ApiToken, ApiTokenCreate } from '../../api/identity';
import { formatDay, formatInstant } from '../app/format';
import { EmptyHint } from '../components/EmptyHint';
import { FormProblem } from '../components/FormProblem';
import { PageHeader } from '../components/PageHeader';
import { schemaErrors } from '../components/schema-errors';
import { createApiToken, refreshApiTokens, revokeApiToken, useApiTokens } from '../data/api-tokens/api-tokens';
import { useWrite } from '../data/write';
import { SecretOnce } from './SecretOnce';
import { SettingsTable } from './SettingsTable';

/** Every user's own tokens: integrations act as the person who made the token. */
export function ApiTokensPage() {
  const tokens = useApiTokens();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '' }, validate: (v) => schemaErrors(ApiTokenCreate, v) });
  const create = useWrite({
    request: createApiToken,
    refresh: refreshApiTokens,
    onSuccess: (created) => {
      setSecret(created.secret);
      form.reset();
    },
    form: { form, fields: ['name'] },
  });
  const revoke = useWrite({
    request: (t: ApiToken) => revokeApiToken(t.id),
    refresh: refreshApiTokens,
    success: (_, t) => `Token ${t.name} revoked`,
    failure: 'Not revoked',
  });

  return (
    <>
      <PageHeader
        title="API tokens"
        description="For integrations and scripts. A token acts as you, with your role and what you can see. Send it as “Authorization: Bearer …”."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <form onSubmit={form.onSubmit(create.save)} noValidate aria-label="Create a token">
            <Stack gap="sm">
              <FormProblem problem={create.problem} />
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
          <SettingsTable
            query={tokens}
            items={(list) => list}
            headings={['Name', 'Starts with', 'Created', 'Last used', { label: 'Status and actions', hidden: true }]}
            rowKey={(t) => t.id}
            empty={<EmptyHint icon={<IconKey size={28} />} title="No tokens" description="Create one above when an integration needs to reach Furrow’s API." />}
          >
            {(t) => (
              <>
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
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke.save(t)}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </>
            )}
          </SettingsTable>
        </Paper>
      </Stack>
    </>
  );
}
