// The bookings curve inside each quarter of the year: the share of the quarter's won value booked by
// the end of each week, one line per quarter, with the even spread as a straight line. A steady
// quarter follows the diagonal; a crammed one stays low and jumps in its last weeks (the cramming
// index puts that in one number, this shows where). The table beside it holds the same figures.
import { LineChart } from '@mantine/charts';
import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CrammingByQuarter } from '../../api/discipline';
import { ViewSwitch } from '../components/ViewSwitch';
import { percent } from './year-format';

const COLORS = ['blue.6', 'orange.6', 'grape.6', 'teal.6'];
const EVEN = 'Even spread';
/** "Q3 FY2026" → "Q3". */
const quarterName = (label: string) => label.replace(/ FY\d{4}$/, '');

export function BookingsCurve({ cramming }: { cramming: CrammingByQuarter }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [scopeId, setScopeId] = useState<string | null>(cramming.scopes[0]?.id ?? null);
  const scope = cramming.scopes.find((s) => s.id === scopeId) ?? cramming.scopes[0];
  const curves = scope?.curves ?? [];
  const weeks = Math.max(0, ...curves.map((c) => c.weeks.length));
  const data = Array.from({ length: weeks }, (_, i) => {
    // The even spread at the end of week i of a 13-week quarter (its last, shorter step ends at 100 %).
    const even = Math.min(100, Math.round(((i + 1) * 7 * 100) / 91));
    return {
      week: `W${i + 1}`,
      [EVEN]: even,
      ...Object.fromEntries(
        curves.map((c) => {
          const share = c.weeks[i]?.cumulativeShare;
          return [quarterName(c.period.label), share === null || share === undefined ? null : Math.round(share * 100)];
        }),
      ),
    };
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Bookings inside each quarter">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h4">
              Bookings inside each quarter — {cramming.year.label}
            </Title>
            <Text size="sm" c="dimmed">
              Share of the quarter’s won value booked by the end of each week (close dates, {cramming.currency}). The grey line is an even spread; a curve that
              hugs the floor and jumps at the end is a crammed quarter. A quarter in progress is drawn up to this week.
            </Text>
          </div>
          <Group gap="xs">
            {cramming.scopes.length > 1 && (
              <Select
                size="xs"
                aria-label="Bookings curve of"
                data={cramming.scopes.map((s) => ({ value: s.id, label: s.name }))}
                value={scope?.id ?? null}
                onChange={setScopeId}
                allowDeselect={false}
                w={180}
              />
            )}
            <ViewSwitch view={view} onView={setView} label="Show the bookings curve as" />
          </Group>
        </Group>
        {curves.every((c) => c.weeks.every((w) => w.cumulativeShare === null)) ? (
          <Text size="sm" c="dimmed">
            Nothing was won in {cramming.year.label} in this scope yet.
          </Text>
        ) : view === 'chart' ? (
          <LineChart
            h={240}
            data={data}
            dataKey="week"
            series={[
              ...curves.map((c, i) => ({ name: quarterName(c.period.label), color: COLORS[i % COLORS.length] as string })),
              { name: EVEN, color: 'gray.5', strokeDasharray: '4 4' },
            ]}
            valueFormatter={(v) => `${v} %`}
            yAxisLabel="% of the quarter's won value"
            yAxisProps={{ width: 56, domain: [0, 100] }}
            connectNulls={false}
            curveType="linear"
            withLegend
          />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} striped aria-label={`Bookings inside each quarter of ${scope?.name ?? ''}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Week</Table.Th>
                  {curves.map((c) => (
                    <Table.Th key={c.period.key} scope="col" style={{ textAlign: 'right' }}>
                      {quarterName(c.period.label)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Array.from({ length: weeks }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the week of the quarter is the row's identity
                  <Table.Tr key={i}>
                    <Table.Th scope="row">Week {i + 1}</Table.Th>
                    {curves.map((c) => (
                      <Table.Td key={c.period.key} style={{ textAlign: 'right' }}>
                        {c.weeks[i] ? percent(c.weeks[i]?.cumulativeShare) : ''}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
