// The forecast for a fiscal quarter: what the deals say by category, the team roll-up (managers and
// the CSO), this week's call, and every call made. Period, person and history view live in the URL.
import { Alert, Anchor, Grid, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ForecastView } from '../../api/measurement-forecast';
import { formatMoney } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useForecast } from '../data/forecast/forecast';
import { ForecastCallForm } from './ForecastCallForm';
import { ForecastDeals } from './ForecastDeals';
import { ForecastHistory } from './ForecastHistory';
import { ForecastPeriodPicker } from './ForecastPeriodPicker';
import { ForecastRollup } from './ForecastRollup';
import { ForecastTabs } from './ForecastTabs';
import { CATEGORY_COLOR } from './forecast-categories';

function Figure({ label, value, hint, color }: { label: string; value: string; hint: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md" style={color ? { borderTop: `3px solid var(--mantine-color-${color}-6)` } : undefined}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={24} fw={750} lh={1.2} mt={4}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        {hint}
      </Text>
    </Paper>
  );
}

function Figures({ view }: { view: ForecastView }) {
  const t = view.totals;
  const money = (n: number) => formatMoney(n, view.currency);
  const whose = view.scopeType === 'user' ? 'deals' : view.scopeType === 'team' ? 'team’s deals' : 'organisation’s deals';
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} aria-label={`What the ${whose} say`} role="group">
      <Figure label="Won" value={money(t.won)} hint="closed won in the period" color={CATEGORY_COLOR.closed} />
      <Figure label="Commit" value={money(t.won + t.commit)} hint={`won + ${money(t.commit)} in commit`} color={CATEGORY_COLOR.commit} />
      <Figure
        label="Best case"
        value={money(t.won + t.commit + t.bestCase)}
        hint={`commit + ${money(t.bestCase)} best case`}
        color={CATEGORY_COLOR.best_case}
      />
      <Figure label="Pipeline" value={money(t.pipeline)} hint="open, not expected this period" color={CATEGORY_COLOR.pipeline} />
      <Figure label="Omitted" value={money(t.omitted)} hint="left out of the forecast" color={CATEGORY_COLOR.omitted} />
    </SimpleGrid>
  );
}

export function ForecastPage() {
  const { user } = useSession();
  const url = useUrlState();
  const period = url.get('period');
  const userId = url.get('userId');
  const query = useForecast(period, userId);
  const view = query.data;
  const isMe = !view || view.person.id === user.id;
  const whose = url.get('calls') === 'all' ? 'all' : 'mine';

  const description = !view
    ? 'Deals by forecast category and this week’s call.'
    : isMe
      ? view.scopeType === 'user'
        ? 'Your deals by forecast category, and your call for the period. Call every week; every call is kept.'
        : `Your teams’ calls rolled up, your own call with your adjustments, and your deals by category.`
      : `${view.person.name}’s deals and calls for ${view.period.label}.`;

  return (
    <>
      <PageHeader
        title={view && !isMe ? `Forecast: ${view.person.name}` : 'Forecast'}
        description={description}
        actions={<ForecastPeriodPicker value={period ?? view?.period.key} onChange={(p) => url.set({ period: p })} />}
        eyebrow={
          view && !isMe ? (
            <Anchor component={Link} to={`/forecast?period=${encodeURIComponent(view.period.key)}`} size="sm">
              ← Back to my forecast
            </Anchor>
          ) : undefined
        }
      />
      <ForecastTabs active="call" period={period} />
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isPending && <LoadingState rows={8} label="Loading the forecast" />}
      {view && (
        <Stack gap="lg">
          <Figures view={view} />
          {!view.open && (
            <Alert color="gray" variant="light" title={`${view.period.label} has ended`}>
              Calls are closed for this period.{' '}
              <Anchor component={Link} to={`/forecast/accuracy?period=${encodeURIComponent(view.period.key)}`} size="sm">
                See how the calls turned out
              </Anchor>
              .
            </Alert>
          )}
          {view.rollup ? (
            <>
              <Grid gap="lg" align="flex-start">
                <Grid.Col span={{ base: 12, xl: isMe && view.open ? 8 : 12 }}>
                  <ForecastRollup view={view} />
                </Grid.Col>
                {isMe && view.open && (
                  <Grid.Col span={{ base: 12, xl: 4 }}>
                    <ForecastCallForm key={`${view.period.key}-${view.latest?.id ?? 'none'}`} view={view} />
                  </Grid.Col>
                )}
              </Grid>
              <ForecastDeals deals={view.deals} currency={view.currency} meId={user.id} isMe={isMe} personName={view.person.name} scopeType={view.scopeType} />
            </>
          ) : (
            <Grid gap="lg" align="flex-start">
              <Grid.Col span={{ base: 12, xl: isMe && view.open ? 8 : 12 }}>
                <ForecastDeals
                  deals={view.deals}
                  currency={view.currency}
                  meId={user.id}
                  isMe={isMe}
                  personName={view.person.name}
                  scopeType={view.scopeType}
                />
              </Grid.Col>
              {isMe && view.open && (
                <Grid.Col span={{ base: 12, xl: 4 }}>
                  <ForecastCallForm key={`${view.period.key}-${view.latest?.id ?? 'none'}`} view={view} />
                </Grid.Col>
              )}
            </Grid>
          )}
          <ForecastHistory
            periodKey={view.period.key}
            periodLabel={view.period.label}
            currency={view.currency}
            own={view.submissions}
            canSeeOthers={user.role !== 'rep'}
            whose={whose}
            onWhose={(w) => url.set({ calls: w === 'all' ? 'all' : null }, { replace: true })}
            personName={view.person.name}
            isMe={isMe}
          />
        </Stack>
      )}
    </>
  );
}
