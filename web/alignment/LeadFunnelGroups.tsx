// The funnel per source, campaign or agreement version: for each group its MQLs and the conversion
// into every step, from the same KPIs as the funnel above (GET /api/v1/dashboard/leads?leadGroup=),
// so the groups of a step add up to its figure. A cell opens the group's leads behind it.
import { Anchor, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { KpiResult, LeadGroup } from '../../api/measurement';
import type { UrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useLeadFunnel } from '../data/lead-funnel/lead-funnel';
import { formatKpi } from '../measurement/kpi-format';
import type { MeasureQuery } from '../measurement/kpi-links';
import { count, type Drill } from './lead-funnel-format';
import { groupRows } from './lead-funnel-rows';

const GROUPS: { value: LeadGroup; label: string; noun: string }[] = [
  { value: 'source', label: 'Source', noun: 'source' },
  { value: 'campaign', label: 'Campaign', noun: 'campaign' },
  { value: 'agreement', label: 'Agreement version', noun: 'agreement version' },
];

/** The columns: MQLs, the conversion into each step, then the leads won in the period: their median days from MQL and their revenue. */
export const COLUMNS = [
  { id: 'lead_mqls', label: 'MQLs' },
  { id: 'mql_to_sal', label: 'MQL → SAL' },
  { id: 'sal_to_sql', label: 'SAL → SQL' },
  { id: 'sql_to_opportunity', label: 'SQL → opportunity' },
  { id: 'opportunity_to_won', label: 'Opportunity → won' },
  { id: 'lead_to_won_days', label: 'Days MQL → won' },
  { id: 'lead_revenue', label: 'Revenue' },
];

export function groupOf(url: UrlState): LeadGroup {
  const by = url.get('by');
  return GROUPS.some((g) => g.value === by) ? (by as LeadGroup) : 'source';
}

export function LeadFunnelGroups({ q, url, onOpen }: { q: MeasureQuery; url: UrlState; onOpen(d: Drill): void }) {
  const by = groupOf(url);
  const query = useLeadFunnel(q, by);
  const noun = GROUPS.find((g) => g.value === by)?.noun ?? by;
  const figures = new Map((query.data?.figures ?? []).map((f) => [f.kpi.id, f]));
  const rows = groupRows(
    figures,
    COLUMNS.map((c) => c.id),
  );
  const cell = (f: KpiResult | undefined, key: string) => {
    const g = f?.breakdown?.find((b) => b.key === key);
    if (!f || !g) return '—';
    return f.kpi.unit === 'count' ? count(g.value) : formatKpi(g.value, f.kpi.id, f.kpi.unit, f.currency);
  };
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Group the funnel by"
        value={by}
        onChange={(value) => url.set({ by: value }, { replace: true })}
        data={GROUPS.map((g) => ({ value: g.value, label: g.label }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isPending && <LoadingState rows={4} label={`Loading the funnel by ${noun}`} />}
      {query.data && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No lead moved through the funnel in this period for this scope.
        </Text>
      )}
      {query.data && rows.length > 0 && (
        <Table.ScrollContainer minWidth={780}>
          <Table verticalSpacing={4} highlightOnHover aria-label={`Lead funnel by ${noun}`} data-group-by={by}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{GROUPS.find((g) => g.value === by)?.label}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c.id} scope="col" style={{ textAlign: 'right' }}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={500}>
                    {r.label}
                  </Table.Th>
                  {COLUMNS.map((c) => {
                    const f = figures.get(c.id);
                    const text = cell(f, r.key);
                    return (
                      <Table.Td key={c.id} style={{ textAlign: 'right' }}>
                        {f && text !== '—' ? (
                          <Anchor
                            component="button"
                            type="button"
                            onClick={() => onOpen({ id: c.id, part: 'numerator', group: { key: r.key, label: r.label }, leadGroup: { by, figure: f } })}
                            aria-label={`${r.label}, ${c.label}: ${text}, list the leads`}
                          >
                            {text}
                          </Anchor>
                        ) : (
                          text
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
