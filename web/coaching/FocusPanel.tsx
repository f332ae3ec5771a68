// Suggested focus from the numbers: the coachee's velocity levers against their team's, the gaps
// ranked by what closing each would add, with the formula, the inputs, the skills each maps to and a
// link to the records behind the figure. The server decides what is too little data; this shows its
// reasons rather than an empty list, so "nothing to suggest" and "cannot tell yet" read differently.
import { Badge, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import type { FocusSuggestions } from '../../api/coaching-focus';
import { formatCalendarDate, formatMoney } from '../app/format';
import { can } from '../app/permissions';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { TextLink } from '../components/TextLink';
import { useFocus, useSkillModel } from '../data/coaching/coaching';
import { kpiLink } from '../measurement/kpi-links';

type Lever = FocusSuggestions['suggestions'][number]['lever'];

export const LEVER_LABEL: Record<Lever, string> = {
  opportunities: 'Open qualified deals',
  win_rate: 'Win rate',
  deal_size: 'Average deal size',
  cycle: 'Sales cycle',
  stage_conversion: 'Stage conversion',
  time_in_stage: 'Time in stage',
  activity_volume: 'Activity volume',
  process_adherence: 'Process adherence',
};

/** A lever's figure in its own unit: shares in per cent, money in the workspace currency, cycle in days. */
export function leverFigure(lever: Lever, value: number | null, currency: string): string {
  if (value === null) return '—';
  switch (lever) {
    case 'win_rate':
    case 'stage_conversion':
      return `${(value * 100).toFixed(1)}%`;
    case 'deal_size':
      return formatMoney(Math.round(value), currency);
    case 'cycle':
      return `${value.toFixed(1)} days`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

// Whole currency units: cents of a per-day estimate are noise.
type DriverKpi = FocusSuggestions['drivers'][number]['kpiId'];

function driverFigure(kpiId: DriverKpi, value: number | null): string {
  if (value === null) return '—';
  if (kpiId === 'process_adherence') return `${(value * 100).toFixed(1)}%`;
  if (kpiId === 'time_in_stage') return `${value.toFixed(1)} days`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

const perDay = (minor: number, currency: string) => `${formatMoney(Math.round(minor / 100) * 100, currency)}/day`;

export function FocusPanel({ coacheeId, name }: { coacheeId: string; name: string }) {
  const { user } = useSession();
  const focus = useFocus(coacheeId);
  const model = useSkillModel();
  if (focus.isPending) return <LoadingState rows={4} label="Comparing the funnel with the team" />;
  if (focus.isError) return <ErrorState error={focus.error} onRetry={() => focus.refetch()} />;
  const f = focus.data;
  const skillName = (key: string) => model.data?.skills.find((s) => s.key === key)?.name ?? key;
  // An outside coach reads the figures, not the deals behind them (the records answer 403).
  const readsDeals = can(user.role, 'deals', 'read');
  const window = { scope: 'rep' as const, scopeId: coacheeId, from: f.from, to: f.to };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {formatCalendarDate(f.from)} – {formatCalendarDate(f.to)} against {f.benchmark.label} ({f.benchmark.people} people). {f.formula}.{' '}
        {f.velocity === null ? 'Velocity: too little data.' : `${name}'s velocity: ${perDay(f.velocity, f.currency)}.`}
      </Text>
      {f.suggestions.length > 0 ? (
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Suggested focus for ${name}`}>
          {f.suggestions.slice(0, 3).map((s, i) => {
            const title = s.lever === 'stage_conversion' ? `Conversion at ${s.stageName}` : LEVER_LABEL[s.lever];
            return (
              <Paper component="li" key={`${s.lever}-${s.stageId ?? ''}`} withBorder radius="md" p="sm" aria-label={`${i + 1}. ${title}`}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>
                    {i + 1}. {title}
                  </Text>
                  <Text size="sm" fw={600} c="furrow.8">
                    +{perDay(s.effect, f.currency)} if closed to the team
                  </Text>
                </Group>
                <Text size="sm">{s.explanation}</Text>
                <Text size="xs" c="dimmed">
                  Model: {s.model}
                </Text>
                <Group gap="xs" mt={4}>
                  <Text size="xs" c="dimmed">
                    Skills:
                  </Text>
                  {s.skillKeys.map((k) => (
                    <Badge key={k} variant="light" tt="none">
                      {skillName(k)}
                    </Badge>
                  ))}
                  {readsDeals && (
                    <TextLink to={kpiLink(s.kpiId, window, { stageId: s.stageId ?? undefined })} size="sm">
                      The {s.records} records behind {name}'s figure
                    </TextLink>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      ) : (
        f.insufficient.length === 0 && (
          <Text size="sm">
            {name} trails {f.benchmark.label} on no lever: nothing to suggest from the numbers.
          </Text>
        )
      )}
      {f.insufficient.length > 0 && (
        <Paper withBorder radius="md" p="sm" aria-label="Too little data">
          <Text size="sm" fw={600}>
            Too little data to judge
          </Text>
          <List size="sm">
            {f.insufficient.map((x) => (
              <List.Item key={`${x.lever}-${x.stageName ?? ''}`}>
                {x.stageName ? `Conversion at ${x.stageName}` : LEVER_LABEL[x.lever]}: {x.reason}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Paper withBorder radius="md">
        <Table aria-label={`Velocity inputs of ${name}`} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lever</Table.Th>
              <Table.Th>{name}</Table.Th>
              <Table.Th>{f.benchmark.label}</Table.Th>
              <Table.Th>Records</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.inputs.map((x) => (
              <Table.Tr key={x.lever}>
                <Table.Td>{LEVER_LABEL[x.lever]}</Table.Td>
                <Table.Td>{leverFigure(x.lever, x.person, f.currency)}</Table.Td>
                <Table.Td>
                  {leverFigure(x.lever, x.benchmark, f.currency)}
                  {x.lever === 'opportunities' && x.benchmark !== null ? ' per person' : ''}
                </Table.Td>
                <Table.Td>{x.records}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {f.drivers.length > 0 && (
        <Paper withBorder radius="md">
          <Table aria-label={`Other drivers of ${name}`} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Other drivers</Table.Th>
                <Table.Th>{name}</Table.Th>
                <Table.Th>{f.benchmark.label}</Table.Th>
                <Table.Th>Compared</Table.Th>
                <Table.Th>Velocity effect</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.drivers.map((d) => (
                <Table.Tr key={d.kpiId}>
                  <Table.Td>{LEVER_LABEL[d.kpiId]}</Table.Td>
                  <Table.Td>{driverFigure(d.kpiId, d.person)}</Table.Td>
                  <Table.Td>
                    {driverFigure(d.kpiId, d.benchmark)}
                    {d.kpiId === 'activity_volume' && d.benchmark !== null ? ' per person' : ''}
                  </Table.Td>
                  <Table.Td>
                    {d.insufficient ? (
                      <Text size="sm" c="dimmed">
                        too little data: {d.insufficient}
                      </Text>
                    ) : d.trails ? (
                      <Text size="sm">trails the team · {d.skillKeys.map(skillName).join(', ')}</Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        at or above the team
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {d.effect !== null ? (
                      <Text size="sm">+{perDay(d.effect, f.currency)}</Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {d.effectNote}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
