import { Badge, Button, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../api/identity';
import { formatDay } from '../app/format';
import { PageHeader } from '../components/PageHeader';
import { useTeams, useUsers } from '../data/people/people';
import { ROLE_LABEL } from './labels';
import { SettingsTable } from './SettingsTable';
import { UserModal } from './UserModal';

export function UsersPage() {
  const users = useUsers();
  const teams = useTeams();
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const teamName = (id: string | null) => teams.data?.find((t) => t.id === id)?.name ?? '—';

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone in the workspace, their role and team. Roles decide what people see: reps their own records, managers their teams."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add user
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md">
        <SettingsTable
          query={users}
          items={(list) => list}
          headings={['Name', 'Email', 'Role', 'Team', 'Since', 'Status']}
          rowKey={(u) => u.id}
          highlightOnHover
          minWidth={640}
        >
          {(u) => (
            <>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
                  {u.name}
                </Button>
              </Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{ROLE_LABEL[u.role]}</Table.Td>
              <Table.Td>{teamName(u.teamId)}</Table.Td>
              <Table.Td>{formatDay(u.createdAt)}</Table.Td>
              <Table.Td>
                {u.disabled ? (
                  <Badge color="gray" variant="light">
                    Disabled
                  </Badge>
                ) : (
                  <Badge color="furrow" variant="light">
                    Active
                  </Badge>
                )}
              </Table.Td>
            </>
          )}
        </SettingsTable>
      </Paper>
      <UserModal opened={editing !== null} user={editing === 'new' ? null : editing} teams={teams.data ?? []} onClose={() => setEditing(null)} />
    </>
  );
}
