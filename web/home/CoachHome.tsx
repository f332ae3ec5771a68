// An outside coach sees coaching only: their coachees and whether each relationship's cadence is
// kept. The seller Home would call deal APIs a coach may not read.
import { Badge, Paper, Table, Text } from '@mantine/core';
import type { CadenceStatus } from '../../api/coaching-relationships';
import { formatDay } from '../app/format';
import { useSession } from '../app/session';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useRelationships } from '../data/coaching/coaching';

const STATUS: Record<CadenceStatus, { label: string; color: string }> = {
  kept: { label: 'Cadence kept', color: 'furrow' },
  due_soon: { label: 'Due soon', color: 'yellow' },
  overdue: { label: 'Overdue', color: 'red' },
  never: { label: 'No session yet', color: 'gray.8' },
};

export function CoachHome() {
  const { user } = useSession();
  // Through the coaching data layer: its key is refreshed by every coaching write (a held session).
  const relationships = useRelationships({ coachId: user.id });
  return (
    <>
      <PageHeader title="Your coachees this week" description="Each person you coach, the cadence you agreed and when the next session is due." />
      {relationships.isPending ? (
        <LoadingState />
      ) : relationships.isError ? (
        <ErrorState error={relationships.error} />
      ) : relationships.data.length === 0 ? (
        <EmptyHint title="No coachees yet" description="No one is assigned to you for coaching yet. An admin adds coaching relationships." />
      ) : (
        <Paper withBorder radius="md">
          <Table aria-label="Coachees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Coachee</Table.Th>
                <Table.Th>Cadence</Table.Th>
                <Table.Th>Last session</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {relationships.data.map((r) => (
                <Table.Tr key={`${r.coach.id}-${r.coachee.id}`}>
                  <Table.Td>
                    <Text size="sm">{r.coachee.name}</Text>
                  </Table.Td>
                  <Table.Td>every {r.cadenceDays} days</Table.Td>
                  <Table.Td>{formatDay(r.lastHeldAt)}</Table.Td>
                  <Table.Td>{formatDay(r.dueAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS[r.status].color} variant="light">
                      {STATUS[r.status].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
