// One KPI for a scope, period and as-of date: its value, its formula in plain language, the
// definition version and period basis, its trend over the fiscal year, and the records behind
// its numerator and denominator, page by page. The address carries everything, so it can be shared.
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  CloseButton,
  Grid,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { DrillPart, KpiResult, TrendStep } from '../../api/measurement';
import { fiscalYearOf } from '../../lib/periods';
import { formatCalendarDate, formatInstant, formatMoney } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { ViewSwitch } from '../components/ViewSwitch';
import { useKpi, useKpiRecords, useKpiTrend } from '../data/kpis/kpis';
import { KpiRecordsTable } from './KpiRecordsTable';
import { figureHint } from './KpiTile';
import { drillParts } from './kpi-drill';
import { BASIS_LABEL, formatKpi, shownAs, unitLabel } from './kpi-format';
import { dashboardLink, kpiLink, type MeasureQuery, measureQueryOf, resolvedQuery } from './kpi-links';
import { MeasureControls } from './MeasureControls';
import { Section } from './MeasureSection';
import { periodLabel } from './measure-periods';
import { TrendChart } from './TrendChart';

const UNIT_TEXT = {
  ratio: 'a share (per cent)',
  money: 'money in the workspace currency',
  days: 'days',
  hours: 'business hours (working days and hours of the workspace)',
  count: 'a count',
  money_per_day: 'money per day',
} as const;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

/** The parts of the figure, each in the unit it is counted in. */
function partValue(r: KpiResult, n: number | null): string {
  if (n === null) return '—';
  const k = r.kpi;
  if (k.measure === 'value' && k.unit !== 'days' && k.id !== 'sales_velocity') return formatMoney(Math.round(n), r.currency ?? 'EUR');
  if (k.id === 'sales_velocity') return formatMoney(Math.round(n), r.currency ?? 'EUR');
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);
}

function Definition({ r }: { r: KpiResult }) {
  const k = r.kpi;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="definition-title" h="100%">
      <Title order={2} fz="h4" id="definition-title" mb="xs">
        How it is worked out
      </Title>
      <Text size="md" mb="sm" data-testid="kpi-formula">
        {k.formula}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="sm">
        <Figure label="Counts" value={BASIS_LABEL[k.basis] ?? k.basis} />
        <Figure label="Unit" value={shownAs(k.id, k.unit) === 'multiple' ? 'a multiple (×)' : UNIT_TEXT[k.unit]} />
        <Figure label="Definition" value={`Version ${r.definitionVersion}${k.better === 'lower' ? ' · lower is better' : ' · higher is better'}`} />
      </SimpleGrid>
      {k.notes.length > 0 && (
        <List size="sm" spacing={2} c="dimmed">
          {k.notes.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function Headline({ r }: { r: KpiResult }) {
  const k = r.kpi;
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-label="Value">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {periodLabel(r.period)} · {r.scope.label}
      </Text>
      <Text fz={40} fw={750} lh={1.15} mt={4} c={r.value === null ? 'dimmed' : undefined} data-testid="kpi-value">
        {formatKpi(r.value, k.id, k.unit, r.currency)}
      </Text>
      <Text size="sm" c="dimmed">
        {figureHint(r)}
      </Text>
      <Stack gap={6} mt="md">
        <Figure label={k.numeratorLabel} value={partValue(r, r.numerator ?? (k.unit === 'days' ? r.count : null))} />
        {k.denominatorLabel && <Figure label={k.denominatorLabel} value={partValue(r, r.denominator)} />}
        {r.quota !== undefined && r.quota !== null && <Figure label="Quota" value={formatMoney(r.quota, r.currency ?? 'EUR')} />}
        {r.mean !== undefined && r.mean !== null && <Figure label="Mean" value={formatKpi(r.mean, k.id, k.unit, r.currency)} />}
      </Stack>
      <Text size="xs" c="dimmed" mt="md">
        {r.asOf ? `As known at ${formatInstant(r.asOf)}` : `Worked out ${formatInstant(r.at)}`}
      </Text>
    </Paper>
  );
}

function Breakdown({ r, group, onGroup }: { r: KpiResult; group: string | undefined; onGroup(key: string | null): void }) {
  if (!r.breakdown || r.breakdown.length === 0) return null;
  const k = r.kpi;
  return (
    <Section title={k.breakdown === 'stage' ? 'By stage' : 'By type'} id="breakdown-title">
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{k.breakdown === 'stage' ? 'Stage' : 'Type'}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {k.name}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Records
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.breakdown.map((b) => (
              <Table.Tr key={b.key} bg={group === b.key ? 'var(--mantine-color-furrow-light)' : undefined}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component="button" type="button" size="sm" onClick={() => onGroup(b.key)} aria-pressed={group === b.key}>
                    {b.label}
                  </Anchor>
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{formatKpi(b.value, k.id, k.unit, r.currency)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{b.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function Records({ id, r, q }: { id: string; r: KpiResult; q: MeasureQuery }) {
  const url = useUrlState();
  const parts = drillParts(r, r.kpi);
  const asked = url.get('part') as DrillPart | undefined;
  const part = parts.find((p) => p.part === asked)?.part ?? (parts[0]?.part as DrillPart);
  const group = url.get('group');
  const records = useKpiRecords(id, q, part, group, url.cursor);
  const groupLabel = group ? (r.breakdown?.find((b) => b.key === group)?.label ?? group) : null;
  const page = records.data;

  return (
    <Section
      title="Records behind the figure"
      id="records-title"
      actions={
        groupLabel && (
          <Badge
            variant="light"
            size="lg"
            rightSection={<CloseButton size="xs" aria-label={`Show every ${r.kpi.breakdown ?? 'group'}`} onClick={() => url.set({ group: null })} />}
          >
            {groupLabel}
          </Badge>
        )
      }
    >
      <Tabs value={part} onChange={(v) => v && url.set({ part: v })} keepMounted={false}>
        <Tabs.List mb="sm">
          {parts.map((p) => (
            <Tabs.Tab key={p.part} value={p.part}>
              {p.label}
              {p.part === 'denominator' && r.denominator !== null ? ` (${partValue(r, r.denominator)})` : ''}
              {p.part !== 'denominator' && r.numerator !== null && r.kpi.measure === 'count' ? ` (${partValue(r, r.numerator)})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {records.isError && <ErrorState error={records.error} onRetry={() => records.refetch()} />}
      {records.isPending && <LoadingState rows={6} label="Loading the records" />}
      {page &&
        (page.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No records in this part for the period{groupLabel ? ` and ${groupLabel}` : ''}. Try a longer period or a wider scope.
          </Text>
        ) : (
          <Box style={{ opacity: records.isPlaceholderData ? 0.6 : 1 }} aria-busy={records.isPlaceholderData}>
            <KpiRecordsTable page={page} />
            <Pager
              shown={page.items.length}
              hasPrevious={url.hasPrevious}
              nextCursor={page.nextCursor}
              onPrevious={url.previous}
              onNext={url.next}
              onFirst={url.first}
              noun="records"
            />
          </Box>
        ))}
    </Section>
  );
}

export function KpiPage() {
  const { id = '' } = useParams();
  const { workspace } = useSession();
  const url = useUrlState();
  const asked = measureQueryOf(url);
  const query = useKpi(id, asked);
  const r = query.data;
  const q: MeasureQuery = r ? { ...resolvedQuery(r.scope, r.period, asked.asOf), pipelineId: asked.pipelineId, stageId: asked.stageId } : asked;
  const year = r ? `FY${fiscalYearOf(r.period.from, workspace.fiscalYearStartMonth)}` : undefined;
  const yearQuery = { ...q, period: year, from: undefined, to: undefined };
  const monthly = useKpiTrend(id, yearQuery, 'month', Boolean(r));
  // A figure that only exists per quarter (a quarterly quota) reads better by quarter.
  const askedStep = url.get('by');
  const monthsEmpty = monthly.data?.points.every((p) => p.value === null) ?? false;
  const by: TrendStep = askedStep === 'quarter' || askedStep === 'month' ? askedStep : monthsEmpty ? 'quarter' : 'month';
  const quarterly = useKpiTrend(id, yearQuery, 'quarter', Boolean(r) && by === 'quarter');
  const trend = by === 'quarter' ? quarterly : monthly;
  const view = url.get('view') === 'table' ? 'table' : 'chart';
  const stageLabel = asked.stageId && r ? (r.breakdown?.[0]?.label ?? 'one stage') : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs separator="›" fz="sm">
            <Anchor component={Link} to={dashboardLink({ ...q, pipelineId: undefined, stageId: undefined })} size="sm">
              Dashboard
            </Anchor>
            <Anchor component={Link} to="/kpis" size="sm">
              KPIs
            </Anchor>
          </Breadcrumbs>
        }
        title={r?.kpi.name ?? (query.isError ? 'KPI' : 'Loading…')}
        description={
          r ? `${r.scope.label} · ${periodLabel(r.period)}${asked.asOf ? ` · as known at the end of ${formatCalendarDate(asked.asOf)}` : ''}` : undefined
        }
      />
      <Stack gap="lg">
        <MeasureControls url={url} resolved={r ? { scope: r.scope, period: r.period } : undefined} />
        {stageLabel && (
          <Group gap="xs">
            <Badge variant="light" size="lg" rightSection={<CloseButton size="xs" aria-label="Show every stage" onClick={() => url.set({ stageId: null })} />}>
              Stage: {stageLabel}
            </Badge>
          </Group>
        )}
        {asked.asOf && (
          <Alert variant="light" color="blue" icon={<IconHistory size={18} aria-hidden />} p="xs">
            <Text size="sm">
              As it was known at the end of {formatCalendarDate(asked.asOf)}: owners, stages, amounts and statuses are taken from the history at that instant.
            </Text>
          </Alert>
        )}
        {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
        {query.isPending && <LoadingState rows={8} label="Loading the KPI" />}
        {r && (
          <>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Headline r={r} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Definition r={r} />
              </Grid.Col>
            </Grid>
            {trend.data && (
              <Section
                title={`${trend.data.period.label}, ${by === 'quarter' ? 'quarter' : 'month'} by ${by === 'quarter' ? 'quarter' : 'month'} (${unitLabel(r.kpi.id, r.kpi.unit, r.currency)})`}
                id="trend-title"
                actions={
                  <Group gap="xs">
                    <SegmentedControl
                      size="xs"
                      aria-label="Step"
                      data={[
                        { value: 'month', label: 'Months' },
                        { value: 'quarter', label: 'Quarters' },
                      ]}
                      value={by}
                      onChange={(v) => url.set({ by: v }, { replace: true })}
                    />
                    <ViewSwitch view={view} onView={(v) => url.set({ view: v === 'chart' ? null : v }, { replace: true })} />
                  </Group>
                }
              >
                <TrendChart
                  trend={trend.data}
                  view={view}
                  height={260}
                  linkFor={(p) => kpiLink(id, { ...q, period: p.period.key, from: undefined, to: undefined })}
                />
              </Section>
            )}
            <Breakdown r={r} group={url.get('group')} onGroup={(key) => url.set({ group: key })} />
            <Records id={id} r={r} q={q} />
          </>
        )}
      </Stack>
    </>
  );
}
