// One plan's year as a month strip: pipeline to plant against pipeline planted, each month; months
// behind are marked (still fixable or too late), and the last month whose planting can close inside
// the year is drawn as a line. The same figures as a table beside it.
import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { HarvestMonth, HarvestRow } from '../../api/harvest';
import { formatMoney } from '../app/format';
import { ViewSwitch } from '../components/ViewSwitch';
import { count, shortLabel } from './year-format';

function monthStatus(m: HarvestMonth, lastUsefulKey: string | null) {
  if (m.behind && m.fixable)
    return (
      <Badge color="orange" variant="light">
        Behind — fixable
      </Badge>
    );
  if (m.behind)
    return (
      <Badge color="red" variant="light">
        Behind — too late
      </Badge>
    );
  if (!m.useful)
    return (
      <Badge color="gray" variant="outline">
        Too late to close this year
      </Badge>
    );
  if (m.state === 'ahead') return m.key === lastUsefulKey ? <Badge variant="outline">Last useful month</Badge> : null;
  return (
    <Badge color="green" variant="light">
      On track
    </Badge>
  );
}

export function HarvestStrip({ row, currency, mqlNote }: { row: HarvestRow; currency: string; mqlNote: string | null }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const plan = row.plan;
  if (!plan) return null;
  const money = (v: number | null) => (v === null ? '—' : formatMoney(Math.round(v), currency, { compact: true }));
  const lastUseful = plan.months.find((m) => m.key === plan.lastUsefulKey);
  const data = plan.months.map((m) => ({
    month: `${shortLabel(m.label)}${m.behind ? ' ⚠' : ''}`,
    'To plant': Math.round(m.needed),
    Planted: m.planted === null ? null : Math.round(m.planted),
  }));
  const behind = plan.months.filter((m) => m.behind);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Planting calendar">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h4">
              Planting calendar — {row.name}
            </Title>
            <Text size="sm" c="dimmed">
              Pipeline to create each month (money, {currency}) so the year’s bookings target closes; planted = pipeline created.
            </Text>
          </div>
          <ViewSwitch view={view} onView={setView} label="Show the plan as" />
        </Group>
        <Group gap="lg">
          <Figure label="Needed to date" value={money(plan.neededToDate)} />
          <Figure label="Planted to date" value={money(plan.plantedToDate)} />
          <Figure label="Short to date" value={money(plan.shortfallToDate)} tone={plan.shortfallToDate > 0 ? 'red' : 'green'} />
          <Figure label="Catch-up per month" value={plan.catchUpPerMonth === null ? '—' : money(plan.catchUpPerMonth)} />
          <Figure label="Last useful month" value={lastUseful?.label ?? 'none this year'} />
          <Figure label="Needed before the year" value={money(plan.neededBeforeYear)} />
        </Group>
        {behind.length > 0 && (
          <Text size="sm" role="status">
            Behind in {behind.map((m) => shortLabel(m.label)).join(', ')}
            {behind.some((m) => m.fixable)
              ? ` — still fixable: plant ${money(plan.catchUpPerMonth)} extra each month until ${lastUseful?.label ?? 'the last useful month'}.`
              : ' — too late to close inside this year.'}
          </Text>
        )}
        {view === 'chart' ? (
          <BarChart
            h={260}
            data={data}
            dataKey="month"
            series={[
              { name: 'To plant', color: 'gray.5' },
              { name: 'Planted', color: 'furrow.6' },
            ]}
            valueFormatter={(v) => money(v)}
            yAxisLabel={currency}
            yAxisProps={{ width: 72 }}
            gridAxis="y"
            withLegend
            maxBarWidth={22}
            referenceLines={
              lastUseful ? [{ x: shortLabel(lastUseful.label) + (lastUseful.behind ? ' ⚠' : ''), color: 'red.6', label: 'last useful month' }] : []
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Month</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    Target
                  </Table.Th>
                  <Table.Th scope="col">Closes in</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    To plant
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    Deals
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    MQLs
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    Planted
                  </Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.months.map((m) => (
                  <Table.Tr key={m.key}>
                    <Table.Td>{m.label}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{money(m.target)}</Table.Td>
                    <Table.Td>{m.servesKey ? (plan.months.find((x) => x.key === m.servesKey)?.label ?? m.servesKey) : '—'}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{money(m.needed)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{count(m.neededDeals)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{m.neededMqls === null ? '—' : count(m.neededMqls)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{money(m.planted)}</Table.Td>
                    <Table.Td>{monthStatus(m, plan.lastUsefulKey)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {mqlNote && (
          <Text size="xs" c="dimmed">
            {mqlNote}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'red' | 'green' }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} c={tone === 'red' ? 'red.9' : undefined}>
        {value}
      </Text>
    </div>
  );
}
