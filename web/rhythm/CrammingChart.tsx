// Cramming by quarter: the share of won value closed in each quarter's last 14 days, quarter by
// quarter over three fiscal years, one line per scope (the organisation and its teams), with the
// even-spread level as a reference. The table beside it holds the same figures.
import { LineChart } from '@mantine/charts';
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CrammingByQuarter } from '../../api/discipline';
import { ViewSwitch } from '../components/ViewSwitch';
import { percent } from './year-format';

const COLORS = ['furrow.7', 'blue.6', 'orange.6', 'grape.6', 'teal.6', 'red.6'];
/** "Q3 FY2026" → "Q3 '26". */
const quarterLabel = (label: string) => label.replace(/ FY\d{2}(\d{2})$/, " '$1");

export function CrammingChart({ cramming }: { cramming: CrammingByQuarter }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const quarters = cramming.scopes[0]?.quarters ?? [];
  const data = quarters.map((q, i) => ({
    quarter: quarterLabel(q.period.label),
    ...Object.fromEntries(
      cramming.scopes.map((s) => [
        s.name,
        s.quarters[i]?.value === null || s.quarters[i]?.value === undefined ? null : Math.round((s.quarters[i]?.value as number) * 100),
      ]),
    ),
  }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Cramming by quarter">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h4">
              Cramming by quarter
            </Title>
            <Text size="sm" c="dimmed">
              {cramming.formula} (%). Lower is steadier; the grey line is an even spread.
            </Text>
          </div>
          <ViewSwitch view={view} onView={setView} label="Show cramming as" />
        </Group>
        {view === 'chart' ? (
          <LineChart
            h={240}
            data={data}
            dataKey="quarter"
            series={cramming.scopes.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] as string }))}
            valueFormatter={(v) => `${v} %`}
            yAxisLabel="% of won value"
            yAxisProps={{ width: 56, domain: [0, 100] }}
            connectNulls={false}
            curveType="linear"
            withLegend
            referenceLines={[{ y: 15, color: 'gray.6', label: 'even spread' }]}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} striped aria-label="Cramming index by quarter">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Quarter</Table.Th>
                  {cramming.scopes.map((s) => (
                    <Table.Th key={s.id} scope="col" style={{ textAlign: 'right' }}>
                      {s.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {quarters.map((q, i) => (
                  <Table.Tr key={q.period.key}>
                    <Table.Td>{q.period.label}</Table.Td>
                    {cramming.scopes.map((s) => (
                      <Table.Td key={s.id} style={{ textAlign: 'right' }}>
                        {percent(s.quarters[i]?.value)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {cramming.notes.length > 0 && (
          <Text size="xs" c="dimmed">
            {cramming.notes.join(' ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
