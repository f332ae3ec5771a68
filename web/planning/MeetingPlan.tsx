// A meeting's call plan where the meeting is opened (the activity form): its status, quality and a
// link to it, or "Plan it" when the meeting is on a deal and has none yet.
import { Group, Paper, Text } from '@mantine/core';
import { TextLink } from '../components/TextLink';
import { useMeetingPlans } from '../data/planning/planning';
import { PlanButton, PlanStatusBadge } from './MeetingsPage';

export function MeetingPlan({ activityId, onDeal }: { activityId: string; onDeal: boolean }) {
  const plans = useMeetingPlans(activityId);
  const plan = plans.data?.[0];
  // A role that cannot read plans (marketing) sees no plan section rather than an invitation to plan.
  if (plans.error) return null;
  return (
    <Paper withBorder p="xs" aria-label="Call plan of this meeting" role="group">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Call plan
        </Text>
        {plans.isPending ? (
          <Text size="sm" c="dimmed">
            Loading…
          </Text>
        ) : plan ? (
          <>
            <PlanStatusBadge status={plan.status} />
            <Text size="xs" c="dimmed">
              quality {plan.quality.score}
            </Text>
            <TextLink to={`/plans/${plan.id}`}>Open plan</TextLink>
          </>
        ) : onDeal ? (
          <>
            <PlanStatusBadge status={null} />
            <PlanButton activityId={activityId} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Link a deal to plan this meeting
          </Text>
        )}
      </Group>
    </Paper>
  );
}
