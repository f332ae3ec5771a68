// The Coaching page: the people I coach (cadence, last and next session, overdue actions, a button
// to start a session), my own coach (sessions, my actions, my skill profile) and, for the CSO and
// admins, the cadence across the organisation: who is coaching and who is not.
import { Button, Paper, Stack, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { FocusSummary } from '../../api/coaching-focus';
import type { CoachingRelationship } from '../../api/coaching-relationships';
import { formatDay, plural } from '../app/format';
import { useSession } from '../app/session';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { useActionItems, useRelationships, useTopFocus } from '../data/coaching/coaching';
import { ActionItemsTable } from './ActionItemsTable';
import { CADENCE_ORDER, CadenceBadge } from './CadenceBadge';
import { LEVER_LABEL } from './FocusPanel';
import { MyCoach } from './MyCoach';
import { OrgCadence } from './OrgCadence';
import { SkillModelEditor } from './SkillModelEditor';

const byNeed = (a: CoachingRelationship, b: CoachingRelationship) =>
  CADENCE_ORDER[a.status] - CADENCE_ORDER[b.status] || a.dueAt.localeCompare(b.dueAt) || a.coachee.name.localeCompare(b.coachee.name);

export function startSessionPath(coacheeId: string): string {
  return `/coaching/sessions/new?coachee=${encodeURIComponent(coacheeId)}`;
}

/** The coachee's top lever, or why there is none: the person page has the figures behind it. */
function TopFocus({ focus }: { focus: { isPending: boolean; isError: boolean; data: FocusSummary | undefined } }) {
  if (focus.isPending)
    return (
      <Text size="sm" c="dimmed">
        …
      </Text>
    );
  if (focus.isError || !focus.data)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const top = focus.data.top;
  if (top) return <Text size="sm">{top.lever === 'stage_conversion' ? `Conversion at ${top.stageName}` : LEVER_LABEL[top.lever]}</Text>;
  return (
    <Text size="sm" c="dimmed">
      {focus.data.insufficient.length > 0 ? 'too little data' : 'no gap to the team'}
    </Text>
  );
}

function PeopleICoach() {
  const { user } = useSession();
  const relationships = useRelationships({ coachId: user.id });
  const items = useActionItems({ open: true });
  // One request for every row's focus (the list asked once per coachee before).
  const focus = useTopFocus((relationships.data ?? []).map((r) => r.coachee.id));
  if (relationships.isPending) return <LoadingState rows={4} label="Loading the people you coach" />;
  if (relationships.isError) return <ErrorState error={relationships.error} onRetry={() => relationships.refetch()} />;
  const rows = [...relationships.data].sort(byNeed);
  if (rows.length === 0)
    return (
      <EmptyHint title="No one to coach yet" description="A team's manager coaches its members; an admin adds an outside coach under Coaching › Org cadence." />
    );
  const overdueOf = (coacheeId: string) => (items.data ?? []).filter((i) => i.coachee.id === coacheeId && i.overdue).length;
  const kept = rows.filter((r) => r.status === 'kept' || r.status === 'due_soon').length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Cadence kept with {kept} of {plural(rows.length, 'person', 'people')}. Overdue first.
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={880}>
          <Table aria-label="People I coach" verticalSpacing={8}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Coachee</Table.Th>
                <Table.Th>Cadence</Table.Th>
                <Table.Th>Suggested focus</Table.Th>
                <Table.Th>Last session</Table.Th>
                <Table.Th>Next session</Table.Th>
                <Table.Th>Overdue actions</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Start a session</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const overdue = overdueOf(r.coachee.id);
                return (
                  <Table.Tr key={`${r.coach.id}-${r.coachee.id}`}>
                    <Table.Td>
                      <TextLink to={`/coaching/people/${r.coachee.id}`}>{r.coachee.name}</TextLink>
                      <Text size="xs" c="dimmed">
                        every {r.cadenceDays} days
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CadenceBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>
                      <TopFocus focus={{ isPending: focus.isPending, isError: focus.isError, data: focus.data?.get(r.coachee.id) }} />
                    </Table.Td>
                    <Table.Td>{r.lastHeldAt ? formatDay(r.lastHeldAt) : 'never'}</Table.Td>
                    <Table.Td>{r.nextScheduledAt ? formatDay(r.nextScheduledAt) : `due ${formatDay(r.dueAt)}`}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={overdue > 0 ? 'red.9' : undefined} fw={overdue > 0 ? 600 : undefined}>
                        {overdue}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={startSessionPath(r.coachee.id)}
                        leftSection={<IconPlus size={14} aria-hidden />}
                        aria-label={`Start a session with ${r.coachee.name}`}
                      >
                        Session
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Title order={2} fz="h4" mt="md">
        Open action items of the people I coach
      </Title>
      {items.isError ? (
        <ErrorState error={items.error} />
      ) : (
        <ActionItemsTable
          label="Open action items of the people I coach"
          showCoachee
          items={(items.data ?? []).filter((i) => i.coach.id === user.id && i.coachee.id !== user.id)}
        />
      )}
    </Stack>
  );
}

type Tab = 'coachees' | 'me' | 'org' | 'skills';

export function CoachingPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const coaches = user.role !== 'rep';
  const isCoached = user.role !== 'coach';
  const seesOrg = user.role === 'admin';
  const tabs: { value: Tab; label: string }[] = [
    ...(coaches ? [{ value: 'coachees' as const, label: 'People I coach' }] : []),
    ...(isCoached ? [{ value: 'me' as const, label: 'My coach' }] : []),
    ...(seesOrg ? [{ value: 'org' as const, label: 'Org cadence' }] : []),
    ...(seesOrg ? [{ value: 'skills' as const, label: 'Skill model' }] : []),
  ];
  const asked = params.get('tab') as Tab | null;
  const tab = tabs.find((t) => t.value === asked)?.value ?? (tabs[0]?.value as Tab);
  return (
    <>
      <PageHeader
        title="Coaching"
        description={
          user.role === 'rep'
            ? 'Your sessions with your coach, what you agreed to do, and how your skills develop.'
            : 'Who you coach and whether the cadence is kept, what is overdue, and your own coaching.'
        }
      />
      <Tabs value={tab} onChange={(value) => setParams(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        {tabs.length > 1 && (
          <Tabs.List mb="md">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        )}
        <Tabs.Panel value="coachees">
          <PeopleICoach />
        </Tabs.Panel>
        <Tabs.Panel value="me">
          <MyCoach />
        </Tabs.Panel>
        <Tabs.Panel value="org">
          <OrgCadence />
        </Tabs.Panel>
        <Tabs.Panel value="skills">
          <SkillModelEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
