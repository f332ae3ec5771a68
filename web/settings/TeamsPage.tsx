import { ActionIcon, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import type { Team } from '../../api/identity';
import { EmptyHint } from '../components/EmptyHint';
import { PageHeader } from '../components/PageHeader';
import { useTeams, useUsers } from '../data/people/people';
import { deleteTeam, refreshTeams } from '../data/people/people-writes';
import { useWrite } from '../data/write';
import { SettingsTable } from './SettingsTable';
import { TeamModal } from './TeamModal';
import { teamRows } from './team-tree';

export function TeamsPage() {
  const teams = useTeams();
  const users = useUsers();
  const [editing, setEditing] = useState<Team | null | 'new'>(null);
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? '—';
  const remove = useWrite({
    request: (team: Team) => deleteTeam(team.id),
    refresh: refreshTeams,
    success: (_, team) => `Team ${team.name} deleted`,
    failure: 'Not deleted',
  });

  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      New team
    </Button>
  );
  return (
    <>
      <PageHeader title="Teams" description="Teams nest. A manager sees the deals of their team and of every team below it." actions={add} />
      <Paper withBorder radius="md" p="md">
        <SettingsTable
          query={teams}
          items={teamRows}
          headings={['Team', 'Manager', { label: 'Members', align: 'right' }, { label: 'Actions', hidden: true }]}
          rowKey={({ team }) => team.id}
          highlightOnHover
          empty={
            <EmptyHint
              icon={<IconUsersGroup size={28} />}
              title="No teams yet"
              description="Create a team, give it a manager, then put reps in it from Users."
              action={add}
            />
          }
        >
          {({ team, depth }) => (
            <>
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
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${team.name}`} onClick={() => remove.save(team)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </>
          )}
        </SettingsTable>
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
