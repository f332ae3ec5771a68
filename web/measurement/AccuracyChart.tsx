// Each chosen person's accuracy (or bias) per submission week as lines, with the people to draw.
import { LineChart } from '@mantine/charts';
import { MultiSelect, Stack, Text } from '@mantine/core';
import type { ForecastAccuracy } from '../../api/measurement-forecast';
import { weekLabel } from './accuracy-format';

const SERIES_COLORS = ['furrow.6', 'blue.6', 'orange.6', 'grape.6', 'cyan.7', 'red.6', 'teal.6', 'indigo.6', 'pink.6', 'lime.7', 'yellow.7', 'gray.6'];

export function AccuracyChart({
  report,
  measure,
  chosen,
  onChoose,
}: {
  report: ForecastAccuracy;
  measure: 'accuracy' | 'bias';
  chosen: string[];
  onChoose(ids: string[]): void;
}) {
  const people = report.people.filter((p) => chosen.includes(p.userId));
  const weeks = [...new Set(report.people.flatMap((p) => p.weeks.map((w) => w.weekStart)))].sort();
  const data = weeks.map((week) => {
    const row: Record<string, string | number | null> = { week: weekLabel(week) };
    for (const p of people) {
      const w = p.weeks.find((x) => x.weekStart === week);
      const value = w ? w[measure] : null;
      row[p.name] = value === null ? null : Math.round(value * 100);
    }
    return row;
  });
  return (
    <Stack gap="xs">
      <MultiSelect
        label="People on the chart"
        data={report.people.map((p) => ({ value: p.userId, label: p.scopeType === 'user' ? p.name : `${p.name} (${p.scopeName})` }))}
        value={chosen}
        onChange={onChoose}
        searchable
        clearable
        maw={720}
        size="xs"
      />
      <Text size="sm" fw={600}>
        {measure === 'accuracy'
          ? `Accuracy of each week’s commit call (%, 100 = exactly what was won), ${report.period.label}`
          : `Bias of each week’s commit call (%, above 0 = called more than was won), ${report.period.label}`}
      </Text>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          Choose people to draw their calls.
        </Text>
      ) : (
        <LineChart
          h={300}
          data={data}
          dataKey="week"
          series={people.map((p) => ({
            name: p.name,
            color: SERIES_COLORS[report.people.indexOf(p) % SERIES_COLORS.length] as string,
          }))}
          unit="%"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          connectNulls
          yAxisProps={{ domain: measure === 'accuracy' ? ['auto', 100] : ['auto', 'auto'] }}
          referenceLines={measure === 'bias' ? [{ y: 0, color: 'gray.6', label: 'no bias' }] : [{ y: 100, color: 'gray.6', label: 'exact' }]}
        />
      )}
    </Stack>
  );
}
