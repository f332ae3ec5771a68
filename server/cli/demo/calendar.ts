// Time in the demo: epoch ms instants, Europe/Berlin calendar dates, working hours on weekdays.
import { calendarDate } from '../../dates.js';
import type { Rng } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const TIMEZONE = 'Europe/Berlin';

// Berlin's offset is a whole number of hours, so the date is constant within a UTC hour; Intl is
// too slow to call a few million times in scale mode.
const dates = new Map<number, string>();

export function berlinDate(ms: number): string {
  const hour = Math.floor(ms / HOUR);
  let date = dates.get(hour);
  if (date === undefined) {
    date = calendarDate(hour * HOUR, TIMEZONE);
    dates.set(hour, date);
  }
  return date;
}

/** UTC midnight of a calendar date; working hours added to it stay on the same Berlin date. */
export function dateStart(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return new Date(dateStart(date) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The same day (or the next Monday) at a random minute between 07:00 and 17:00 UTC, which is
 * inside 08:00–19:00 in Berlin all year. People move deals and log calls during work.
 */
export function workingTime(ms: number, rng: Rng): number {
  let day = Math.floor(ms / DAY) * DAY;
  const dow = new Date(day).getUTCDay();
  if (dow === 6) day += 2 * DAY;
  else if (dow === 0) day += DAY;
  return day + 7 * HOUR + rng.int(0, 10 * 60 - 1) * MINUTE;
}

/** A working moment on the given day, or on the Friday before when it falls on a weekend. */
export function workingTimeOnOrBefore(ms: number, rng: Rng): number {
  let day = Math.floor(ms / DAY) * DAY;
  const dow = new Date(day).getUTCDay();
  if (dow === 6) day -= DAY;
  else if (dow === 0) day -= 2 * DAY;
  return day + 7 * HOUR + rng.int(0, 10 * 60 - 1) * MINUTE;
}

export function isWeekend(ms: number): boolean {
  const dow = new Date(ms).getUTCDay();
  return dow === 0 || dow === 6;
}

/** Last calendar date of the quarter a date falls in (fiscal year = calendar year). */
export function quarterEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const endMonth = Math.ceil(Number(date.slice(5, 7)) / 3) * 3;
  return new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10);
}

export function quarterStart(date: string): string {
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

export function quarterLabel(date: string): string {
  return `Q${Math.ceil(Number(date.slice(5, 7)) / 3)} ${date.slice(0, 4)}`;
}

export function monthOf(ms: number): number {
  return Number(berlinDate(ms).slice(5, 7));
}
