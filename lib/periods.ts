// Pure: the fiscal calendar. Periods are inclusive calendar-date ranges; a workspace's fiscal year
// starts on the first of its fiscal_year_start_month and is named after the calendar year it ends
// in (a year starting February 2026 is FY2027). Instants come from the workspace time zone.
// Shared: the server resolves period keys with it and the web's pickers offer the same periods.
import { addMonths, addWeeks, getISOWeek, getISOWeekYear, parseISO, startOfISOWeekYear } from 'date-fns';
import { addDays, daysBetween, startOfDay } from './calendar.js';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** FY2027, FY2027-Q1, 2026-11, 2026-W48, or from..to for a custom range. */
  key: string;
  label: string;
  /** Inclusive calendar dates. */
  from: string;
  to: string;
}

export interface Bounds {
  /** Instants [start, end) of the period in the workspace time zone. */
  start: number;
  end: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const ymdOf = (d: Date) => ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** Last day of a month (1-based month). */
function monthEnd(year: number, month: number): string {
  return ymd(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** The calendar month `offset` months after (year, month). */
function shiftMonth(year: number, month: number, offset: number): [number, number] {
  const index = year * 12 + (month - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}

export function boundsOf(period: Pick<Period, 'from' | 'to'>, timeZone: string): Bounds {
  return { start: startOfDay(period.from, timeZone), end: startOfDay(addDays(period.to, 1), timeZone) };
}

// ---- Fiscal years and quarters -------------------------------------------------------------------

/** The fiscal year a date falls in. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const [y, m] = parts(date);
  return startMonth === 1 || m < startMonth ? y : y + 1;
}

export function fiscalYear(fy: number, startMonth: number): Period {
  const startYear = startMonth === 1 ? fy : fy - 1;
  const [ey, em] = shiftMonth(startYear, startMonth, 11);
  return { kind: 'year', key: `FY${fy}`, label: `FY${fy}`, from: ymd(startYear, startMonth, 1), to: monthEnd(ey, em) };
}

export function fiscalQuarter(fy: number, quarter: number, startMonth: number): Period {
  const startYear = startMonth === 1 ? fy : fy - 1;
  const [sy, sm] = shiftMonth(startYear, startMonth, (quarter - 1) * 3);
  const [ey, em] = shiftMonth(sy, sm, 2);
  return { kind: 'quarter', key: `FY${fy}-Q${quarter}`, label: `Q${quarter} FY${fy}`, from: ymd(sy, sm, 1), to: monthEnd(ey, em) };
}

export function month(year: number, m: number): Period {
  return { kind: 'month', key: `${pad(year, 4)}-${pad(m)}`, label: `${MONTH_NAMES[m - 1]} ${year}`, from: ymd(year, m, 1), to: monthEnd(year, m) };
}

// ---- ISO weeks -----------------------------------------------------------------------------------

/** ISO week-numbering year and week of a date (weeks start on Monday; week 1 holds 4 January). */
export function isoWeekOf(date: string): { year: number; week: number } {
  const d = parseISO(date);
  return { year: getISOWeekYear(d), week: getISOWeek(d) };
}

export function isoWeek(year: number, week: number): Period {
  const from = ymdOf(addWeeks(startOfISOWeekYear(parseISO(ymd(year, 1, 4))), week - 1));
  return { kind: 'week', key: `${pad(year, 4)}-W${pad(week)}`, label: `Week ${week}, ${year}`, from, to: addDays(from, 6) };
}

// ---- Parsing and navigation ----------------------------------------------------------------------

const KEY = {
  year: /^FY(\d{4})$/,
  quarter: /^FY(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  week: /^(\d{4})-W(\d{2})$/,
};

/** A period from its key, or null when the key is not one. */
export function parsePeriodKey(key: string, startMonth: number): Period | null {
  let m = KEY.year.exec(key);
  if (m) return fiscalYear(Number(m[1]), startMonth);
  m = KEY.quarter.exec(key);
  if (m) return fiscalQuarter(Number(m[1]), Number(m[2]), startMonth);
  m = KEY.month.exec(key);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = KEY.week.exec(key);
  if (m) {
    const week = Number(m[2]);
    const p = week >= 1 && week <= 53 ? isoWeek(Number(m[1]), week) : null;
    // Week 53 exists only in long years: it must map back onto itself.
    return p && isoWeekOf(p.from).week === week ? p : null;
  }
  return null;
}

export function customPeriod(from: string, to: string): Period {
  return { kind: 'custom', key: `${from}..${to}`, label: `${from} – ${to}`, from, to };
}

/** The period of a kind that contains a date. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, date: string, startMonth: number): Period {
  const [y, m] = parts(date);
  switch (kind) {
    case 'year':
      return fiscalYear(fiscalYearOf(date, startMonth), startMonth);
    case 'quarter': {
      const fy = fiscalYearOf(date, startMonth);
      const monthsIn = (m - startMonth + 12) % 12;
      return fiscalQuarter(fy, Math.floor(monthsIn / 3) + 1, startMonth);
    }
    case 'month':
      return month(y, m);
    case 'week': {
      const w = isoWeekOf(date);
      return isoWeek(w.year, w.week);
    }
  }
}

/** The consecutive periods of a kind covering a period (cut to nothing: whole periods). */
export function periodsWithin(outer: Pick<Period, 'from' | 'to'>, kind: Exclude<PeriodKind, 'custom'>, startMonth: number): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(kind, outer.from, startMonth); p.from <= outer.to; p = periodContaining(kind, addDays(p.to, 1), startMonth)) out.push(p);
  return out;
}

export function previousPeriod(p: Period, startMonth: number): Period {
  if (p.kind === 'custom') {
    const days = daysBetween(p.from, p.to);
    return customPeriod(addDays(p.from, -days - 1), addDays(p.from, -1));
  }
  return periodContaining(p.kind, addDays(p.from, -1), startMonth);
}

/** The period of the same kind `offset` periods after p (negative: before); a custom range keeps its length. */
export function shiftPeriod(p: Period, offset: number, startMonth: number): Period {
  if (offset === 0) return p;
  const d = parseISO(p.from);
  switch (p.kind) {
    case 'week':
      return periodContaining('week', ymdOf(addWeeks(d, offset)), startMonth);
    case 'month':
      return periodContaining('month', ymdOf(addMonths(d, offset)), startMonth);
    case 'quarter':
      return periodContaining('quarter', ymdOf(addMonths(d, 3 * offset)), startMonth);
    case 'year':
      return periodContaining('year', ymdOf(addMonths(d, 12 * offset)), startMonth);
    case 'custom': {
      const days = daysBetween(p.from, p.to) + 1;
      return customPeriod(addDays(p.from, days * offset), addDays(p.to, days * offset));
    }
  }
}

/** The periods of a kind a picker offers, newest first: `ahead` after the one holding `today`, that one, `back` before it. */
export function periodsAround(kind: Exclude<PeriodKind, 'custom'>, today: string, startMonth: number, back: number, ahead: number): Period[] {
  const current = periodContaining(kind, today, startMonth);
  const out: Period[] = [];
  for (let i = ahead; i >= -back; i--) out.push(shiftPeriod(current, i, startMonth));
  return out;
}

/** Share of the period elapsed at an instant, 0..1. */
export function elapsedShare(bounds: Bounds, at: number): number {
  if (at <= bounds.start) return 0;
  if (at >= bounds.end) return 1;
  return (at - bounds.start) / (bounds.end - bounds.start);
}

/** The last `days` days of each fiscal quarter overlapping a range, as inclusive date ranges. */
export function quarterTails(range: Pick<Period, 'from' | 'to'>, startMonth: number, days: number): { from: string; to: string }[] {
  return periodsWithin(range, 'quarter', startMonth).map((q) => ({ from: addDays(q.to, -(days - 1)), to: q.to }));
}
