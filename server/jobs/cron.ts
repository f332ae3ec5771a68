// Five-field cron expressions (minute hour day-of-month month day-of-week) evaluated on the wall
// clock of a time zone. Pure. DST: each matching wall-clock time runs once — a time the clock
// skips (02:30 on a spring-forward night) runs when the clock has jumped (03:30 local), and a
// time the clock passes twice (02:30 on a fall-back night) runs once, on its later pass.
import { TZDate } from '@date-fns/tz';

export interface Cron {
  readonly source: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly days: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly weekdays: ReadonlySet<number>;
  /** Vixie cron: when both day fields are restricted, a day matching either one runs. */
  readonly dayOr: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

function parseField(text: string, field: (typeof FIELDS)[number]): number[] {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`cron ${field.name}: "${part}" is not a number, range, list or step`);
    const step = m[4] ? Number(m[4]) : 1;
    const from = m[1] === '*' ? field.min : Number(m[2]);
    const to = m[1] === '*' ? field.max : m[3] !== undefined ? Number(m[3]) : m[4] ? field.max : from;
    if (from < field.min || to > field.max || from > to || step < 1) {
      throw new Error(`cron ${field.name}: "${part}" is outside ${field.min}-${field.max}`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/** Parses "m h dom mon dow"; throws an Error naming the bad field. */
export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${source}" must have 5 fields (minute hour day month weekday)`);
  const [mi, ho, dm, mo, dw] = parts.map((p, i) => parseField(p, FIELDS[i] as (typeof FIELDS)[number])) as [number[], number[], number[], number[], number[]];
  return {
    source,
    minutes: mi,
    hours: ho,
    days: new Set(dm),
    months: new Set(mo),
    // 7 is Sunday too.
    weekdays: new Set(dw.map((d) => d % 7)),
    dayOr: parts[2] !== '*' && parts[4] !== '*',
  };
}

function dayMatches(cron: Cron, year: number, month: number, day: number): boolean {
  if (!cron.months.has(month + 1)) return false;
  const weekday = new Date(Date.UTC(year, month, day)).getUTCDay();
  const dom = cron.days.has(day);
  const dow = cron.weekdays.has(weekday);
  return cron.dayOr ? dom || dow : dom && dow;
}

/** The first instant strictly after `after` whose wall-clock time in `timezone` matches. */
export function nextRun(cron: Cron, timezone: string, after: number): number {
  const local = new TZDate(after, timezone);
  // Walk calendar days in the zone; 8 years covers "29 February on a Monday".
  const start = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  for (let i = 0; i < 366 * 8; i++) {
    const d = new Date(start + i * 86_400_000);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    if (!dayMatches(cron, y, m, day)) continue;
    for (const h of cron.hours) {
      for (const min of cron.minutes) {
        const at = new TZDate(y, m, day, h, min, timezone).getTime();
        if (at > after) return at;
      }
    }
  }
  throw new Error(`cron "${cron.source}" never matches`);
}
