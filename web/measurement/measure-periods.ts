// Period keys the KPI API understands, worked out in the browser for the period picker: ISO weeks
// (2026-W48), months (2026-11), fiscal quarters (FY2027-Q1) and fiscal years (FY2027), the same
// arithmetic as server/measurement/periods.ts. Fiscal quarters come from forecast-periods.ts.
import type { PeriodInfo } from '../../api/measurement';
import { addDays, formatCalendarDate } from '../app/format';
import { fiscalQuarter, fiscalYearOf, monthsOf, quarterOf, shiftQuarter } from './forecast-periods';

export type PickKind = 'week' | 'month' | 'quarter' | 'year' | 'custom';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** What kind of period a key names; null when it is not a key. */
export function kindOfKey(key: string | undefined): Exclude<PickKind, 'custom'> | null {
  if (!key) return null;
  if (/^FY\d{4}$/.test(key)) return 'year';
  if (/^FY\d{4}-Q[1-4]$/.test(key)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return 'month';
  if (/^\d{4}-W\d{2}$/.test(key)) return 'week';
  return null;
}

function isoWeekOf(date: string): { year: number; week: number; monday: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const monday = addDays(date, -weekday);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const firstMonday = addDays(jan4, -((new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7));
  const week = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return { year, week, monday };
}

export interface PeriodChoice {
  value: string;
  label: string;
}

/** The periods of a kind a picker offers, newest first: the current one, `back` before it and `ahead` after. */
export function periodChoices(kind: Exclude<PickKind, 'custom'>, today: string, startMonth: number, back = 8, ahead = 1): PeriodChoice[] {
  const out: PeriodChoice[] = [];
  for (let i = ahead; i >= -back; i--) {
    const mark = i === 0 ? ' (current)' : '';
    if (kind === 'week') {
      const { monday } = isoWeekOf(today);
      const start = addDays(monday, 7 * i);
      const w = isoWeekOf(start);
      out.push({
        value: `${w.year}-W${pad(w.week)}`,
        label: `Week ${w.week} · ${formatCalendarDate(start).replace(/\s\d{4}$/, '')} – ${formatCalendarDate(addDays(start, 6))}${mark}`,
      });
    } else if (kind === 'month') {
      const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + i;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      out.push({ value: `${y}-${pad(m)}`, label: `${MONTHS[m - 1]} ${y}${mark}` });
    } else if (kind === 'quarter') {
      const q = shiftQuarter(quarterOf(today, startMonth), i, startMonth);
      out.push({ value: q.key, label: `${q.label}${mark}` });
    } else {
      const fy = fiscalYearOf(today, startMonth) + i;
      const months = monthsOf({ from: fiscalQuarter(fy, 1, startMonth).from, to: fiscalQuarter(fy, 4, startMonth).to });
      out.push({ value: `FY${fy}`, label: `FY${fy} · ${months}${mark}` });
    }
  }
  return out;
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
