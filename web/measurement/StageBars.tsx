// Open pipeline by stage, whole and weighted by the stage's probability, for the deals closing in
// the period. A bar (clicked, or reached with the arrow keys and opened with Enter) or a table cell
// opens the KPI for that stage with its deals.
import { BarChart } from '@mantine/charts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { KpiResult } from '../../api/measurement';
import { formatMoney } from '../app/format';
import { DeferredChart } from '../components/DeferredChart';
import { KeyboardChart } from './chart-keys';
import { niceAxis } from './TrendChart';

const CHART_HEIGHT = 260;

interface Props {
  open: KpiResult;
  weighted: KpiResult;
  view: 'chart' | 'table';
  /** The KPI page for one stage's deals, or (null) for all of them. */
  linkFor(kpiId: string, stageId: string | null): string;
}

export function StageBars({ open, weighted, view, linkFor }: Props) {
  const navigate = useNavigate();
  const currency = open.currency ?? 'EUR';
  const money = (n: number | null, compact = false) => (n === null ? '—' : formatMoney(Math.round(n), currency, { compact }));
  const stages = (open.breakdown ?? []).map((s) => ({ ...s, weighted: weighted.breakdown?.find((w) => w.key === s.key)?.value ?? null }));
  if (stages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No open deals close in this period. Pick a later period, or check close dates on the board.
      </Text>
    );
  }
  if (view === 'table') {
    return (
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Stage</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Deals
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Open pipeline
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Weighted
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stages.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row" fw={500}>
                  {s.label}
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{s.count}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Anchor component={Link} to={linkFor(open.kpi.id, s.key)} size="sm">
                    {money(s.value)}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Anchor component={Link} to={linkFor(weighted.kpi.id, s.key)} size="sm">
                    {money(s.weighted)}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{open.count}</Table.Td>
              <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>
                <Anchor component={Link} to={linkFor(open.kpi.id, null)} size="sm" fw={600}>
                  {money(open.value)}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>
                <Anchor component={Link} to={linkFor(weighted.kpi.id, null)} size="sm" fw={600}>
                  {money(weighted.value)}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    );
  }
  const data = stages.map((s, i) => ({ stage: `${s.label} (${s.count})`, 'Open pipeline': s.value, Weighted: s.weighted, __index: i }));
  const label = `Open pipeline by stage: ${money(open.value)} in ${open.count} deals, ${money(weighted.value)} weighted`;
  return (
    <KeyboardChart
      label={label}
      step="stage"
      onOpen={(i) => {
        const s = stages[i];
        if (s) navigate(linkFor(open.kpi.id, s.key));
      }}
    >
      {(probe, a11y) => (
        <>
          <Text size="xs" c="dimmed" mb={4}>
            {money(open.value)} in {open.count} deals · {money(weighted.value)} weighted by stage probability. Stage (number of deals) along the bottom,{' '}
            {currency} up the side.
          </Text>
          <DeferredChart height={CHART_HEIGHT} label={label}>
            <BarChart
              h={CHART_HEIGHT}
              data={data}
              dataKey="stage"
              series={[
                { name: 'Open pipeline', color: 'furrow.6' },
                { name: 'Weighted', color: 'blue.6' },
              ]}
              valueFormatter={(v) => money(v, true)}
              yAxisLabel={currency}
              yAxisProps={{ width: 64, ...niceAxis(stages.map((x) => x.value)) }}
              withLegend
              gridAxis="y"
              maxBarWidth={36}
              tooltipAnimationDuration={150}
              barChartProps={{
                onClick: (state: { activeIndex?: unknown } | null) => {
                  const s = stages[Number(state?.activeIndex)];
                  if (s) navigate(linkFor(open.kpi.id, s.key));
                },
                style: { cursor: 'pointer' },
                ...a11y,
              }}
            >
              {probe}
            </BarChart>
          </DeferredChart>
        </>
      )}
    </KeyboardChart>
  );
}
