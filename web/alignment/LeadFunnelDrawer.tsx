// A funnel figure opened: its formula, notes and the leads behind it (numerator, denominator, or
// one group's), each linking to the lead — never a deal.
import { Anchor, Drawer, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DrillPart, KpiRecord, KpiResult, LeadGroup } from '../../api/measurement';
import type { LeadFunnelDashboard } from '../../api/measurement-dashboard';
import { formatInstant } from '../app/format';
import type { Column } from '../components/columns';
import { DataTable } from '../components/DataTable';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Pager } from '../components/Pager';
import { useKpiRecords } from '../data/kpis/kpis';
import { drillParts } from '../measurement/kpi-drill';
import { formatKpi } from '../measurement/kpi-format';
import type { MeasureQuery } from '../measurement/kpi-links';
import { periodLabel } from '../measurement/measure-periods';
import { count, type Drill, shown } from './lead-funnel-format';

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

function DrillRecords({
  f,
  q,
  part,
  group,
  leadGroup,
}: {
  f: KpiResult;
  q: MeasureQuery;
  part: DrillPart;
  group: string | undefined;
  leadGroup?: LeadGroup | undefined;
}) {
  const [cursors, setCursors] = useState<string[]>([]);
  // A lead group's key (a source, a campaign or agreement id) is read under that grouping.
  const records = useKpiRecords(f.kpi.id, leadGroup ? Object.assign({}, q, { leadGroup }) : q, part, group, cursors.at(-1));
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

/** One group's figure, in the KPI's unit (a count of MQLs, a conversion share). */
function groupValue(f: KpiResult, key: string): string {
  const value = f.breakdown?.find((b) => b.key === key)?.value ?? null;
  return f.kpi.unit === 'count' ? count(value) : formatKpi(value, f.kpi.id, f.kpi.unit, f.currency);
}

export function FigureDrawer({ d, drill, q, onClose }: { d: LeadFunnelDashboard; drill: Drill | null; q: MeasureQuery; onClose(): void }) {
  const f = drill ? (drill.leadGroup?.figure ?? d.figures.find((x) => x.kpi.id === drill.id)) : undefined;
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
              {drill.group ? groupValue(f, drill.group.key) : shown(f)}
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
              <DrillRecords
                key={`${drill.id}:${part}:${drill.leadGroup?.by ?? ''}:${drill.group?.key ?? ''}`}
                f={f}
                q={q}
                part={part}
                group={drill.group?.key}
                leadGroup={drill.leadGroup?.by}
              />
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
