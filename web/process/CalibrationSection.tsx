// Gate calibration: does reaching a stage win as often as its probability says, and do deals that
// met a criterion win more often than deals pushed past it?
import { Anchor, Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Calibration } from '../../api/gate-calibration';
import { ColumnHeadings } from '../components/ColumnHeadings';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useCalibration } from '../data/adherence/adherence';
import { calibrationDealsLink, pct, type Scope } from './process-links';

function Gap({ a, b, unit = 'pts' }: { a: number | null; b: number | null; unit?: string }) {
  if (a === null || b === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const gap = Math.round((a - b) * 100);
  return (
    <Badge variant="light" color={Math.abs(gap) < 10 ? 'gray' : gap > 0 ? 'furrow' : 'red'}>
      {gap > 0 ? '+' : ''}
      {gap} {unit}
    </Badge>
  );
}

export function CalibrationSection({ scope }: { scope: Scope }) {
  // Calibration looks at every deal closed so far unless the person narrows it; the period of the
  // adherence figures is usually too short to say anything about winning.
  const params = { pipelineId: scope.pipelineId, ownerId: scope.ownerId, teamId: scope.teamId };
  const query = useCalibration(params);
  if (query.isPending) return <LoadingState rows={4} label="Loading calibration" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const c: Calibration = query.data;
  const link = (text: string, to: string) => (
    <Anchor component={Link} to={to} size="sm">
      {text}
    </Anchor>
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-title">
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="h4" id="calibration-title">
          Gate calibration
        </Title>
        <Text size="sm" c="dimmed">
          {c.closedDeals} deals closed so far, {c.wonDeals} won
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Do the stage probabilities and exit criteria predict winning? Win rates of every deal closed so far (not only in the period above), next to what the
        process assumes.
      </Text>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Caption>Win rate of deals that reached each stage vs its configured probability</Table.Caption>
            <ColumnHeadings labels={['Stage', 'Configured', 'Reached', 'Won', 'Win rate', 'Gap']} />
            <Table.Tbody>
              {c.stages.map((s) => (
                <Table.Tr key={s.stageId}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>{s.probability}%</Table.Td>
                  <Table.Td>{link(String(s.reached), calibrationDealsLink(params, { stageId: s.stageId }))}</Table.Td>
                  <Table.Td>{link(String(s.won), calibrationDealsLink(params, { stageId: s.stageId, outcome: 'won' }))}</Table.Td>
                  <Table.Td>{pct(s.winRate)}</Table.Td>
                  <Table.Td>
                    <Gap a={s.winRate} b={s.reached > 0 ? s.probability / 100 : null} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Caption>Win rate when a criterion was met at every move vs when the deal was pushed past it</Table.Caption>
            <ColumnHeadings labels={['Criterion', 'Met: deals', 'Win rate', 'Not met: deals', 'Win rate if not met', 'Gap']} />
            <Table.Tbody>
              {c.criteria.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" c="dimmed">
                      No exit criteria yet. Define them under Settings → Process.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {c.criteria.map((x) => (
                <Table.Tr key={x.criterionId}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm">{x.label}</Text>
                    <Text size="xs" c="dimmed">
                      {x.stageName}
                      {x.retired ? ' · retired' : ''}
                    </Text>
                  </Table.Th>
                  <Table.Td>{link(String(x.met.deals), calibrationDealsLink(params, { criterionId: x.criterionId, met: true }))}</Table.Td>
                  <Table.Td>{pct(x.met.winRate)}</Table.Td>
                  <Table.Td>{link(String(x.notMet.deals), calibrationDealsLink(params, { criterionId: x.criterionId, met: false }))}</Table.Td>
                  <Table.Td>{pct(x.notMet.winRate)}</Table.Td>
                  <Table.Td>
                    <Gap a={x.met.winRate} b={x.notMet.winRate} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SimpleGrid>
    </Paper>
  );
}
