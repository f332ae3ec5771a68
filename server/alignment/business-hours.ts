// Business-hours arithmetic in the workspace's time zone: working days, opening hours and holidays.
// Pure. Each day's window is built from local wall-clock times, so a DST change shortens or
// lengthens the night, never the working day.
import { TZDate } from '@date-fns/tz';

export interface BusinessCalendar {
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** Local calendar dates, YYYY-MM-DD. */
  holidays: readonly string[];
}

const MINUTE = 60_000;
/** Ten years of days: a clock never looks further (a calendar with no working day at all stops here). */
const MAX_DAYS = 3660;

interface LocalDay {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (day: LocalDay) => `${day.y}-${pad(day.m + 1)}-${pad(day.d)}`;

function localDayOf(at: number, tz: string): LocalDay {
  const t = new TZDate(at, tz);
  return { y: t.getFullYear(), m: t.getMonth(), d: t.getDate() };
}

function nextDay(day: LocalDay): LocalDay {
  const u = new Date(Date.UTC(day.y, day.m, day.d + 1));
  return { y: u.getUTCFullYear(), m: u.getUTCMonth(), d: u.getUTCDate() };
}

/** The day's working window as instants, or null when the day is closed. */
export function windowOf(cal: BusinessCalendar, day: LocalDay): [number, number] | null {
  const weekday = new Date(Date.UTC(day.y, day.m, day.d)).getUTCDay() || 7;
  if (!cal.workingDays.includes(weekday) || cal.holidays.includes(isoDate(day)) || cal.endMinute <= cal.startMinute) return null;
  const open = new TZDate(day.y, day.m, day.d, Math.floor(cal.startMinute / 60), cal.startMinute % 60, cal.timezone).getTime();
  const close =
    cal.endMinute >= 1440
      ? new TZDate(day.y, day.m, day.d + 1, 0, 0, cal.timezone).getTime()
      : new TZDate(day.y, day.m, day.d, Math.floor(cal.endMinute / 60), cal.endMinute % 60, cal.timezone).getTime();
  return [open, close];
}

/** Business minutes between two instants (0 when end ≤ start). */
export function businessMinutesBetween(cal: BusinessCalendar, start: number, end: number): number {
  if (end <= start) return 0;
  let total = 0;
  let day = localDayOf(start, cal.timezone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const w = windowOf(cal, day);
    if (w) {
      if (w[0] >= end) break;
      const from = Math.max(w[0], start);
      const to = Math.min(w[1], end);
      if (to > from) total += to - from;
    } else if (new TZDate(day.y, day.m, day.d, 0, 0, cal.timezone).getTime() >= end) break;
    day = nextDay(day);
  }
  return total / MINUTE;
}

/** The instant when `minutes` business minutes have passed since start (null if the calendar never opens). */
export function addBusinessMinutes(cal: BusinessCalendar, start: number, minutes: number): number | null {
  let left = minutes * MINUTE;
  let day = localDayOf(start, cal.timezone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const w = windowOf(cal, day);
    if (w && w[1] > start) {
      const from = Math.max(w[0], start);
      const available = w[1] - from;
      // Instants are whole milliseconds (bigint columns on PostgreSQL), whatever minutes were asked.
      if (left <= available) return Math.round(from + left);
      left -= available;
    }
    day = nextDay(day);
  }
  return null;
}
