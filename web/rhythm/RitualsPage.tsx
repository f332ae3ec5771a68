import { Alert, Badge, Button, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarRepeat, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Team, User } from '../../api/identity';
import type { Ritual } from '../../api/rituals';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useTeams, useUsers } from '../data/people/people';
import { acceptProposals, refreshRituals, useRitualProposals, useRituals } from '../data/rituals/rituals';
import { useWrite } from '../data/write';
import { RitualForm } from './RitualForm';
import { KIND_LABELS } from './ritual-kinds';

function Proposals({ teamId }: { teamId: string }) {
  const proposals = useRitualProposals(teamId);
  const write = useWrite({ request: acceptProposals, refresh: refreshRituals, failure: 'Not created' });
  if (!proposals.data || proposals.data.items.length === 0) return null;
  const accept = () => write.save({ teamId, keys: proposals.data.items.map((p) => p.key) });
  return (
    <Alert variant="light" color="furrow" title={`Suggested rhythm for ${proposals.data.team.name}`}>
      <Text size="sm">{proposals.data.items.map((p) => `${p.title} (${p.recurrenceText})`).join(' · ')}</Text>
      <Button size="xs" mt="xs" onClick={accept} loading={write.pending}>
        Accept all {proposals.data.items.length}
      </Button>
    </Alert>
  );
}

export function RitualsPage() {
  const { user } = useSession();
  return user.role === 'admin' || user.role === 'manager' ? <ManagedRituals /> : <Rituals manage={null} />;
}

/** A manager or admin also gets the people and teams the form picks from (others never ask for them). */
function ManagedRituals() {
  const { user } = useSession();
  const teams = useTeams();
  const users = useUsers();
  const myTeams = (teams.data ?? []).filter((t) => user.role === 'admin' || user.managesTeamIds.includes(t.id));
  return <Rituals manage={{ myTeams, users: teams.data && users.data }} />;
}

interface Manage {
  myTeams: Team[];
  /** Undefined until both teams and users have loaded (the form needs them). */
  users: User[] | undefined;
}

function Rituals({ manage }: { manage: Manage | null }) {
  const mayCreate = manage !== null;
  const myTeams = manage?.myTeams ?? [];
  const rituals = useRituals();
  const [editing, setEditing] = useState<Ritual | 'new' | null>(null);
  const byTeam = new Map<string, Ritual[]>();
  for (const r of rituals.data ?? []) byTeam.set(r.team.name, [...(byTeam.get(r.team.name) ?? []), r]);

  return (
    <>
      <PageHeader
        title="Rituals"
        description="The operating rhythm: the recurring meetings that keep the disciplines alive all year. Open an occurrence for its agenda, prepared from live data."
        actions={
          mayCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={myTeams.length === 0}>
              New ritual
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {mayCreate && myTeams.map((t) => <Proposals key={t.id} teamId={t.id} />)}
        {rituals.isPending ? (
          <LoadingState />
        ) : rituals.isError ? (
          <ErrorState error={rituals.error} onRetry={() => rituals.refetch()} />
        ) : rituals.data.length === 0 ? (
          <EmptyHint
            icon={<IconCalendarRepeat size={28} />}
            title="No rituals yet"
            description={
              mayCreate
                ? 'Accept the suggested rhythm above or create a ritual for your team.'
                : 'Your manager sets up the team’s rituals; you see the ones you attend here.'
            }
          />
        ) : (
          [...byTeam.entries()].map(([team, items]) => (
            <Paper key={team} withBorder radius="md" p="md">
              <Title order={2} fz="h4" mb="sm">
                {team}
              </Title>
              <Table verticalSpacing="xs" aria-label={`Rituals of ${team}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Ritual</Table.Th>
                    <Table.Th scope="col">Repeats</Table.Th>
                    <Table.Th scope="col">Owner</Table.Th>
                    <Table.Th scope="col">Next</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text fw={500}>{r.title}</Text>
                        <Badge variant="light" size="sm">
                          {KIND_LABELS[r.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.recurrenceText}, {r.startsAt.slice(11)} ({r.durationMinutes} min)
                      </Table.Td>
                      <Table.Td>{r.owner.name}</Table.Td>
                      <Table.Td>
                        {r.nextOccurrence ? <Link to={`/rituals/occurrences/${r.nextOccurrence.id}`}>{formatInstant(r.nextOccurrence.scheduledAt)}</Link> : '—'}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {r.canEdit && (
                          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(r)} aria-label={`Edit ${r.title}`}>
                            Edit
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ))
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New ritual' : 'Edit ritual'} size="lg">
        {editing !== null && manage?.users && (
          <RitualForm editing={editing === 'new' ? null : editing} teams={myTeams} users={manage.users} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}
