// How good were the calls? Once a quarter has closed: each person's accuracy and bias per
// submission week against what was won (a chart and the same figures as a table), and each rep's
// commit conversion (of what they committed at their last call, how much was won) as calibration.
import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Anchor, Grid, Group, MultiSelect, Paper, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { ForecastAccuracy } from '../../api/measurement-forecast';
import { periodContaining, shiftPeriod } from '../../lib/periods';
import { formatCalendarDate, formatMoney, majorToMinor, minorToMajor, plural, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { ForecastPeriodPicker } from './ForecastPeriodPicker';
import { ForecastTabs } from './ForecastTabs';
import { useAccuracy } from './forecast-api';
import { ScrollTable } from './forecast-scroll';

const SERIES_COLORS = ['furrow.6', 'blue.6', 'orange.6', 'grape.6', 'cyan.7', 'red.6', 'teal.6', 'indigo.6', 'pink.6', 'lime.7', 'yellow.7', 'gray.6'];

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
function signedPct(r: number | null): string {
  if (r === null) return '—';
  const v = Math.round(r * 100);
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v)}%`;
}
const weekLabel = (weekStart: string) => formatCalendarDate(weekStart).replace(/\s\d{4}$/, '');

/** Who the chart draws at first: team and workspace calls (the reader's own among them), else the first reps. */
function defaultPeople(report: ForecastAccuracy, meId: string): string[] {
  const leaders = report.people.filter((p) => p.scopeType !== 'user' || p.userId === meId).map((p) => p.userId);
  return (leaders.length > 0 ? leaders : report.people.map((p) => p.userId)).slice(0, 6);
}

function AccuracyChart({
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

/** People down, submission weeks across: each cell the week's accuracy with its bias beneath. */
function AccuracyTable({ report }: { report: ForecastAccuracy }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const weeks = [...new Set(report.people.flatMap((p) => p.weeks.map((w) => w.weekStart)))].sort();
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <ScrollTable minWidth={260 + weeks.length * 84}>
      <Table verticalSpacing={4} striped highlightOnHover>
        <VisuallyHidden component="caption">Accuracy (and bias) of each person’s commit call per submission week, {report.period.label}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col" style={right}>
              Won
            </Table.Th>
            {weeks.map((w) => (
              <Table.Th key={w} scope="col" style={right}>
                {weekLabel(w)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.people.map((p) => (
            <Table.Tr key={p.userId}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {p.name}
                <Text size="xs" c="dimmed">
                  {p.scopeType === 'user' ? 'own deals' : p.scopeName}
                </Text>
              </Table.Th>
              <Table.Td style={right} fw={600}>
                {money(p.actual)}
              </Table.Td>
              {weeks.map((week) => {
                const w = p.weeks.find((x) => x.weekStart === week);
                if (!w)
                  return (
                    <Table.Td key={week} style={right} c="dimmed">
                      —
                    </Table.Td>
                  );
                return (
                  <Table.Td key={week} style={right} title={`Commit ${money(w.commit)}, best case ${money(w.bestCase)}`}>
                    {report.closed ? (
                      <>
                        <Text size="sm" fw={600} span>
                          {pct(w.accuracy)}
                        </Text>
                        <Text
                          size="xs"
                          c={w.bias === null ? 'dimmed' : w.bias > 0.1 ? 'var(--mantine-color-orange-light-color)' : w.bias < -0.1 ? 'blue.9' : 'dimmed'}
                        >
                          {signedPct(w.bias)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm">{formatMoney(w.commit, report.currency, { compact: true })}</Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {report.closed
          ? 'Each cell: accuracy, with the bias beneath (orange: called more than was won; blue: less). Hover a cell for the call.'
          : 'Each cell: the commit call of that week. Accuracy shows once the period has closed.'}
      </Text>
    </ScrollTable>
  );
}

function CommitConversion({ report }: { report: ForecastAccuracy }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  const rows = report.commitConversion;
  const data = rows.map((r) => ({ rep: r.name, Committed: minorToMajor(r.committed, report.currency), Won: minorToMajor(r.won, report.currency) }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="conversion-title">
      <Title order={2} fz="h4" id="conversion-title">
        Commit conversion per rep
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Of the open deals in commit at each rep’s last call of {report.period.label}, the share of value won in the period. Low conversion: the rep commits too
        readily; high: their commit can be trusted.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rep made a call for this period.
        </Text>
      ) : (
        // The table gets the wider side, so on a 1280-pixel screen every column shows without scrolling.
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Text size="sm" fw={600} mb={4}>
              Committed vs won ({report.currency})
            </Text>
            <BarChart
              h={Math.max(160, rows.length * 44)}
              data={data}
              dataKey="rep"
              orientation="vertical"
              yAxisProps={{ width: 120 }}
              valueFormatter={(v) => money(majorToMinor(v, report.currency) ?? 0)}
              series={[
                { name: 'Committed', color: 'blue.6' },
                { name: 'Won', color: 'furrow.6' },
              ]}
              withLegend
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ScrollTable minWidth={420}>
              <Table verticalSpacing={6}>
                <VisuallyHidden component="caption">Commit conversion per rep, {report.period.label}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Rep</Table.Th>
                    <Table.Th scope="col" style={right}>
                      Committed
                    </Table.Th>
                    <Table.Th scope="col" style={right}>
                      Won
                    </Table.Th>
                    <Table.Th scope="col" style={right}>
                      Conversion
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.userId}>
                      <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {r.name}
                      </Table.Th>
                      <Table.Td style={{ ...right, whiteSpace: 'nowrap' }}>
                        {money(r.committed)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({plural(r.deals, 'deal')})
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ ...right, whiteSpace: 'nowrap' }}>
                        {money(r.won)}
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({plural(r.wonDeals, 'deal')})
                        </Text>
                      </Table.Td>
                      <Table.Td style={right} fw={600}>
                        {pct(r.conversion)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Grid.Col>
        </Grid>
      )}
    </Paper>
  );
}

export function ForecastAccuracyPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  // Accuracy needs a closed period: without one in the URL, the last quarter that has ended.
  const lastClosed = shiftPeriod(periodContaining('quarter', todayLocal(), workspace.fiscalYearStartMonth), -1, workspace.fiscalYearStartMonth).key;
  const period = url.get('period') ?? lastClosed;
  const query = useAccuracy(period);
  const report = query.data;
  const view = url.get('view') === 'table' ? 'table' : 'chart';
  const measure = url.get('measure') === 'bias' ? 'bias' : 'accuracy';
  const picked = url.get('people');
  const chosen = report ? (picked === undefined ? defaultPeople(report, user.id) : picked.split(',').filter(Boolean)) : [];

  return (
    <>
      <PageHeader
        title="Forecast accuracy"
        description="Once a quarter closes: how close each week’s commit call came to what was won, per person; and how much of each rep’s commit was won."
        actions={<ForecastPeriodPicker value={period} onChange={(p) => url.set({ period: p })} />}
      />
      <ForecastTabs active="accuracy" period={url.get('period')} />
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isPending && <LoadingState rows={8} label="Loading forecast accuracy" />}
      {report && (
        <Stack gap="lg">
          {!report.closed && (
            <Alert color="blue" variant="light" title={`${report.period.label} has not closed yet`}>
              Accuracy is measured against what was won once the period ends. The calls so far are listed below.{' '}
              <Anchor component={Link} to={`/forecast/accuracy?period=${lastClosed}`} size="sm">
                Show the last closed quarter
              </Anchor>
            </Alert>
          )}
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="accuracy-title">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <div>
                <Title order={2} fz="h4" id="accuracy-title">
                  Accuracy and bias per submission week
                </Title>
                <Text size="sm" c="dimmed">
                  Accuracy = 1 − |won − commit| ÷ won; bias = (commit − won) ÷ won. Each person’s last call of each week.
                </Text>
              </div>
              <Group gap="xs">
                {view === 'chart' && (
                  <SegmentedControl
                    size="xs"
                    aria-label="Measure"
                    value={measure}
                    onChange={(v) => url.set({ measure: v === 'bias' ? 'bias' : null }, { replace: true })}
                    data={[
                      { value: 'accuracy', label: 'Accuracy' },
                      { value: 'bias', label: 'Bias' },
                    ]}
                  />
                )}
                <SegmentedControl
                  size="xs"
                  aria-label="Show as"
                  value={view}
                  onChange={(v) => url.set({ view: v === 'table' ? 'table' : null }, { replace: true })}
                  data={[
                    { value: 'chart', label: 'Chart' },
                    { value: 'table', label: 'Table' },
                  ]}
                />
              </Group>
            </Group>
            {report.people.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nobody you can see made a call for {report.period.label}. Calls are made on the Forecast page while the period is open.
              </Text>
            ) : view === 'table' || !report.closed ? (
              <AccuracyTable report={report} />
            ) : (
              <AccuracyChart
                report={report}
                measure={measure}
                chosen={chosen}
                onChoose={(ids) => url.set({ people: ids.length > 0 ? ids.join(',') : ',' }, { replace: true })}
              />
            )}
          </Paper>
          <CommitConversion report={report} />
        </Stack>
      )}
    </>
  );
}
