// The deal page's call plans: every plan of the deal with its state, and upcoming meetings to plan.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CallPlan } from '../../api/call-plans';
import type { PlannedMeeting } from '../../api/planned-meetings';
import { api } from '../app/api';
import { formatInstant } from '../app/format';
import { TextLink } from '../components/TextLink';
import { PlanButton, PlanStatusBadge } from './MeetingsPage';

export function DealPlans({ dealId }: { dealId: string }) {
  const plans = useQuery({ queryKey: ['call-plans', 'deal', dealId], queryFn: () => api.get<{ items: CallPlan[] }>('/api/v1/call-plans', { dealId }) });
  const upcoming = useQuery({
    queryKey: ['planned-meetings', 'deal', dealId],
    queryFn: () => {
      const from = new Date().toISOString();
      const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
      return api.get<{ items: PlannedMeeting[] }>('/api/v1/planned-meetings', { from, to });
    },
  });
  const toPlan = (upcoming.data?.items ?? []).filter((m) => m.dealId === dealId && m.planId === null);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} fz="h5">
          Call plans
        </Title>
        {(plans.data?.items ?? []).map((p) => (
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
        {plans.data?.items.length === 0 && toPlan.length === 0 && (
          <Text size="sm" c="dimmed">
            No call plans yet. Schedule a meeting on this deal to plan it.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
