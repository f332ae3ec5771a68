// Marketing's dashboard: the funnel as far as deals go, for the whole workspace and in aggregates
// only (marketing sees no deal details). Pipeline created, win rate and bookings with their
// formulas; the fiscal year month by month (a month opens the funnel for that month); deals
// created in the period by source and by campaign, and what became of them. A figure opens its
// formula and what it is made of, by source and campaign. The period lives in the URL.
import { Anchor, Button, Drawer, List, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { KpiTrend } from '../../api/measurement';
import type { FunnelDashboard, FunnelFigure, FunnelGroup } from '../../api/measurement-dashboard';
import { formatMoney } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { type View, ViewSwitch } from '../components/ViewSwitch';
import { useFunnelDashboard } from '../data/kpis/kpis';
import { BASIS_LABEL, formatKpi, unitLabel } from './kpi-format';
import { MeasureControls } from './MeasureControls';
import { Section } from './MeasureSection';
import { periodLabel } from './measure-periods';
import { TrendChart } from './TrendChart';

const number = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(n);
const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

function hint(f: FunnelFigure): string {
  if (f.value === null) return f.noData ?? 'No data';
  if (f.kpi.unit === 'ratio' && f.numerator !== null && f.denominator !== null) return `${number(f.numerator)} of ${number(f.denominator)} closed deals`;
  if (f.kpi.id === 'won_amount') return `${number(f.count)} won deals`;
  return `${number(f.count)} deals created`;
}

function FigureTile({ f, currency, onOpen }: { f: FunnelFigure; currency: string; onOpen(): void }) {
  const value = formatKpi(f.value, f.kpi.id, f.kpi.unit, currency, { compact: f.kpi.unit === 'money' });
  return (
    <Tooltip label={`Formula: ${f.kpi.formula}`} multiline w={300} withArrow openDelay={250} events={{ hover: true, focus: true, touch: false }}>
      <UnstyledButton onClick={onOpen} style={{ display: 'block' }} data-kpi={f.kpi.id} aria-haspopup="dialog">
        <Paper withBorder radius="md" p="md" h="100%">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {f.kpi.name}
          </Text>
          <Text fz={26} fw={750} lh={1.2} mt={4} c={f.value === null ? 'dimmed' : undefined}>
            {value}
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            {hint(f)}
          </Text>
        </Paper>
      </UnstyledButton>
    </Tooltip>
  );
}

/** Won of the closed ones among the deals of a group (those still open are left out). */
const groupWinRate = (g: Pick<FunnelGroup, 'won' | 'lost'>) => (g.won + g.lost === 0 ? null : g.won / (g.won + g.lost));

function GroupTable({
  title,
  groupLabel,
  groups,
  currency,
  none,
  captioned = false,
}: {
  title: string;
  /** The heading of the group column: what the rows are grouped by. */
  groupLabel: string;
  groups: FunnelGroup[];
  currency: string;
  none: string;
  captioned?: boolean;
}) {
  const total = groups.reduce(
    (t, g) => ({
      created: t.created + g.created,
      createdAmount: t.createdAmount + g.createdAmount,
      won: t.won + g.won,
      wonAmount: t.wonAmount + g.wonAmount,
      lost: t.lost + g.lost,
    }),
    { created: 0, createdAmount: 0, won: 0, wonAmount: 0, lost: 0 },
  );
  const money = (n: number) => formatMoney(n, currency);
  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No deals were created in this period.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} highlightOnHover>
        {captioned ? (
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</Table.Caption>
        ) : (
          <VisuallyHidden component="caption">{title}</VisuallyHidden>
        )}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupLabel}</Table.Th>
            {['Deals created', 'Pipeline created', 'Won so far', 'Won amount', 'Lost so far'].map((label) => (
              <Table.Th key={label} scope="col" style={{ textAlign: 'right' }}>
                {label}
              </Table.Th>
            ))}
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              <Tooltip label="Won ÷ (won + lost) among these deals; those still open are left out" multiline w={260} withArrow>
                <span>Won of closed</span>
              </Tooltip>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key ?? ''}>
              <Table.Th scope="row" fw={500} c={g.key === null ? 'dimmed' : undefined}>
                {g.key ?? none}
              </Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>{number(g.created)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(g.createdAmount)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{number(g.won)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(g.wonAmount)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{number(g.lost)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{percent(groupWinRate(g))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">Total</Table.Th>
            <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{number(total.created)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{money(total.createdAmount)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{number(total.won)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{money(total.wonAmount)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{number(total.lost)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', fontWeight: 600 }}>{percent(groupWinRate(total))}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A figure opened: its formula, what counts, and the deals of the period by source and campaign. */
function FigureDrawer({ d, f, onClose }: { d: FunnelDashboard; f: FunnelFigure | null; onClose(): void }) {
  const k = f?.kpi;
  return (
    <Drawer opened={f !== null} onClose={onClose} position="right" size="xl" title={k ? `${k.name}, ${periodLabel(d.period)}` : ''}>
      {f && k && (
        <Stack gap="md">
          <div>
            <Text fz={32} fw={750} lh={1.2} data-testid="funnel-figure-value">
              {formatKpi(f.value, k.id, k.unit, d.currency)}
            </Text>
            <Text size="sm" c="dimmed">
              {hint(f)}
            </Text>
          </div>
          <Paper withBorder radius="md" p="md">
            <Title order={3} fz="h5" mb={4}>
              How it is worked out
            </Title>
            <Text data-testid="funnel-formula">{k.formula}</Text>
            <Text size="sm" mt="xs">
              <b>Counts:</b> {BASIS_LABEL[k.basis] ?? k.basis} · <b>Unit:</b> {unitLabel(k.id, k.unit, d.currency)} · <b>Definition:</b> version {k.version},{' '}
              {k.better} is better
            </Text>
            {k.notes.length > 0 && (
              <List size="sm" mt="xs">
                {k.notes.map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            )}
          </Paper>
          <Text size="sm">
            {k.id === 'pipeline_created'
              ? 'The deals behind this figure, by source and by campaign: the rows add up to it.'
              : `The deals created in ${periodLabel(d.period)}, by source and by campaign, and what became of them so far. ${k.name} counts deals by their close date instead, so these rows show where it comes from rather than adding up to it.`}{' '}
            Marketing sees these totals, not the deals themselves.
          </Text>
          <GroupTable title="By source" groupLabel="Source" groups={d.bySource} currency={d.currency} none="No source given" captioned />
          <GroupTable title="By campaign" groupLabel="Campaign" groups={d.byCampaign} currency={d.currency} none="No campaign" captioned />
        </Stack>
      )}
    </Drawer>
  );
}

/** The funnel's trends in the shape the trend chart draws. */
function asTrend(d: FunnelDashboard, t: FunnelDashboard['trends'][number]): KpiTrend {
  return {
    kpi: t.kpi,
    definitionVersion: t.kpi.version,
    scope: { kind: 'workspace', id: null, label: '' },
    period: d.year,
    by: 'month',
    asOf: null,
    at: d.at,
    currency: d.currency,
    points: t.points.map((p) => ({ ...p, numerator: null, denominator: null })),
  };
}

export function FunnelDashboardPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  const asked = { period: url.get('period'), from: url.get('from'), to: url.get('to') };
  const query = useFunnelDashboard(asked);
  const d = query.data;
  const view: View = url.get('view') === 'table' ? 'table' : 'chart';
  const [open, setOpen] = useState<string | null>(null);
  const keep: Record<string, string> = user.role === 'admin' ? { dashboard: 'funnel' } : {};
  const monthLink = (key: string) => `/dashboard?${new URLSearchParams({ ...keep, period: key }).toString()}`;

  return (
    <>
      <PageHeader
        title="Funnel dashboard"
        description={
          d
            ? `${workspace.name} · ${periodLabel(d.period)}. Deals created and what became of them, by source and campaign. Click a figure for its formula and what it is made of.`
            : 'Pipeline created, win rate and bookings, by source and campaign.'
        }
        actions={
          user.role === 'admin' ? (
            <Button component={Link} to="/dashboard" variant="default" size="sm">
              Sales dashboard
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <MeasureControls
          url={url}
          resolved={d ? { scope: { kind: 'workspace', id: null, label: workspace.name }, period: d.period } : undefined}
          withAsOf={false}
          fixedScope={`Everyone (${workspace.name})`}
        />
        {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
        {query.isPending && <LoadingState rows={8} label="Loading the funnel" />}
        {d && (
          <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={query.isPlaceholderData}>
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 1, sm: 3 }} role="group" aria-label="Headline figures">
                {d.figures.map((f) => (
                  <FigureTile key={f.kpi.id} f={f} currency={d.currency} onOpen={() => setOpen(f.kpi.id)} />
                ))}
              </SimpleGrid>

              <Section
                title={`${d.year.label}, month by month`}
                id="funnel-trends-title"
                actions={<ViewSwitch view={view} onView={(v) => url.set({ view: v === 'chart' ? null : v }, { replace: true })} />}
              >
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                  {d.trends.map((t) => (
                    <div key={t.kpi.id}>
                      <Text fw={600} size="sm" mb={6}>
                        {t.kpi.name}{' '}
                        <Text span size="xs" c="dimmed" fw={400}>
                          {unitLabel(t.kpi.id, t.kpi.unit, d.currency)} per month
                        </Text>
                      </Text>
                      <TrendChart trend={asTrend(d, t)} view={view} linkFor={(p) => monthLink(p.period.key)} />
                    </div>
                  ))}
                </SimpleGrid>
              </Section>

              <Section
                title={`Deals created in ${periodLabel(d.period)}, by source`}
                id="funnel-source-title"
                actions={
                  <Anchor component="button" type="button" size="sm" onClick={() => setOpen('pipeline_created')}>
                    How pipeline created is worked out
                  </Anchor>
                }
              >
                <GroupTable title="By source" groupLabel="Source" groups={d.bySource} currency={d.currency} none="No source given" />
              </Section>
              <Section title={`Deals created in ${periodLabel(d.period)}, by campaign`} id="funnel-campaign-title">
                <GroupTable title="By campaign" groupLabel="Campaign" groups={d.byCampaign} currency={d.currency} none="No campaign" />
              </Section>
            </Stack>
            <FigureDrawer d={d} f={d.figures.find((f) => f.kpi.id === open) ?? null} onClose={() => setOpen(null)} />
          </div>
        )}
      </Stack>
    </>
  );
}
