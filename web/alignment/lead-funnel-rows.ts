// The rows of the lead funnel by group (pure, so it is tested without a browser).
import type { KpiResult } from '../../api/measurement';

/**
 * The groups with anything in the period, in any of the table's figures, most MQLs first: a campaign
 * whose leads became MQLs last quarter and convert this one is a row too, so each step's groups add
 * up to the step's figure.
 */
export function groupRows(figures: ReadonlyMap<string, KpiResult>, columns: readonly string[]): { key: string; label: string }[] {
  const rows = new Map<string, { key: string; label: string; mqls: number }>();
  for (const id of columns) {
    for (const g of figures.get(id)?.breakdown ?? []) {
      if (g.count > 0 && !rows.has(g.key)) rows.set(g.key, { key: g.key, label: g.label, mqls: 0 });
    }
  }
  for (const g of figures.get('lead_mqls')?.breakdown ?? []) {
    const row = rows.get(g.key);
    if (row) row.mqls = g.value ?? 0;
  }
  return [...rows.values()].sort((a, b) => b.mqls - a.mqls || a.label.localeCompare(b.label));
}
