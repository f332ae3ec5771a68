import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import type { Role } from '../../api/common';
import { type Invitation, InvitationCreate } from '../../api/identity';
import { formatDay } from '../app/format';
import { EmptyHint } from '../components/EmptyHint';
import { FormProblem } from '../components/FormProblem';
import { PageHeader } from '../components/PageHeader';
import { schemaErrors } from '../components/schema-errors';
import { createInvitation, refreshInvitations, revokeInvitation, useInvitations } from '../data/invitations/invitations';
import { useTeams } from '../data/people/people';
import { useWrite } from '../data/write';
import { ROLE_LABEL, ROLE_OPTIONS } from './labels';
import { SecretOnce } from './SecretOnce';
import { SettingsTable } from './SettingsTable';

function statusOf(i: Invitation): { label: string; color: string } {
  if (i.acceptedAt) return { label: 'Accepted', color: 'furrow' };
  if (i.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (new Date(i.expiresAt).getTime() < Date.now()) return { label: 'Expired', color: 'gray' };
  return { label: 'Pending', color: 'blue' };
}

interface Values extends Record<string, unknown> {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
}

export function InvitationsPage() {
  const teams = useTeams();
  const invitations = useInvitations();
  const [link, setLink] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', email: '', role: 'rep', teamId: null },
    validate: (v) => schemaErrors(InvitationCreate, { ...v, email: v.email.trim() }),
  });
  const create = useWrite({
    request: (v: Values) => createInvitation({ ...v, email: v.email.trim() }),
    refresh: refreshInvitations,
    onSuccess: (created) => {
      // The server answers a path when no PUBLIC_URL is configured; make it a full link.
      setLink(created.acceptUrl.startsWith('/') ? `${window.location.origin}${created.acceptUrl}` : created.acceptUrl);
      form.reset();
    },
    form: { form, fields: ['name', 'email', 'role', 'teamId'] },
  });
  const revoke = useWrite({
    request: (i: Invitation) => revokeInvitation(i.id),
    refresh: refreshInvitations,
    success: (_, i) => `Invitation for ${i.email} revoked`,
    failure: 'Not revoked',
  });

  return (
    <>
      <PageHeader
        title="Invitations"
        description="Invite people by link: they choose their own password. Links expire; revoke one that went to the wrong person."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="h5" mb="sm">
            Invite someone
          </Title>
          <form onSubmit={form.onSubmit(create.save)} noValidate aria-label="Invite someone">
            <Stack gap="sm">
              <FormProblem problem={create.problem} />
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                <TextInput label="Name" required {...form.getInputProps('name')} />
                <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
                <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
                <Select
                  label="Team"
                  data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                  clearable
                  placeholder="No team"
                  {...form.getInputProps('teamId')}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" loading={form.submitting} leftSection={<IconMailForward size={16} />}>
                  Create invitation link
                </Button>
              </Group>
              {link && (
                <SecretOnce
                  title="Send this link to the person you invited"
                  value={link}
                  hint="It is shown only now. Send it by a channel you trust; it signs them in once they choose a password."
                  onDone={() => setLink(null)}
                />
              )}
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <SettingsTable
            query={invitations}
            items={(list) => list}
            headings={['Name', 'Email', 'Role', 'Sent', 'Status', { label: 'Actions', hidden: true }]}
            rowKey={(i) => i.id}
            minWidth={640}
            empty={<EmptyHint icon={<IconMailForward size={28} />} title="No invitations yet" description="Invite your managers and reps above." />}
          >
            {(i) => {
              const status = statusOf(i);
              return (
                <>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{ROLE_LABEL[i.role]}</Table.Td>
                  <Table.Td>{formatDay(i.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={status.color}>
                      {status.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {status.label === 'Pending' && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke.save(i)}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </>
              );
            }}
          </SettingsTable>
        </Paper>
      </Stack>
    </>
  );
}
