// The records behind a part of a KPI (numerator, denominator, or every record behind a median), as
// they stood at the as-of instant. Columns follow what the records are: deals, stage stays, stage
// entries, activities or stage moves; deal names open the deal.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KpiRecord, KpiRecordPage } from '../../api/measurement';
import { formatCalendarDate, formatInstant, formatMoney } from '../app/format';
import type { Column } from '../components/columns';
import { DataTable } from '../components/DataTable';
import { formatKpi } from './kpi-format';

const STATUS = { open: 'Open', won: 'Won', lost: 'Lost' } as Record<string, string>;

const AT_LABEL: Record<string, string> = {
  deal: 'Closed',
  stage_interval: 'Left the stage',
  stage_entry: 'Reached the stage',
  activity: 'When',
  stage_move: 'Moved',
  coaching_relationship: 'Last session held',
  coaching_action_item: 'Next session held',
  coaching_objective: 'Reviewed',
};

const DETAIL_LABEL: Record<string, string> = {
  stage_interval: 'Stage',
  stage_entry: 'Stage',
  activity: 'Activity',
  stage_move: 'Move',
  deal: 'Detail',
  coaching_relationship: 'Relationship',
  coaching_action_item: 'Action item',
  coaching_objective: 'Objective',
};

export function recordColumns(page: KpiRecordPage): Column<KpiRecord>[] {
  const items = page.items;
  const type = items[0]?.recordType ?? 'deal';
  const any = (f: (r: KpiRecord) => unknown) => items.some((r) => f(r) !== null && f(r) !== undefined);
  const k = page.kpi;
  const cols: Column<KpiRecord>[] = [
    {
      key: 'deal',
      label: 'Deal',
      fixed: true,
      maxWidth: 300,
      render: (r) =>
        r.dealId ? (
          <Anchor component={Link} to={`/deals/${r.dealId}`} size="sm" fw={600}>
            {r.dealName ?? 'Deal'}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            No deal
          </Text>
        ),
    },
  ];
  // Deals carry their stage, status, amount and close date; activities and moves say when they happened.
  const dealFacts = type === 'deal' || type === 'stage_entry' || type === 'stage_interval';
  if (any((r) => r.detail)) cols.push({ key: 'detail', label: DETAIL_LABEL[type] ?? 'Detail', maxWidth: 300, render: (r) => r.detail ?? '—' });
  if (type !== 'deal' && any((r) => r.at)) cols.push({ key: 'at', label: AT_LABEL[type] ?? 'When', render: (r) => formatInstant(r.at) });
  cols.push({ key: 'owner', label: 'Owner', render: (r) => r.ownerName ?? '—' });
  if (type === 'deal' && any((r) => r.stageName)) cols.push({ key: 'stage', label: 'Stage then', render: (r) => r.stageName ?? '—' });
  if (dealFacts && any((r) => r.status)) cols.push({ key: 'status', label: 'Status', render: (r) => (r.status ? (STATUS[r.status] ?? r.status) : '—') });
  if (dealFacts && any((r) => r.amount))
    cols.push({
      key: 'amount',
      label: 'Amount',
      align: 'right',
      render: (r) => (r.amount === null ? '—' : formatMoney(r.amount, r.currency ?? page.currency ?? 'EUR')),
    });
  if (dealFacts && any((r) => r.closeDate)) cols.push({ key: 'closeDate', label: 'Close date', render: (r) => formatCalendarDate(r.closeDate) });
  if (any((r) => r.value))
    cols.push({ key: 'value', label: k.unit === 'days' ? 'Days' : 'Value', align: 'right', render: (r) => formatKpi(r.value, k.id, k.unit, page.currency) });
  // A denominator lists every record; say which of them also count in the numerator.
  if (page.part === 'denominator' && k.measure === 'count' && items.some((r) => r.numerator !== null))
    cols.push({ key: 'inNumerator', label: k.numeratorLabel, render: (r) => (r.numerator ? 'Yes' : 'No') });
  return cols;
}

export function KpiRecordsTable({ page }: { page: KpiRecordPage }) {
  const columns = recordColumns(page);
  return (
    <DataTable
      caption={`${page.partLabel}, ${page.scope.label}, ${page.period.label}`}
      columns={columns}
      visible={columns.map((c) => c.key)}
      rows={page.items}
      rowKey={(r) => `${r.recordType}:${r.recordId}`}
    />
  );
}
