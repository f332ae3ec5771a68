// A KPI over the year, month by month: bars for sums (bookings, pipeline created), a line for rates
// and durations, the axis in the KPI's unit. A month clicked (or reached with the arrow keys and
// opened with Enter) opens the KPI for that month; the table view lists the same figures as links.
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { KpiTrend, KpiTrendPoint } from '../../api/measurement';
import { DeferredChart } from '../components/DeferredChart';
import { KeyboardChart } from './chart-keys';
import { axisFormatter, formatKpi, unitLabel } from './kpi-format';
import { shortMonth } from './measure-periods';

interface Props {
  trend: KpiTrend;
  view: 'chart' | 'table';
  /** The KPI page for one step of the trend. */
  linkFor(point: KpiTrendPoint): string;
  height?: number;
}

/** An axis from 0 in round steps (0, 10, 20, 30 %), whatever the unit, so a glance reads it right. */
export function niceAxis(values: (number | null)[]): { domain: [number, number]; ticks: number[] } {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (max === 0) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 1e9) / 1e9);
  return { domain: [0, top], ticks };
}

/** Sums read as bars; rates and durations as a line. */
const asBars = (t: KpiTrend) => t.kpi.unit === 'money' || t.kpi.unit === 'count';

export function TrendChart({ trend, view, linkFor, height = 220 }: Props) {
  const navigate = useNavigate();
  const k = trend.kpi;
  const points = trend.points;
  const crossesYear = points.length > 0 && points[0]?.period.from.slice(0, 4) !== points.at(-1)?.period.from.slice(0, 4);
  const name = k.name;
  const stepLabel = (p: KpiTrendPoint) =>
    trend.by === 'month'
      ? shortMonth(p.period, crossesYear)
      : trend.by === 'quarter'
        ? p.period.label.replace(/\s*FY\d{4}$/, '')
        : p.period.label.replace(/,\s*\d{4}$/, '');
  const data = points.map((p, i) => ({ step: stepLabel(p), [name]: p.value, __index: i }));
  const format = axisFormatter(k.id, k.unit, trend.currency);
  const open = (state: { activeIndex?: unknown } | null | undefined) => {
    const point = points[Number(state?.activeIndex)];
    if (point) navigate(linkFor(point));
  };

  if (view === 'table') {
    return (
      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{trend.by === 'month' ? 'Month' : trend.by === 'quarter' ? 'Quarter' : 'Week'}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {name}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Records
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.period.key}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.period.label}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Anchor component={Link} to={linkFor(p)} size="sm">
                    {formatKpi(p.value, k.id, k.unit, trend.currency)}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{p.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  const common = {
    h: height,
    data,
    dataKey: 'step',
    valueFormatter: format,
    yAxisLabel: unitLabel(k.id, k.unit, trend.currency),
    yAxisProps: { width: 64, ...niceAxis(points.map((p) => p.value)) },
    gridAxis: 'y' as const,
    // Every other month when a small chart holds a whole year, so labels never crowd.
    xAxisProps: { interval: points.length > 8 ? 1 : 0 },
    tooltipAnimationDuration: 150,
  };
  const step = trend.by === 'month' ? 'month' : trend.by === 'quarter' ? 'quarter' : 'week';
  const label = `${name} per ${trend.by}, ${trend.period.label}`;
  return (
    <KeyboardChart
      label={label}
      step={step}
      onOpen={(i) => {
        const point = points[i];
        if (point) navigate(linkFor(point));
      }}
    >
      {(probe, a11y) => (
        <>
          <DeferredChart height={height} label={label}>
            {asBars(trend) ? (
              <BarChart
                {...common}
                series={[{ name, color: 'furrow.6' }]}
                barChartProps={{ onClick: open, style: { cursor: 'pointer' }, ...a11y }}
                maxBarWidth={28}
              >
                {probe}
              </BarChart>
            ) : (
              <LineChart
                {...common}
                series={[{ name, color: 'blue.6' }]}
                connectNulls={false}
                curveType="linear"
                lineChartProps={{ onClick: open, style: { cursor: 'pointer' }, ...a11y }}
              >
                {probe}
              </LineChart>
            )}
          </DeferredChart>
          {points.every((p) => p.value === null) && (
            <Text size="xs" c="dimmed" ta="center">
              No data in any {trend.by} yet.
            </Text>
          )}
        </>
      )}
    </KeyboardChart>
  );
}
