import { minorDigits } from '../../lib/money';

// Money, instants and calendar dates, formatted for the reader's locale. Money travels as integer
// minor units; instants show in the reader's time zone; calendar dates (close dates) never shift.

let chosenLocale: string | undefined | null = null;

/** The reader's first language Intl understands; some browsers report tags like "en-US@posix". */
function locale(): string | undefined {
  if (chosenLocale !== null) return chosenLocale;
  chosenLocale = undefined;
  const wanted = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of wanted) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag.replace(/@.*$/, '').replace(/_/g, '-'));
      if (supported) {
        chosenLocale = supported;
        break;
      }
    } catch {
      // Not a valid tag: try the next one.
    }
  }
  return chosenLocale;
}

// Formatters are made once each: a new Intl formatter per figure cost the board ~1 ms a card (a
// close date, an amount and its currency's digits) and the tables of the dashboard and Process page alike.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), options);
    dateFormats.set(key, format);
  }
  return format;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compact: boolean, whole: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}:${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), {
      style: 'currency',
      currency,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Whole amounts without ".00": deal values are read at a glance, not to the cent. */
export function formatMoney(amountMinor: number, currency: string, options: { compact?: boolean } = {}): string {
  const scale = 10 ** minorDigits(currency);
  const major = amountMinor / scale;
  try {
    return moneyFormat(currency, options.compact ?? false, amountMinor % scale === 0).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency}`;
  }
}

/** "1234.5" (what a person types, in major units) → 123450 minor units; null when not a number. */
export function majorToMinor(text: string | number, currency: string): number | null {
  const raw = typeof text === 'number' ? text : Number(String(text).replace(/[\s,]/g, ''));
  if (!Number.isFinite(raw)) return null;
  return Math.round(raw * 10 ** minorDigits(currency));
}

export function minorToMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

const instantFormats = {
  sameYear: () => dateFormat('instant', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  otherYear: () => dateFormat('instant-year', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
};

/** "3 Nov 14:02" in the reader's time zone (the year only when it is not this year). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return (sameYear ? instantFormats.sameYear() : instantFormats.otherYear()).format(date);
}

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return dateFormat('day', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/**
 * A calendar date such as a close date: read as the date it names, formatted in UTC so no time
 * zone can move it to the day before.
 */
export function formatCalendarDate(date: string | null | undefined, options: { withWeekday?: boolean } = {}): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateFormat(options.withWeekday ? 'calendar-weekday' : 'calendar', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(options.withWeekday ? { weekday: 'short' } : {}),
  }).format(utc);
}

/** Today's calendar date where the reader is, as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  return toCalendarDate(now);
}

export function toCalendarDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole days an instant lies in the past. */
export function daysSince(iso: string, now: number = Date.now()): number {
  return Math.floor((now - new Date(iso).getTime()) / 86_400_000);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
