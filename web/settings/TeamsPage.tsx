import { ActionIcon, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Team } from '../../api/identity';
import { api } from '../app/api';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useTeams, useUsers } from '../data/people/people';
import { TeamModal } from './TeamModal';
import { teamRows } from './team-tree';

export function TeamsPage() {
  const teams = useTeams();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Team | null | 'new'>(null);
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? '—';

  const remove = async (team: Team) => {
    try {
      await api.delete(`/api/v1/teams/${team.id}`);
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notifications.show({ color: 'furrow', message: `Team ${team.name} deleted` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(error) });
    }
  };

  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      New team
    </Button>
  );
  return (
    <>
      <PageHeader title="Teams" description="Teams nest. A manager sees the deals of their team and of every team below it." actions={add} />
      <Paper withBorder radius="md" p="md">
        {teams.isPending ? (
          <LoadingState />
        ) : teams.isError ? (
          <ErrorState error={teams.error} onRetry={() => teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <EmptyHint
            icon={<IconUsersGroup size={28} />}
            title="No teams yet"
            description="Create a team, give it a manager, then put reps in it from Users."
            action={add}
          />
        ) : (
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Team</Table.Th>
                <Table.Th scope="col">Manager</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  Members
                </Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teamRows(teams.data).map(({ team, depth }) => (
                <Table.Tr key={team.id}>
                  <Table.Td style={{ paddingLeft: 12 + depth * 24 }}>
                    <Group gap={6}>
                      {depth > 0 && (
                        <Text span c="dimmed" aria-hidden>
                          └
                        </Text>
                      )}
                      <Button variant="subtle" size="compact-sm" onClick={() => setEditing(team)}>
                        {team.name}
                      </Button>
                    </Group>
                  </Table.Td>
                  <Table.Td>{userName(team.managerId)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{team.memberCount}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Tooltip label="Delete (only an empty team without sub-teams)">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${team.name}`} onClick={() => remove(team)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <TeamModal
        opened={editing !== null}
        team={editing === 'new' ? null : editing}
        teams={teams.data ?? []}
        users={users.data ?? []}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
