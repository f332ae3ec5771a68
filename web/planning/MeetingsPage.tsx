// The rep's (or the team's) meetings of the next 7 days with the state of their plans, and the
// reminders to practise before a meeting the rep is not ready for.
import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MeetingType } from '../../api/call-plans';
import type { PlannedMeeting } from '../../api/planned-meetings';
import { formatInstant } from '../app/format';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { createCallPlan, refreshPlanning, usePlannedMeetings } from '../data/planning/planning';
import { useWrite } from '../data/write';

const STATUS_COLOR = { draft: 'gray', ready: 'blue', reviewed: 'green' } as const;
export const MEETING_TYPE_OPTIONS = [
  { value: 'discovery', label: 'Discovery' },
  { value: 'demo', label: 'Demo' },
  { value: 'pricing', label: 'Pricing' },
  { value: 'executive', label: 'Executive' },
];

export function PlanStatusBadge({ status }: { status: PlannedMeeting['planStatus'] }) {
  if (!status)
    return (
      <Badge color="orange" variant="light">
        No plan
      </Badge>
    );
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {status}
    </Badge>
  );
}

/** "Plan it": a meeting type, then the editor opens on the new plan. */
export function PlanButton({ activityId }: { activityId: string }) {
  const [type, setType] = useState<string | null>('discovery');
  const navigate = useNavigate();
  const create = useWrite({
    request: () => createCallPlan({ activityId, meetingType: type as MeetingType }),
    refresh: refreshPlanning,
    onSuccess: (plan) => navigate(`/plans/${plan.id}`),
    inline: true,
  });
  return (
    <Group gap={6} wrap="nowrap">
      <Select aria-label="Meeting type" size="xs" w={130} data={MEETING_TYPE_OPTIONS} value={type} onChange={setType} allowDeselect={false} />
      <Button size="xs" onClick={() => create.save(undefined)} loading={create.pending}>
        Plan it
      </Button>
      {create.problem && (
        <Text size="xs" c="red">
          {create.problem}
        </Text>
      )}
    </Group>
  );
}

export function MeetingsPage() {
  const meetings = usePlannedMeetings();
  return (
    <>
      <PageHeader
        title="This week's meetings"
        description="Meetings of the next 7 days and their call plans. Plan each one, have it reviewed, debrief afterwards."
      />
      {meetings.isPending ? (
        <LoadingState />
      ) : meetings.error ? (
        <ErrorState error={meetings.error} />
      ) : meetings.data.length === 0 ? (
        <EmptyHint title="No meetings in the next 7 days" description="Schedule a meeting on a deal (Activities → meeting) and plan it here." />
      ) : (
        <Table striped highlightOnHover aria-label="Meetings this week">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Meeting</Table.Th>
              <Table.Th>Deal</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Next</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meetings.data.map((m) => (
              <Table.Tr key={m.activityId}>
                <Table.Td>{formatInstant(m.at)}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm">{m.subject}</Text>
                    {m.reminders.map((r) => (
                      <Alert key={r} color="orange" p={6} variant="light">
                        <Text size="xs">{r}</Text>
                      </Alert>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>{m.dealId ? <TextLink to={`/deals/${m.dealId}`}>{m.dealName}</TextLink> : '—'}</Table.Td>
                <Table.Td>{m.ownerName}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <PlanStatusBadge status={m.planStatus} />
                    {m.qualityScore !== null && (
                      <Text size="xs" c="dimmed">
                        quality {m.qualityScore}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {m.planId ? (
                    <TextLink to={`/plans/${m.planId}`}>Open plan</TextLink>
                  ) : m.dealId ? (
                    <PlanButton activityId={m.activityId} />
                  ) : (
                    'Link a deal to plan it'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
