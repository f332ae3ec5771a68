// The lead funnel both sides look at (issue 12's closed loop): new → MQL (marketing's tile), MQL → SAL → SQL → opportunity → won
// with the conversion at each step, the sales SLA (accept, first touch, attempts) and marketing's
// delivery against its commitment side by side, speed to lead and the rejections by reason. Every
// figure is a catalogue KPI (one call, GET /api/v1/dashboard/leads) and opens its formula and the
// leads behind it. Marketing sees the workspace; reps their own leads; managers their teams. The
// scope, period and as-of date live in the URL so a figure can be shared.
import { FunnelChart } from '@mantine/charts';
import { Anchor, Badge, Drawer, Group, List, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DrillPart, KpiRecord, KpiResult } from '../../api/measurement';
import type { LeadFunnelDashboard } from '../../api/measurement-dashboard';
import { counted } from '../../lib/counted';
import { api } from '../app/api';
import { formatInstant, plural } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import type { Column } from '../components/columns';
import { DataTable } from '../components/DataTable';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { drillParts, useKpiRecords } from '../measurement/kpi-api';
import { formatKpi } from '../measurement/kpi-format';
import { type MeasureQuery, measureQueryOf, resolvedQuery } from '../measurement/kpi-links';
import { MeasureControls } from '../measurement/MeasureControls';
import { Section } from '../measurement/MeasureSection';
import { periodLabel } from '../measurement/measure-periods';

function useLeadFunnel(q: MeasureQuery) {
  const params = { scope: q.scope, scopeId: q.scopeId, period: q.period, from: q.from, to: q.to, asOf: q.asOf };
  return useQuery({
    queryKey: ['measurement', 'lead-funnel', params],
    queryFn: ({ signal }) => api.get<LeadFunnelDashboard>('/api/v1/dashboard/leads', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

const count = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n));
const shown = (f: KpiResult, compact = false) => formatKpi(f.value, f.kpi.id, f.kpi.unit, f.currency, { compact });

/** A figure opened: which KPI, which part (numerator, denominator, every record) and which group. */
interface Drill {
  id: string;
  part?: DrillPart;
  group?: { key: string; label: string };
}

/** The steps of the funnel: how many of the period's MQLs reached each, and the KPI that converts into it. */
interface Step {
  label: string;
  leads: number | null;
  /** The conversion from the step before (its KPI), none for the first step. */
  conversion: KpiResult | null;
  /** The KPI whose numerator lists this step's leads. */
  drill: string;
}

function stepsOf(figure: (id: string) => KpiResult): Step[] {
  const mqls = figure('lead_mqls');
  const into = (id: string, label: string): Step => {
    const f = figure(id);
    // The conversion's numerator is the step's leads; over no denominator the step had none.
    return { label, leads: f.numerator ?? 0, conversion: f, drill: id };
  };
  return [
    { label: 'MQL', leads: mqls.value ?? 0, conversion: null, drill: 'lead_mqls' },
    into('mql_to_sal', 'Accepted (SAL)'),
    into('sal_to_sql', 'Qualified (SQL)'),
    into('sql_to_opportunity', 'Opportunity'),
    into('opportunity_to_won', 'Won'),
  ];
}

const STEP_COLORS = ['indigo.7', 'indigo.6', 'indigo.5', 'indigo.4', 'teal.6'];

function FunnelSteps({ steps, onOpen }: { steps: Step[]; onOpen(d: Drill): void }) {
  const data = steps.map((s, i) => ({ name: s.label, value: s.leads ?? 0, color: STEP_COLORS[i] ?? 'gray.5' }));
  const empty = (steps[0]?.leads ?? 0) === 0;
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      {!empty && (
        // The picture of the table beside it, which is what a screen reader and the keyboard use.
        <div aria-hidden="true" style={{ flex: '0 0 260px' }}>
          <FunnelChart data={data} size={240} withTooltip={false} withLabels labelsPosition="inside" accessibilityLayer={false} />
        </div>
      )}
      <Table.ScrollContainer minWidth={420} style={{ flex: '1 1 420px' }}>
        <Table verticalSpacing={6} highlightOnHover aria-label="Lead funnel">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Step</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Leads
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Conversion from the step before
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((s) => (
              <Table.Tr key={s.label} data-step={s.label}>
                <Table.Th scope="row" fw={500}>
                  {s.label}
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => onOpen({ id: s.drill, part: 'numerator' })}
                    aria-label={`${s.label}: ${plural(s.leads ?? 0, 'lead')}, list them`}
                  >
                    {count(s.leads)}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {s.conversion ? (
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => onOpen({ id: (s.conversion as KpiResult).kpi.id })}
                      aria-label={`${s.conversion.kpi.name}: ${shown(s.conversion)}`}
                    >
                      {shown(s.conversion)}
                    </Anchor>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {empty && (
          <Text size="sm" c="dimmed" mt="xs">
            No lead reached MQL in this period for this scope. Pick another period, or check the agreement’s threshold.
          </Text>
        )}
      </Table.ScrollContainer>
    </Group>
  );
}

/** One figure as a tile: name, value, what it is made of; opens the formula and the leads. */
function Tile({ f, onOpen, hint }: { f: KpiResult; onOpen(): void; hint?: string }) {
  const made =
    f.value === null
      ? (f.noData ?? 'No data')
      : f.kpi.unit === 'ratio' && f.numerator !== null && f.denominator !== null
        ? `${count(f.numerator)} of ${count(f.denominator)}`
        : counted(f.count, f.kpi.numeratorLabel, count);
  return (
    <UnstyledButton onClick={onOpen} style={{ display: 'block' }} data-kpi={f.kpi.id} aria-haspopup="dialog">
      <Paper withBorder radius="md" p="md" h="100%">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {f.kpi.name}
        </Text>
        <Text fz={26} fw={750} lh={1.2} mt={4} c={f.value === null ? 'dimmed' : undefined}>
          {shown(f)}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {made}
          {hint ? ` · ${hint}` : ''}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

function Breakdown({ f, keyLabel, none, onOpen }: { f: KpiResult; keyLabel: string; none: string; onOpen(d: Drill): void }) {
  const rows = f.breakdown ?? [];
  const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  return (
    <Table verticalSpacing={4} highlightOnHover aria-label={`${f.kpi.name} by ${keyLabel.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{keyLabel}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {f.kpi.numeratorLabel}
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            Share
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500}>
              {r.label}
            </Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>
              <Anchor
                component="button"
                type="button"
                onClick={() => onOpen({ id: f.kpi.id, part: 'numerator', group: { key: r.key, label: r.label } })}
                aria-label={`${r.label}: ${count(r.value)}, list them`}
              >
                {count(r.value)}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{total > 0 && r.value !== null ? `${Math.round((r.value / total) * 100)}%` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function leadColumns(part: DrillPart, f: KpiResult, rows: KpiRecord[]): Column<KpiRecord>[] {
  const cols: Column<KpiRecord>[] = [
    {
      key: 'lead',
      label: 'Lead',
      fixed: true,
      maxWidth: 280,
      render: (r) =>
        r.leadId ? (
          <Anchor component={Link} to={`/leads/${r.leadId}`} size="sm" fw={600}>
            {r.leadName ?? 'Lead'}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {r.detail ?? 'Commitment'}
          </Text>
        ),
    },
    { key: 'owner', label: 'Owner', render: (r) => r.ownerName ?? '—' },
    { key: 'at', label: 'When', render: (r) => formatInstant(r.at) },
  ];
  if (rows.some((r) => r.group)) cols.push({ key: 'group', label: 'Group', render: (r) => r.group ?? '—' });
  if (rows.some((r) => r.value !== null))
    cols.push({ key: 'value', label: 'Value', align: 'right', render: (r) => formatKpi(r.value, f.kpi.id, f.kpi.unit, f.currency) });
  if (part === 'denominator' && f.kpi.measure === 'count')
    cols.push({ key: 'inNumerator', label: f.kpi.numeratorLabel, render: (r) => (r.numerator ? 'Yes' : 'No') });
  return cols;
}

function DrillRecords({ f, q, part, group }: { f: KpiResult; q: MeasureQuery; part: DrillPart; group: string | undefined }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const records = useKpiRecords(f.kpi.id, q, part, group, cursors.at(-1));
  if (records.isError) return <ErrorState error={records.error} onRetry={() => records.refetch()} />;
  if (records.isPending) return <LoadingState rows={5} label="Loading the leads" />;
  const page = records.data;
  const columns = leadColumns(part, f, page.items);
  return (
    <div>
      <DataTable
        caption={`${page.partLabel}, ${page.scope.label}, ${page.period.label}`}
        columns={columns}
        visible={columns.map((c) => c.key)}
        rows={page.items}
        rowKey={(r) => `${r.recordType}:${r.recordId}`}
      />
      <Pager
        shown={page.items.length}
        hasPrevious={cursors.length > 0}
        nextCursor={page.nextCursor}
        onPrevious={() => setCursors((c) => c.slice(0, -1))}
        onNext={(c) => setCursors((all) => [...all, c])}
        onFirst={() => setCursors([])}
        noun="records"
      />
    </div>
  );
}

function FigureDrawer({ d, drill, q, onClose }: { d: LeadFunnelDashboard; drill: Drill | null; q: MeasureQuery; onClose(): void }) {
  const f = drill ? d.figures.find((x) => x.kpi.id === drill.id) : undefined;
  const parts = f ? drillParts(f, f.kpi) : [];
  const [tab, setTab] = useState<string | null>(null);
  const part = (drill?.part ?? (tab as DrillPart | null) ?? parts[0]?.part ?? 'numerator') as DrillPart;
  const title = f ? `${f.kpi.name}${drill?.group ? ` — ${drill.group.label}` : ''}, ${periodLabel(d.period)}` : '';
  return (
    <Drawer
      opened={Boolean(f)}
      onClose={() => {
        setTab(null);
        onClose();
      }}
      position="right"
      size="xl"
      title={title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {f && drill && (
        <Stack gap="md">
          <div>
            <Text fz={32} fw={750} lh={1.2} data-testid="lead-funnel-value">
              {drill.group ? count(f.breakdown?.find((b) => b.key === drill.group?.key)?.value ?? null) : shown(f)}
            </Text>
            <Text size="sm" c="dimmed">
              {d.scope.label} · {periodLabel(d.period)}
              {d.asOf ? ` · as of ${formatInstant(d.asOf)}` : ''}
            </Text>
          </div>
          <Paper withBorder radius="md" p="md">
            <Title order={3} fz="h5" mb={4}>
              How it is worked out
            </Title>
            <Text data-testid="lead-funnel-formula">{f.kpi.formula}</Text>
            <Text size="sm" mt="xs">
              Definition version {f.kpi.version}, {f.kpi.better} is better.
            </Text>
            {f.kpi.notes.length > 0 && (
              <List size="sm" mt="xs">
                {f.kpi.notes.map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            )}
          </Paper>
          {drill.part || parts.length < 2 ? (
            <>
              <Title order={3} fz="h5">
                {parts.find((p) => p.part === part)?.label ?? f.kpi.numeratorLabel}
              </Title>
              <DrillRecords key={`${drill.id}:${part}:${drill.group?.key ?? ''}`} f={f} q={q} part={part} group={drill.group?.key} />
            </>
          ) : (
            <Tabs value={part} onChange={setTab}>
              <Tabs.List>
                {parts.map((p) => (
                  <Tabs.Tab key={p.part} value={p.part}>
                    {p.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {parts.map((p) => (
                <Tabs.Panel key={p.part} value={p.part} pt="sm">
                  {p.part === part && <DrillRecords f={f} q={q} part={p.part} group={undefined} />}
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

export function LeadFunnelPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  const asked = measureQueryOf(url);
  const query = useLeadFunnel(asked);
  const d = query.data;
  const [drill, setDrill] = useState<Drill | null>(null);
  const byId = new Map((d?.figures ?? []).map((f) => [f.kpi.id, f]));
  const figure = (id: string) => {
    const f = byId.get(id);
    if (!f) throw new Error(`the funnel answer lacks ${id}`);
    return f;
  };
  const q = d ? resolvedQuery(d.scope, d.period, asked.asOf) : asked;
  const marketing = user.role === 'marketing';

  return (
    <>
      <PageHeader
        title="Lead funnel"
        description={
          d
            ? `${d.scope.label} · ${periodLabel(d.period)}. The MQLs of the period and how far they got, both sides’ SLA and the rejections. Click a figure for its formula and the leads behind it.`
            : 'The lead funnel, both sides’ SLA and the rejections.'
        }
      />
      <Stack gap="lg">
        <MeasureControls
          url={url}
          resolved={d ? { scope: d.scope, period: d.period } : undefined}
          {...(marketing ? { fixedScope: `Everyone (${workspace.name})` } : {})}
        />
        {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
        {query.isPending && <LoadingState rows={8} label="Loading the lead funnel" />}
        {d && (
          <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={query.isPlaceholderData}>
            <Stack gap="lg">
              <Section
                title={`MQLs of ${periodLabel(d.period)} and how far they got`}
                id="lead-funnel-steps"
                actions={
                  <Badge variant="light" size="lg" radius="sm">
                    MQL → won: {shown(figure('mql_to_won'))}
                  </Badge>
                }
              >
                <FunnelSteps steps={stepsOf(figure)} onOpen={setDrill} />
              </Section>

              <Section title="Sales: the SLA agreed with marketing" id="lead-funnel-sales">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} role="group" aria-label="Sales SLA">
                  {['lead_accept_sla', 'lead_touch_sla', 'lead_attempts_sla', 'speed_to_lead'].map((id) => (
                    <Tile key={id} f={figure(id)} onOpen={() => setDrill({ id })} />
                  ))}
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="md" role="group" aria-label="Speed to lead">
                  {['speed_to_lead_p95', 'speed_to_lead_5m', 'speed_to_lead_15m', 'speed_to_lead_60m'].map((id) => (
                    <Tile key={id} f={figure(id)} onOpen={() => setDrill({ id })} />
                  ))}
                </SimpleGrid>
              </Section>

              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <Section title="Marketing: delivery against the commitment" id="lead-funnel-marketing">
                  <Stack gap="md">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} role="group" aria-label="Marketing's leads">
                      <Tile f={figure('new_to_mql')} onOpen={() => setDrill({ id: 'new_to_mql' })} hint="before the funnel" />
                      <Tile f={figure('marketing_delivery')} onOpen={() => setDrill({ id: 'marketing_delivery' })} />
                    </SimpleGrid>
                    <Breakdown f={figure('lead_mqls')} keyLabel="Segment" none="No MQLs in this period." onOpen={setDrill} />
                  </Stack>
                </Section>
                <Section title="Rejections by reason" id="lead-funnel-rejections">
                  <Breakdown f={figure('lead_rejections')} keyLabel="Reason" none="No lead was rejected in this period." onOpen={setDrill} />
                </Section>
              </SimpleGrid>
            </Stack>
            <FigureDrawer d={d} drill={drill} q={q} onClose={() => setDrill(null)} />
          </div>
        )}
      </Stack>
    </>
  );
}
