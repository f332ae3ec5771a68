// The periods the KPI screens' pickers offer: ISO weeks (2026-W48), months (2026-11), fiscal
// quarters (FY2027-Q1) and fiscal years (FY2027), worked out in the browser with lib/periods.ts,
// the calendar the server resolves the same keys with.
import type { PeriodInfo } from '../../api/measurement';
import { addDays } from '../../lib/calendar';
import { periodsAround } from '../../lib/periods';
import { formatCalendarDate } from '../app/format';
import { monthsOf } from './forecast-periods';

export type PickKind = 'week' | 'month' | 'quarter' | 'year' | 'custom';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What kind of period a key names; null when it is not a key. */
export function kindOfKey(key: string | undefined): Exclude<PickKind, 'custom'> | null {
  if (!key) return null;
  if (/^FY\d{4}$/.test(key)) return 'year';
  if (/^FY\d{4}-Q[1-4]$/.test(key)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return 'month';
  if (/^\d{4}-W\d{2}$/.test(key)) return 'week';
  return null;
}

export interface PeriodChoice {
  value: string;
  label: string;
}

/** The periods of a kind a picker offers, newest first: the current one, `back` before it and `ahead` after. */
export function periodChoices(kind: Exclude<PickKind, 'custom'>, today: string, startMonth: number, back = 8, ahead = 1): PeriodChoice[] {
  const current = periodsAround(kind, today, startMonth, 0, 0)[0]?.key;
  return periodsAround(kind, today, startMonth, back, ahead).map((p) => {
    const mark = p.key === current ? ' (current)' : '';
    if (kind === 'week') {
      const week = Number(p.key.slice(6));
      return { value: p.key, label: `Week ${week} · ${formatCalendarDate(p.from).replace(/\s\d{4}$/, '')} – ${formatCalendarDate(addDays(p.from, 6))}${mark}` };
    }
    if (kind === 'month') return { value: p.key, label: `${MONTHS[Number(p.from.slice(5, 7)) - 1]} ${p.from.slice(0, 4)}${mark}` };
    if (kind === 'quarter') return { value: p.key, label: `${p.label}${mark}` };
    return { value: p.key, label: `${p.key} · ${monthsOf(p)}${mark}` };
  });
}

/** The current period of a kind. */
export function currentPeriodKey(kind: Exclude<PickKind, 'custom'>, today: string, startMonth: number): string {
  return (periodChoices(kind, today, startMonth, 0, 0)[0] as PeriodChoice).value;
}

/** "Q4 FY2026", or "1 Oct 2026 – 31 Oct 2026" for a custom range. */
export function periodLabel(p: PeriodInfo): string {
  return p.kind === 'custom' ? `${formatCalendarDate(p.from)} – ${formatCalendarDate(p.to)}` : p.label;
}

/** Short month names for chart axes: "Jan", or "Jan 27" when the year turns inside the range. */
export function shortMonth(p: PeriodInfo, withYear: boolean): string {
  const m = MONTHS[Number(p.from.slice(5, 7)) - 1]?.slice(0, 3) ?? p.label;
  return withYear ? `${m} ${p.from.slice(2, 4)}` : m;
}
