// The deal page's call plans: every plan of the deal with its state, and upcoming meetings to plan.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatInstant } from '../app/format';
import { TextLink } from '../components/TextLink';
import { useDealPlannedMeetings, useDealPlans } from '../data/planning/planning';
import { PlanButton, PlanStatusBadge } from './MeetingsPage';

export function DealPlans({ dealId }: { dealId: string }) {
  const plans = useDealPlans(dealId);
  const upcoming = useDealPlannedMeetings(dealId);
  const toPlan = (upcoming.data ?? []).filter((m) => m.planId === null);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} fz="h5">
          Call plans
        </Title>
        {(plans.data ?? []).map((p) => (
          <Group key={p.id} gap="xs">
            <TextLink to={`/plans/${p.id}`}>{p.meetingSubject}</TextLink>
            <Text size="xs" c="dimmed">
              {formatInstant(p.meetingAt)} · quality {p.quality.score}
            </Text>
            <PlanStatusBadge status={p.status} />
            {p.debrief && (
              <Text size="xs" c={p.debrief.commitmentSecured ? 'green' : 'orange'}>
                {p.debrief.commitmentSecured ? 'commitment secured' : 'commitment not secured'}
              </Text>
            )}
          </Group>
        ))}
        {toPlan.map((m) => (
          <Group key={m.activityId} gap="xs">
            <Text size="sm">
              {m.subject} · {formatInstant(m.at)}
            </Text>
            <PlanButton activityId={m.activityId} />
          </Group>
        ))}
        {plans.data?.length === 0 && toPlan.length === 0 && (
          <Text size="sm" c="dimmed">
            No call plans yet. Schedule a meeting on this deal to plan it.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
