// How good were the calls? Once a quarter has closed: each person's accuracy and bias per
// submission week against what was won (a chart and the same figures as a table), and each rep's
// commit conversion (of what they committed at their last call, how much was won) as calibration.
import { Alert, Anchor, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ForecastAccuracy } from '../../api/measurement-forecast';
import { periodContaining, shiftPeriod } from '../../lib/periods';
import { todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { ViewSwitch } from '../components/ViewSwitch';
import { useAccuracy } from '../data/forecast/forecast';
import { AccuracyChart } from './AccuracyChart';
import { AccuracyTable } from './AccuracyTable';
import { CommitConversion } from './CommitConversion';
import { ForecastPeriodPicker } from './ForecastPeriodPicker';
import { ForecastTabs } from './ForecastTabs';

/** Who the chart draws at first: team and workspace calls (the reader's own among them), else the first reps. */
function defaultPeople(report: ForecastAccuracy, meId: string): string[] {
  const leaders = report.people.filter((p) => p.scopeType !== 'user' || p.userId === meId).map((p) => p.userId);
  return (leaders.length > 0 ? leaders : report.people.map((p) => p.userId)).slice(0, 6);
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
                <ViewSwitch view={view} onView={(v) => url.set({ view: v === 'table' ? 'table' : null }, { replace: true })} />
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
