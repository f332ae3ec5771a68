// The role dashboard: headline KPIs, the year month by month, open pipeline by stage, people
// compared (managers and the CSO) and the expectations with their status. Scope, period, as-of
// date and chart/table view live in the URL; every figure opens its KPI page with the records.
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/measurement-dashboard';
import { formatCalendarDate } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useFirstDraw } from '../components/use-first-draw';
import { ViewSwitch } from '../components/ViewSwitch';
import { useDashboard } from '../data/kpis/kpis';
import { ExpectationsTable } from './ExpectationsTable';
import { FunnelDashboardPage } from './FunnelDashboardPage';
import { KpiTile } from './KpiTile';
import { unitLabel } from './kpi-format';
import { kpiLink, type MeasureQuery, measureQueryOf, resolvedQuery } from './kpi-links';
import { MeasureControls } from './MeasureControls';
import { Section } from './MeasureSection';
import { periodLabel } from './measure-periods';
import { PeopleKpiTable } from './PeopleKpiTable';
import { StageBars } from './StageBars';
import { TrendChart } from './TrendChart';

type View = 'chart' | 'table';

function Body({ d, q, view, onView }: { d: Dashboard; q: MeasureQuery; view: View; onView(v: View): void }) {
  const yearQuery: MeasureQuery = { ...q, period: d.year.key, from: undefined, to: undefined };
  const offTrack = d.expectations.filter((e) => e.current.status === 'red' || e.current.status === 'amber').length;
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} role="group" aria-label="Headline figures">
        {d.tiles.map((t) => (
          <KpiTile key={t.kpi.id} result={t} to={kpiLink(t.kpi.id, q)} />
        ))}
      </SimpleGrid>

      <Section title={`${d.year.label}, month by month`} id="trends-title" actions={<ViewSwitch view={view} onView={onView} />}>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          {d.trends.map((t) => (
            <div key={t.kpi.id}>
              <Group justify="space-between" gap={4} mb={6} wrap="nowrap">
                <Anchor component={Link} to={kpiLink(t.kpi.id, yearQuery)} fw={600} size="sm">
                  {t.kpi.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {unitLabel(t.kpi.id, t.kpi.unit, t.currency)} {t.kpi.cumulative ? 'per month' : 'by month'}
                </Text>
              </Group>
              <TrendChart trend={t} view={view} linkFor={(p) => kpiLink(t.kpi.id, { ...q, period: p.period.key, from: undefined, to: undefined })} />
            </div>
          ))}
        </SimpleGrid>
      </Section>

      <Section title={`Open pipeline by stage, closing in ${periodLabel(d.period)}`} id="stages-title" actions={<ViewSwitch view={view} onView={onView} />}>
        <StageBars
          open={d.pipelineByStage}
          weighted={d.weightedByStage}
          view={view}
          linkFor={(id, stageId) => kpiLink(id, q, stageId === null ? {} : { group: stageId })}
        />
      </Section>

      {d.people && (
        <Section title="People" id="people-title">
          <PeopleKpiTable people={d.people} currency={d.currency} query={q} />
        </Section>
      )}

      <Section
        title="Expectations"
        id="expectations-title"
        actions={
          <Anchor component={Link} to={offTrack > 0 ? '/expectations?status=off_track' : '/expectations?status=all'} size="sm">
            {offTrack > 0 ? `${offTrack} off track: review` : 'All expectations'}
          </Anchor>
        }
      >
        {d.expectations.length === 0 ? (
          <Text size="sm" c="dimmed">
            No expectations on this scope yet. Set one on the{' '}
            <Anchor component={Link} to="/expectations" underline="always">
              Expectations
            </Anchor>{' '}
            page: a KPI, a target and the thresholds where it turns amber and red.
          </Text>
        ) : (
          <ExpectationsTable
            caption="Expectations on this scope"
            items={[...d.expectations].sort((a, b) => STATUS_ORDER[a.current.status] - STATUS_ORDER[b.current.status]).slice(0, 10)}
          />
        )}
        {d.expectations.length > 10 && (
          <Text size="xs" c="dimmed" mt="xs">
            The ten most urgent of {d.expectations.length}.{' '}
            <Anchor component={Link} to="/expectations?status=all" size="xs" underline="always">
              See all
            </Anchor>
          </Text>
        )}
      </Section>
    </>
  );
}

const STATUS_ORDER = { red: 0, amber: 1, green: 2, no_data: 3 } as const;

const TITLE = { rep: 'My dashboard', manager: 'Team dashboard', cso: 'Sales dashboard' } as const;

/** Marketing's dashboard is the funnel; an admin opens it with ?dashboard=funnel. */
export function DashboardPage() {
  const { user } = useSession();
  const url = useUrlState();
  if (user.role === 'marketing' || (user.role === 'admin' && url.get('dashboard') === 'funnel')) return <FunnelDashboardPage />;
  return <SalesDashboardPage />;
}

function SalesDashboardPage() {
  const { user } = useSession();
  const url = useUrlState();
  const asked = measureQueryOf(url);
  const query = useDashboard(asked);
  const d = query.data;
  const asOf = asked.asOf;
  const q = d ? resolvedQuery(d.scope, d.period, asOf) : asked;
  const view: View = url.get('view') === 'table' ? 'table' : 'chart';
  // The figures' first draw in slices (tiles, trends, stage bars, people, expectations at once made one long task).
  const drawn = useFirstDraw(d !== undefined);

  return (
    <>
      <PageHeader
        title={d ? (d.kind === 'rep' && d.scope.id !== user.id ? `Dashboard: ${d.scope.label}` : TITLE[d.kind]) : user.role === 'rep' ? TITLE.rep : 'Dashboard'}
        description={
          d
            ? `${d.scope.label} · ${periodLabel(d.period)}${asOf ? ` · as known at the end of ${formatCalendarDate(asOf)}` : ''}. Click any figure for its formula and the records behind it.`
            : 'Headline figures, trends and expectations.'
        }
        actions={
          <>
            {user.role === 'admin' && (
              <Button component={Link} to="/dashboard?dashboard=funnel" variant="default" size="sm">
                Funnel
              </Button>
            )}
            <Button component={Link} to="/kpis" variant="default" size="sm">
              All KPIs
            </Button>
            <Button component={Link} to="/expectations" variant="default" size="sm">
              Expectations
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <MeasureControls url={url} resolved={d ? { scope: d.scope, period: d.period } : undefined} />
        {asOf && (
          <Alert variant="light" color="blue" icon={<IconHistory size={18} aria-hidden />} p="xs">
            <Text size="sm">
              Figures as they were known at the end of {formatCalendarDate(asOf)}, from the history. Expectations show their status now.{' '}
              <Anchor component="button" type="button" size="sm" underline="always" onClick={() => url.set({ asOf: null })}>
                Show as known now
              </Anchor>
            </Text>
          </Alert>
        )}
        {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
        {(query.isPending || (d && !drawn)) && <LoadingState rows={10} label="Loading the dashboard" />}
        {d && drawn && (
          <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={query.isPlaceholderData}>
            <Stack gap="lg">
              <Body d={d} q={q} view={view} onView={(v) => url.set({ view: v === 'chart' ? null : v }, { replace: true })} />
            </Stack>
          </div>
        )}
      </Stack>
    </>
  );
}
