// Pure: calendar dates (YYYY-MM-DD text) and the instants they start at in a time zone. Used by the
// server (periods, adherence weeks, KPI ranges) and the web (pickers, links) alike. Calendar
// arithmetic goes through date-fns on local-midnight dates: a date never shifts, whatever the zone.
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, addDays as fnsAddDays, format, parseISO, startOfISOWeek } from 'date-fns';

export const DAY_MS = 86_400_000;

const toDate = (date: string) => parseISO(date);
const toText = (d: Date) => format(d, 'yyyy-MM-dd');

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  return toText(fnsAddDays(toDate(date), n));
}

/** Whole days from a to b (calendar dates), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/** The Monday on or before a calendar date. */
export function mondayOf(date: string): string {
  return toText(startOfISOWeek(toDate(date)));
}

/** The instant a calendar day starts in a time zone. */
export function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
}
