// One coachee (or me): the skill profile with its history, the sessions, the action items and who
// coaches them at what cadence, with a button to start the next session for their coach.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { formatDay } from '../app/format';
import { can } from '../app/permissions';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { useRelationships, useSessions, useSkillProfile } from '../data/coaching/coaching';
import { CadenceBadge } from './CadenceBadge';
import { startSessionPath } from './CoachingPage';
import { FocusPanel } from './FocusPanel';
import { ObjectivesPanel } from './ObjectivesPanel';
import { PersonActionItems } from './PersonActionItems';
import { SessionsTable } from './SessionsTable';
import { SkillProfilePanel } from './SkillProfilePanel';

export function PersonPage() {
  const { userId = '' } = useParams();
  const { user } = useSession();
  const profile = useSkillProfile(userId);
  const relationships = useRelationships({ coacheeId: userId });
  const sessions = useSessions({ coacheeId: userId, limit: 30 });
  if (profile.isPending) return <LoadingState rows={8} label="Loading the coaching record" />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  const person = profile.data.user;
  const me = person.id === user.id;
  const mine = (relationships.data ?? []).find((r) => r.coach.id === user.id);
  const mayStart = !me && (Boolean(mine) || user.role === 'admin');
  // Objectives: anyone who reaches this coachee's coaching (this page answered) and may create coaching
  // records sets them; never the coachee (coaching/objectives.service.ts decides).
  const maySetObjective = !me && can(user.role, 'coaching', 'create');
  return (
    <>
      <PageHeader
        eyebrow={<TextLink to="/coaching">Coaching</TextLink>}
        title={me ? 'My coaching' : `Coaching ${person.name}`}
        description={
          <Group gap="xs" component="span">
            {(relationships.data ?? []).map((r) => (
              <Group key={r.coach.id} gap={6} component="span">
                <Text span size="sm" c="dimmed">
                  {r.coach.id === user.id ? 'You coach' : `${r.coach.name} coaches`} every {r.cadenceDays} days, last{' '}
                  {r.lastHeldAt ? formatDay(r.lastHeldAt) : 'never'}
                </Text>
                <CadenceBadge status={r.status} />
              </Group>
            ))}
          </Group>
        }
        actions={
          mayStart && (
            <Button component={Link} to={startSessionPath(person.id)} leftSection={<IconPlus size={16} aria-hidden />}>
              Start a session
            </Button>
          )
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="focus">
          <Title id="focus" order={2} fz="h4" mb="xs">
            Suggested focus
          </Title>
          <FocusPanel coacheeId={person.id} name={person.name} />
        </section>
        <section aria-labelledby="profile">
          <Title id="profile" order={2} fz="h4" mb="xs">
            Skill profile
          </Title>
          <SkillProfilePanel userId={person.id} />
        </section>
        <section aria-labelledby="objectives">
          <Title id="objectives" order={2} fz="h4" mb="xs">
            Objectives
          </Title>
          <ObjectivesPanel coachee={person} mayWrite={maySetObjective} title={me ? 'My objectives' : `Objectives of ${person.name}`} />
        </section>
        <section aria-labelledby="actions">
          <Title id="actions" order={2} fz="h4" mb="xs">
            Action items
          </Title>
          <PersonActionItems coacheeId={person.id} />
        </section>
        <section aria-labelledby="sessions">
          <Title id="sessions" order={2} fz="h4" mb="xs">
            Sessions
          </Title>
          {sessions.isPending ? (
            <LoadingState rows={3} />
          ) : sessions.isError ? (
            <ErrorState error={sessions.error} />
          ) : (
            <SessionsTable label="Sessions" sessions={sessions.data} show="coach" />
          )}
        </section>
      </Stack>
    </>
  );
}
