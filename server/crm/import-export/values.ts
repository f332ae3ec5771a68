// Pure parsers for the cell values other CRMs and spreadsheets write: dates in ISO and regional
// formats, money with thousands separators and currency symbols, yes/no flags, durations.
// Each returns a value or a message that names what was wrong; the importer adds line and field.
import { TZDate } from '@date-fns/tz';
import { minorDigits } from '../../../lib/money.js';

export type DateOrder = 'dmy' | 'mdy';
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A date, with a wall-clock time when the cell had one and an exact instant when it had an offset. */
export interface DateValue {
  year: number;
  month: number;
  day: number;
  /** [hours, minutes, seconds, ms] of local time, null for a date without time. */
  time: [number, number, number, number] | null;
  /** Set when the text carried Z or an offset: the instant is exact, whatever the workspace zone. */
  instant: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(name: string): number | null {
  const key = name.toLowerCase().slice(0, 3);
  const index = MONTHS.indexOf(key);
  if (index < 0) return null;
  // "Sept" and full names are fine; anything else starting with a month prefix ("Janitor") is not.
  const full = new Date(Date.UTC(2000, index, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }).toLowerCase();
  const lower = name.toLowerCase().replace(/\.$/, '');
  return full.startsWith(lower) || lower === 'sept' ? index + 1 : null;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseTime(text: string): Parsed<{ time: [number, number, number, number]; offsetMinutes: number | null }> {
  const m = TIME.exec(text.trim());
  if (!m) return fail(`"${text}" is not a time of day`);
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] ? Number(m[3]) : 0;
  const ms = m[4] ? Number(m[4].slice(0, 3).padEnd(3, '0')) : 0;
  const meridiem = m[5]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hours < 1 || hours > 12) return fail(`"${text}" is not a valid 12-hour time`);
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return fail(`"${text}" is not a valid time of day`);
  let offsetMinutes: number | null = null;
  const zone = m[6]?.toLowerCase();
  if (zone === 'z' || zone === 'utc' || zone === 'gmt') offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  return ok({ time: [hours, minutes, seconds, ms], offsetMinutes });
}

function build(year: number, month: number, day: number, timeText: string | undefined, original: string): Parsed<DateValue> {
  if (!validDay(year, month, day)) return fail(`"${original}" is not a valid date`);
  if (!timeText?.trim()) return ok({ year, month, day, time: null, instant: null });
  const t = parseTime(timeText);
  if (!t.ok) return fail(`"${original}" has an unreadable time: ${t.message}`);
  const [h, mi, s, ms] = t.value.time;
  const instant = t.value.offsetMinutes === null ? null : Date.UTC(year, month - 1, day, h, mi, s, ms) - t.value.offsetMinutes * 60_000;
  return ok({ year, month, day, time: t.value.time, instant });
}

const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:(?:\s*T\s*|\s+|,\s*)(.+))?$/i;
const DAY_FIRST_NAMED = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([a-z]{3,9}\.?)[\s.,-]+(\d{4}|\d{2})(?:(?:\s+|,\s*|\s*T\s*)(.+))?$/i;
const MONTH_FIRST_NAMED = /^(?:[a-z]+,?\s+)?([a-z]{3,9}\.?)[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4}|\d{2})(?:(?:\s+|,\s*|\s*T\s*)(.+))?$/i;

/** How a numeric date decides between day-first and month-first. */
export type OrderEvidence = 'dmy' | 'mdy' | 'either' | 'ambiguous' | 'none';

/** What a cell says about the file's day/month order, for the whole-file guess. */
export function orderEvidence(text: string): OrderEvidence {
  const m = NUMERIC.exec(text.trim());
  if (!m || (m[1] as string).length === 4) return 'none';
  if (m[2] === '.') return 'dmy';
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b > 12) return 'none';
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return a === b ? 'either' : 'ambiguous';
}

/**
 * Reads ISO dates and datetimes (2026-01-05, 2026-01-05T10:00:00Z, 2026-01-05 10:00), regional
 * numeric dates (05/01/2026, 1/5/26, 05.01.2026, with an optional time) and dates with month
 * names (Jan 5, 2026; 5 January 2026; 05-Jan-2026). A numeric date whose day and month could be
 * swapped needs `order`; dotted dates are always day-first.
 */
export function parseDate(text: string, order: DateOrder | null): Parsed<DateValue> {
  const s = text.trim();
  if (s === '') return fail('is empty');
  const numeric = NUMERIC.exec(s);
  if (numeric) {
    const [, p1, sep, p2, p3, time] = numeric as unknown as [string, string, string, string, string, string | undefined];
    if (p1.length === 4) {
      if (p3.length > 2) return fail(`"${s}" is not a valid date`);
      return build(Number(p1), Number(p2), Number(p3), time, s);
    }
    if (p3.length !== 4 && p3.length !== 2) return fail(`"${s}" is not a valid date`);
    const year = fullYear(p3);
    const a = Number(p1);
    const b = Number(p2);
    const evidence = orderEvidence(s);
    let dayFirst: boolean;
    if (a > 12 && b > 12) return fail(`"${s}" is not a valid date`);
    if (sep === '.') dayFirst = true;
    else if (order === 'dmy') dayFirst = true;
    else if (order === 'mdy') dayFirst = false;
    else if (evidence === 'dmy' || evidence === 'either') dayFirst = true;
    else if (evidence === 'mdy') dayFirst = false;
    else return fail(`"${s}" is ambiguous (day and month could be swapped); choose the date format DD/MM/YYYY or MM/DD/YYYY`);
    const [day, month] = dayFirst ? [a, b] : [b, a];
    if (!validDay(year, month, day)) {
      const expected = sep === '.' ? 'DD.MM.YYYY' : dayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
      return fail(`"${s}" is not a valid ${expected} date`);
    }
    return build(year, month, day, time, s);
  }
  const dayFirst = DAY_FIRST_NAMED.exec(s);
  if (dayFirst) {
    const month = monthOf(dayFirst[2] as string);
    if (month) return build(fullYear(dayFirst[3] as string), month, Number(dayFirst[1]), dayFirst[4], s);
  }
  const monthFirst = MONTH_FIRST_NAMED.exec(s);
  if (monthFirst) {
    const month = monthOf(monthFirst[1] as string);
    if (month) return build(fullYear(monthFirst[3] as string), month, Number(monthFirst[2]), monthFirst[4], s);
  }
  return fail(`"${s}" is not a date Furrow can read (use YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY or "Jan 5, 2026")`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date the value names, in the workspace's zone when the value is an exact instant. */
export function calendarDateOf(value: DateValue, timeZone: string): string {
  if (value.instant !== null) {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value.instant));
  }
  return `${value.year}-${pad(value.month)}-${pad(value.day)}`;
}

/**
 * The instant the value names. Wall-clock times are read in the workspace's zone; a bare date
 * becomes `defaultTime` on that day (midday, so the calendar date survives any zone arithmetic).
 */
export function instantOf(value: DateValue, timeZone: string, defaultTime: [number, number] = [12, 0]): number {
  if (value.instant !== null) return value.instant;
  const [h, mi, s, ms] = value.time ?? [defaultTime[0], defaultTime[1], 0, 0];
  return new TZDate(value.year, value.month - 1, value.day, h, mi, s, ms, timeZone).getTime();
}

/** Midday of a calendar date in a zone: the instant a date-only close or creation is dated at. */
export function middayOf(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day, time: null, instant: null }, timeZone);
}

/** A separate time-of-day cell (Pipedrive's "Due time") applied to a date without a time. */
export function withTime(value: DateValue, timeText: string): Parsed<DateValue> {
  if (value.time || value.instant !== null) return ok(value);
  const t = parseTime(timeText);
  if (!t.ok) return fail(t.message);
  const [h, mi, s, ms] = t.value.time;
  const instant = t.value.offsetMinutes === null ? null : Date.UTC(value.year, value.month - 1, value.day, h, mi, s, ms) - t.value.offsetMinutes * 60_000;
  return ok({ ...value, time: t.value.time, instant });
}

// ---- money ----------------------------------------------------------------------------------

const SYMBOLS: readonly [string, string][] = [
  ['US$', 'USD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['R$', 'BRL'],
  ['HK$', 'HKD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['zł', 'PLN'],
  ['Fr.', 'CHF'],
];

let knownCurrencies: Set<string> | undefined;

export function isCurrency(code: string): boolean {
  knownCurrencies ??= new Set((Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export interface MoneyText {
  whole: string;
  fraction: string;
  /** The currency named by a symbol or code inside the cell, if any. */
  currency: string | null;
}

export const MAX_AMOUNT_MINOR = 9_000_000_000_000;

/**
 * Splits "1,234.56", "1.234,56", "1 234,56", "€1,234", "1234.5 EUR", "CHF 1'234.50" into whole and
 * fractional digits. A lone separator followed by exactly three digits is a thousands separator
 * ("1,234" and "1.234" are both 1234); with one or two digits it is the decimal point.
 */
export function parseMoneyText(text: string): Parsed<MoneyText> {
  let s = text.trim();
  if (s === '') return fail('is empty');
  if (/^\(.*\)$/.test(s) || s.includes('-')) return fail(`"${text}" is negative; amounts must be zero or more`);
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*(?=[\d.,])|(?<=[\d.,])\s*([A-Z]{3})$/.exec(s);
  if (code) {
    currency = (code[1] ?? code[2]) as string;
    s = s.replace(code[0], '');
  } else {
    for (const [symbol, iso] of SYMBOLS) {
      if (s.startsWith(symbol) || s.endsWith(symbol)) {
        currency = iso;
        s = s.startsWith(symbol) ? s.slice(symbol.length) : s.slice(0, -symbol.length);
        break;
      }
    }
  }
  s = s.replace(/[\s\u00a0\u202f'’]/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail(`"${text}" is not an amount`);
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    // "0.125" cannot be thousands: a leading zero group means the separator is the decimal point.
    if (sep && s.split(sep).length === 2 && (s.length - s.lastIndexOf(sep) - 1 !== 3 || s.startsWith(`0${sep}`))) decimal = sep;
  }
  let whole = s;
  let fraction = '';
  if (decimal) {
    const at = s.lastIndexOf(decimal);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (/[.,]/.test(fraction)) return fail(`"${text}" is not an amount`);
  }
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/.exec(whole)?.[0];
  if (thousands && whole.includes(thousands)) {
    const groups = whole.split(thousands);
    if (groups.some((g, i) => (i === 0 ? g.length < 1 || g.length > 3 : g.length !== 3))) return fail(`"${text}" has misplaced thousands separators`);
    whole = groups.join('');
  }
  if (/[.,]/.test(whole)) return fail(`"${text}" is not an amount`);
  return ok({ whole: whole.replace(/^0+(?=\d)/, '') || '0', fraction, currency });
}

/** The amount in minor units of the currency; more decimals than the currency has is an error. */
export function toMinorUnits(money: MoneyText, currency: string): Parsed<number> {
  const digits = minorDigits(currency);
  const fraction = money.fraction.replace(/0+$/, '');
  if (fraction.length > digits) {
    return fail(`has ${money.fraction.length} decimal places; ${currency} has ${digits === 0 ? 'none' : digits}`);
  }
  const minor = Number(money.whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR) return fail('is too large');
  return ok(minor);
}

/** Minor units back to the plain decimal text the export writes ("1234.50"). */
export function formatMinorUnits(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

// ---- other cells -----------------------------------------------------------------------------

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'done', 'completed', 'complete', 'closed', 'on', 'checked']);
const FALSE = new Set([
  'false',
  'no',
  'n',
  '0',
  'undone',
  'not done',
  'not started',
  'open',
  'in progress',
  'waiting',
  'waiting on someone else',
  'deferred',
  'off',
  'unchecked',
]);

export function parseBoolean(text: string): Parsed<boolean> {
  // Task statuses arrive as words (Salesforce "Not Started") or codes (HubSpot NOT_STARTED).
  const s = text.trim().toLowerCase().replace(/_/g, ' ');
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail(`"${text}" is not yes/no (use true/false, yes/no, 1/0, done/undone)`);
}

/** A whole number, allowing thousands separators ("1,200"). */
export function parseInteger(text: string, min: number, max: number): Parsed<number> {
  const s = text.trim().replace(/[\s\u00a0\u202f'’,]/g, '');
  if (!/^\d+(\.0+)?$/.test(s)) return fail(`"${text}" is not a whole number`);
  const n = Number.parseInt(s, 10);
  if (n < min || n > max) return fail(`must be between ${min} and ${max}`);
  return ok(n);
}

/** Minutes from "45", "1:30" (h:mm), "01:30:00", "1h 30m", "90 min". */
export function parseDurationMinutes(text: string): Parsed<number> {
  const s = text.trim().toLowerCase();
  let minutes: number | null = null;
  if (/^\d+(\.\d+)?$/.test(s)) minutes = Number(s);
  else if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(s)) {
    const [h, m, sec] = s.split(':').map(Number) as [number, number, number | undefined];
    minutes = h * 60 + m + (sec ?? 0) / 60;
  } else {
    const m = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$/.exec(s);
    if (m && (m[1] || m[2])) minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  }
  if (minutes === null) return fail(`"${text}" is not a duration (use minutes, h:mm or "1h 30m")`);
  const rounded = Math.round(minutes);
  if (rounded > 24 * 60) return fail('is longer than a day');
  return ok(rounded);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const looksLikeEmail = (text: string): boolean => EMAIL.test(text.trim());
