import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '../../api/common';
import { type Invitation, InvitationCreate } from '../../api/identity';
import { api } from '../app/api';
import { formatDay } from '../app/format';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { FormProblem } from '../components/FormProblem';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { applySaveError } from '../components/save-errors';
import { schemaErrors } from '../components/schema-errors';
import { useTeams } from '../data/people/people';
import { ROLE_LABEL, ROLE_OPTIONS } from './labels';
import { SecretOnce } from './SecretOnce';

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
  const queryClient = useQueryClient();
  const teams = useTeams();
  const invitations = useQuery({ queryKey: ['invitations'], queryFn: () => api.get<{ items: Invitation[] }>('/api/v1/invitations').then((r) => r.items) });
  const [link, setLink] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', email: '', role: 'rep', teamId: null },
    validate: (v) => schemaErrors(InvitationCreate, { ...v, email: v.email.trim() }),
  });

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const created = await api.post<{ invitation: Invitation; acceptUrl: string }>('/api/v1/invitations', { ...v, email: v.email.trim() });
      // The server answers a path when no PUBLIC_URL is configured; make it a full link.
      setLink(created.acceptUrl.startsWith('/') ? `${window.location.origin}${created.acceptUrl}` : created.acceptUrl);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['invitations'] });
    } catch (error) {
      applySaveError(error, form, ['name', 'email', 'role', 'teamId'], setProblem);
    }
  });

  const revoke = async (i: Invitation) => {
    try {
      await api.delete(`/api/v1/invitations/${i.id}`);
      await queryClient.invalidateQueries({ queryKey: ['invitations'] });
      notifications.show({ color: 'furrow', message: `Invitation for ${i.email} revoked` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(error) });
    }
  };

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
          <form onSubmit={submit} noValidate aria-label="Invite someone">
            <Stack gap="sm">
              <FormProblem problem={problem} />
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
          {invitations.isPending ? (
            <LoadingState />
          ) : invitations.isError ? (
            <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
          ) : invitations.data.length === 0 ? (
            <EmptyHint icon={<IconMailForward size={28} />} title="No invitations yet" description="Invite your managers and reps above." />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Email</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Sent</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invitations.data.map((i) => {
                    const status = statusOf(i);
                    return (
                      <Table.Tr key={i.id}>
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
                            <Button size="compact-sm" variant="subtle" color="red" onClick={() => revoke(i)}>
                              Revoke
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}
