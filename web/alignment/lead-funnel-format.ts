// What the lead funnel screen's parts share: how a figure reads, and a figure opened in the drawer.
import type { DrillPart, KpiResult, LeadGroup } from '../../api/measurement';
import { formatKpi } from '../measurement/kpi-format';

export const count = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n));
export const shown = (f: KpiResult, compact = false) => formatKpi(f.value, f.kpi.id, f.kpi.unit, f.currency, { compact });

/** A figure opened: which KPI, which part (numerator, denominator, every record) and which group. */
export interface Drill {
  id: string;
  part?: DrillPart;
  group?: { key: string; label: string };
  /** A group of the per-source, campaign or agreement funnel: the figure comes from that answer. */
  leadGroup?: { by: LeadGroup; figure: KpiResult };
}
