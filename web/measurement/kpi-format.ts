// KPI figures as people read them: shares in per cent, coverage as a multiple, money in the
// workspace currency, days with one decimal; a null value is "no data", never 0.
import type { KpiUnit } from '../../api/measurement';
import type { Status } from '../../api/measurement-targets';
import { minorDigits } from '../../lib/money';
import { formatMoney, minorToMajor } from '../app/format';

/** Ratios that are a multiple, not a share (pipeline coverage 2.5×). */
const MULTIPLES = new Set(['pipeline_coverage']);

export type Shown = 'percent' | 'multiple' | 'money' | 'days' | 'hours' | 'count';

/** How a KPI's value is shown (and typed into a form). */
export function shownAs(kpiId: string, unit: KpiUnit): Shown {
  if (unit === 'ratio') return MULTIPLES.has(kpiId) ? 'multiple' : 'percent';
  if (unit === 'money' || unit === 'money_per_day') return 'money';
  return unit === 'days' ? 'days' : unit === 'hours' ? 'hours' : 'count';
}

const number = (n: number, digits: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(n);

export interface FormatOptions {
  compact?: boolean;
}

/** The value of a KPI in its unit; "No data" for null. */
export function formatKpi(value: number | null | undefined, kpiId: string, unit: KpiUnit, currency: string | null, options: FormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'No data';
  switch (shownAs(kpiId, unit)) {
    case 'percent':
      return `${number(value * 100, Math.abs(value) < 0.1 && value !== 0 ? 1 : 0)}%`;
    case 'multiple':
      return `${number(value, 1)}×`;
    case 'money': {
      const text = formatMoney(Math.round(value), currency ?? 'EUR', { compact: options.compact ?? false });
      return unit === 'money_per_day' ? `${text}/day` : text;
    }
    case 'days':
      return `${number(value, value < 10 ? 1 : 0)} days`;
    case 'hours':
      return `${number(value, value < 10 ? 1 : 0)} business h`;
    default:
      return number(value, 1);
  }
}

/** Axis ticks: compact money, whole per cents. */
export function axisFormatter(kpiId: string, unit: KpiUnit, currency: string | null): (value: number) => string {
  const shown = shownAs(kpiId, unit);
  if (shown === 'money') return (v) => formatMoney(Math.round(v), currency ?? 'EUR', { compact: true });
  if (shown === 'percent') return (v) => `${Math.round(v * 100)}%`;
  if (shown === 'multiple') return (v) => `${number(v, 1)}×`;
  if (shown === 'days') return (v) => `${number(v, 0)} d`;
  if (shown === 'hours') return (v) => `${number(v, 0)} h`;
  return (v) => number(v, 0);
}

/** What the axis measures, for its label: "EUR", "%", "days". */
export function unitLabel(kpiId: string, unit: KpiUnit, currency: string | null): string {
  const shown = shownAs(kpiId, unit);
  if (shown === 'money') return unit === 'money_per_day' ? `${currency ?? ''} per day` : (currency ?? '');
  if (shown === 'percent') return '%';
  if (shown === 'multiple') return '× quota left';
  return shown === 'days' ? 'days' : shown === 'hours' ? 'business hours' : 'count';
}

/** A form's number → the API's value: per cent → share, major → minor units. */
export function toApiValue(typed: number, kpiId: string, unit: KpiUnit, currency: string | null): number {
  const shown = shownAs(kpiId, unit);
  if (shown === 'percent') return Math.round(typed * 1e6) / 1e8;
  if (shown === 'money') return Math.round(typed * 10 ** minorDigits(currency ?? 'EUR'));
  return typed;
}

/** The API's value → what a person types. */
export function fromApiValue(value: number, kpiId: string, unit: KpiUnit, currency: string | null): number {
  const shown = shownAs(kpiId, unit);
  if (shown === 'percent') return Math.round(value * 1e8) / 1e6;
  if (shown === 'money') return minorToMajor(value, currency ?? 'EUR');
  return value;
}

export const STATUS_LABEL: Record<Status, string> = { green: 'On track', amber: 'At risk', red: 'Off track', no_data: 'No data' };
/** Hues whose light-variant text the theme keeps readable (web/app/theme.ts). */
export const STATUS_COLOR: Record<Status, string> = { green: 'green', amber: 'orange', red: 'red', no_data: 'gray' };

/** Readable basis of a KPI: what puts a record in the period. */
export const BASIS_LABEL: Record<string, string> = {
  closed: 'Deals by close date in the period',
  created: 'Deals by creation date in the period',
  entered_stage: 'Deals by the date they reached the stage',
  left_stage: 'Stage stays by the date they ended',
  activity: 'Activities by when they took place',
  move: 'Stage moves by when they were made',
  open_closing: 'Open deals with their close date in the period',
  received: 'Leads by the date they were received',
  mql: 'Leads by the date of their first MQL',
  routed: 'Leads by the date they were routed to sales',
  first_touch: 'Leads by their first touch',
  decision: 'Decisions on leads by when they were made',
  scheduled: 'Ritual occurrences by their scheduled start',
  period_end: 'Coaching relationships as they stand at the end of the period',
  next_session: 'Action items by when the next session was held',
  reviewed: 'Coaching objectives by when they were reviewed',
};
