// Weekly trend of adherence (lines) and of overrides, skips and backward moves (bars), with the
// same figures as a table; each week's numbers open that week's moves.
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AdherenceReport } from '../../api/adherence';
import { formatCalendarDate } from '../app/format';
import { ColumnHeadings } from '../components/ColumnHeadings';
import { DeferredChart } from '../components/DeferredChart';
import { ViewSwitch } from '../components/ViewSwitch';
import { movesLink, pct, type Scope, weekEnd } from './process-links';

const CHART_HEIGHT = 240;

const label = (weekStart: string) => formatCalendarDate(weekStart).replace(/\s\d{4}$/, '');

export function AdherenceTrend({ report, scope, view, onView }: { report: AdherenceReport; scope: Scope; view: string; onView(v: string): void }) {
  const data = report.weeks.map((w) => ({
    week: label(w.weekStart),
    Adherence: w.adherence === null ? null : Math.round(w.adherence * 100),
    'Weighted adherence': w.weightedAdherence === null ? null : Math.round(w.weightedAdherence * 100),
    Overrides: w.overrides,
    'Skipped stages': w.skippedMoves,
    'Backward moves': w.backwardMoves,
  }));
  // A week at the edge of the period opens only its days inside the period.
  const weekScope = (weekStart: string) => ({ from: [weekStart, scope.from].sort()[1] as string, to: [weekEnd(weekStart), scope.to].sort()[0] as string });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="trend-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="trend-title">
          Week by week
        </Title>
        <ViewSwitch view={view === 'table' ? 'table' : 'chart'} onView={onView} />
      </Group>
      {view === 'table' ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing={6}>
            <ColumnHeadings labels={['Week of', 'Moves', 'Adherence', 'Weighted', 'Overrides', 'Skipped', 'Backward', 'Aging', 'No next step']} />
            <Table.Tbody>
              {report.weeks.map((w) => {
                const s = { ...scope, ...weekScope(w.weekStart) };
                const link = (text: string, to: string) => (
                  <Anchor component={Link} to={to} size="sm">
                    {text}
                  </Anchor>
                );
                return (
                  <Table.Tr key={w.weekStart}>
                    <Table.Td>{formatCalendarDate(w.weekStart)}</Table.Td>
                    <Table.Td>{link(String(w.moves), movesLink(s, 'all'))}</Table.Td>
                    <Table.Td>{link(pct(w.adherence), movesLink(s, 'nonAdherent'))}</Table.Td>
                    <Table.Td>{link(pct(w.weightedAdherence), movesLink(s, 'forward'))}</Table.Td>
                    <Table.Td>{link(String(w.overrides), movesLink(s, 'override'))}</Table.Td>
                    <Table.Td>{link(String(w.skippedMoves), movesLink(s, 'skipped'))}</Table.Td>
                    <Table.Td>{link(String(w.backwardMoves), movesLink(s, 'backward'))}</Table.Td>
                    <Table.Td>{w.agingDeals}</Table.Td>
                    <Table.Td>{w.noNextStepDeals}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Adherence per week (%, moves that met every criterion without override or skip)
            </Text>
            <DeferredChart height={CHART_HEIGHT} label="Adherence per week">
              <LineChart
                h={CHART_HEIGHT}
                data={data}
                dataKey="week"
                series={[
                  { name: 'Adherence', color: 'furrow.6' },
                  { name: 'Weighted adherence', color: 'blue.6', strokeDasharray: '5 5' },
                ]}
                unit="%"
                yAxisProps={{ domain: [0, 100] }}
                withLegend
                connectNulls
              />
            </DeferredChart>
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Moves against the process per week (count)
            </Text>
            <DeferredChart height={CHART_HEIGHT} label="Moves against the process per week">
              <BarChart
                h={CHART_HEIGHT}
                type="stacked"
                data={data}
                dataKey="week"
                series={[
                  { name: 'Overrides', color: 'orange.6' },
                  { name: 'Skipped stages', color: 'grape.6' },
                  { name: 'Backward moves', color: 'gray.6' },
                ]}
                withLegend
              />
            </DeferredChart>
          </div>
        </SimpleGrid>
      )}
    </Paper>
  );
}
