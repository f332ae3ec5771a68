// My own coaching: who coaches me and whether the cadence is kept, the objectives my coach set (read
// only, with their verified effect), my sessions with their shared notes, the action items I agreed
// to, and my skill profile.
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDay } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { TextLink } from '../components/TextLink';
import { useActionItems, useRelationships, useSessions } from '../data/coaching/coaching';
import { ActionItemsTable } from './ActionItemsTable';
import { CadenceBadge } from './CadenceBadge';
import { ObjectivesPanel } from './ObjectivesPanel';
import { SessionsTable } from './SessionsTable';
import { SkillProfilePanel } from './SkillProfilePanel';

export function MyCoach() {
  const { user } = useSession();
  const coaches = useRelationships({ coacheeId: user.id });
  const sessions = useSessions({ coacheeId: user.id, limit: 20 });
  const items = useActionItems({ coacheeId: user.id });
  return (
    <Stack gap="lg">
      <section aria-labelledby="my-coaches">
        <Title id="my-coaches" order={2} fz="h4" mb="xs">
          Who coaches me
        </Title>
        {coaches.isPending ? (
          <LoadingState rows={1} />
        ) : coaches.isError ? (
          <ErrorState error={coaches.error} onRetry={() => coaches.refetch()} />
        ) : coaches.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No one coaches you in Furrow yet. An admin can give you a coach.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {coaches.data.map((r) => (
              <Paper key={r.coach.id} withBorder radius="md" p="md">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Text fw={600}>{r.coach.name}</Text>
                    <Text size="xs" c="dimmed">
                      every {r.cadenceDays} days · last {r.lastHeldAt ? formatDay(r.lastHeldAt) : 'never'}
                      {r.nextScheduledAt ? ` · next ${formatDay(r.nextScheduledAt)}` : ''}
                    </Text>
                  </div>
                  <CadenceBadge status={r.status} />
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </section>
      <section aria-labelledby="my-objectives">
        <Title id="my-objectives" order={2} fz="h4" mb="xs">
          My objectives
        </Title>
        <ObjectivesPanel coachee={user} mayWrite={false} title="My objectives" />
      </section>
      <section aria-labelledby="my-actions">
        <Title id="my-actions" order={2} fz="h4" mb="xs">
          My action items
        </Title>
        {items.isPending ? (
          <LoadingState rows={2} />
        ) : items.isError ? (
          <ErrorState error={items.error} />
        ) : (
          <ActionItemsTable
            label="My action items"
            items={[...items.data].sort((a, b) => Number(a.completedAt !== null) - Number(b.completedAt !== null)).slice(0, 20)}
          />
        )}
      </section>
      <section aria-labelledby="my-sessions">
        <Title id="my-sessions" order={2} fz="h4" mb="xs">
          My sessions
        </Title>
        {sessions.isPending ? (
          <LoadingState rows={3} />
        ) : sessions.isError ? (
          <ErrorState error={sessions.error} />
        ) : (
          <SessionsTable label="My sessions" sessions={sessions.data} show="coach" />
        )}
      </section>
      <section aria-labelledby="my-profile">
        <Group justify="space-between" mb="xs">
          <Title id="my-profile" order={2} fz="h4">
            My skill profile
          </Title>
          <TextLink to={`/coaching/people/${user.id}`}>History and details</TextLink>
        </Group>
        <SkillProfilePanel userId={user.id} compact />
      </section>
    </Stack>
  );
}
