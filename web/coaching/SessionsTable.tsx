// Sessions of one coachee (or of me), newest first: when, with whom, held or not, skills worked on,
// open actions. A row opens the session.
import { Badge, Paper, Table, Text } from '@mantine/core';
import type { CoachingSession } from '../../api/coaching-sessions';
import { formatDay } from '../app/format';
import { TextLink } from '../components/TextLink';
import { useSkillModel } from '../data/coaching/coaching';

export function SessionsTable({ sessions, label, show }: { sessions: CoachingSession[]; label: string; show: 'coach' | 'coachee' }) {
  const model = useSkillModel();
  const skillName = (key: string) => model.data?.skills.find((s) => s.key === key)?.name ?? key;
  if (sessions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No sessions yet.
      </Text>
    );
  const now = Date.now();
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={label} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>{show === 'coach' ? 'Coach' : 'Coachee'}</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Skills worked on</Table.Th>
              <Table.Th>Open actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => {
              const when = s.heldAt ?? s.scheduledAt;
              const open = s.actionItems.filter((i) => i.completedAt === null).length;
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <TextLink to={`/coaching/sessions/${s.id}`}>{formatDay(when)}</TextLink>
                  </Table.Td>
                  <Table.Td>{show === 'coach' ? s.coach.name : s.coachee.name}</Table.Td>
                  <Table.Td>
                    {s.heldAt ? (
                      <Badge variant="light" color="furrow" tt="none">
                        Held
                      </Badge>
                    ) : Date.parse(s.scheduledAt) < now ? (
                      <Badge variant="light" color="red" tt="none">
                        Not held
                      </Badge>
                    ) : (
                      <Badge variant="light" color="blue" tt="none">
                        Scheduled
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.skillKeys.map(skillName).join(', ') || '—'}</Text>
                  </Table.Td>
                  <Table.Td>{open}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
