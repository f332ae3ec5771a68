// A ritual's recurrence: an RRULE expanded on the workspace's wall clock, so a 09:00 Monday review
// stays at 09:00 local across a DST change. rrule knows nothing of zones reliably, so the series is
// expanded in "floating" time (wall-clock fields carried in a UTC Date) and each occurrence is then
// placed in the zone with @date-fns/tz. Pure.
import { TZDate } from '@date-fns/tz';
import rrulePkg from 'rrule';

const { RRule } = rrulePkg;
const HOUR = 3_600_000;
/** Rituals recur daily at most: a reminder an hour before and a completion per occurrence make no sense more often. */
const ALLOWED_FREQ = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);
/** The time of day comes from the start; these would multiply occurrences within a day. */
const TIME_PARTS = ['byhour', 'byminute', 'bysecond', 'byeaster'] as const;

export type RuleCheck = { ok: true; rule: string } | { ok: false; message: string };

/** Validates an RRULE (without DTSTART) and returns it normalised, or why it cannot be used. */
export function checkRule(text: string): RuleCheck {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|\n/i.test(body)) return { ok: false, message: 'must be a single RRULE without DTSTART; the start is startsAt' };
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(body);
    // parseString accepts unknown parts silently; building the rule checks the values.
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).all((_d, i) => i < 1);
  } catch (error) {
    return { ok: false, message: `is not a valid RRULE (${error instanceof Error ? error.message : 'unreadable'})` };
  }
  if (options.freq === undefined || options.freq === null) return { ok: false, message: 'needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)' };
  if (!ALLOWED_FREQ.has(options.freq)) return { ok: false, message: 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: a ritual recurs at most daily' };
  for (const part of TIME_PARTS) {
    const value = (options as Record<string, unknown>)[part];
    if (value !== undefined && value !== null) return { ok: false, message: `${part.toUpperCase()} is not allowed: the time of day comes from startsAt` };
  }
  if (options.interval !== undefined && options.interval !== null && (options.interval < 1 || options.interval > 52))
    return { ok: false, message: 'INTERVAL must be between 1 and 52' };
  return { ok: true, rule: RRule.optionsToString(options).replace(/^RRULE:/, '') };
}

/** "2027-01-04T09:00" → its wall-clock fields, or null when it is no real date and time. */
export function parseLocal(local: string): { y: number; mo: number; d: number; h: number; mi: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return { y, mo, d, h, mi };
}

/** The instant a wall-clock time falls on in a zone (a time skipped by DST lands just after the gap). */
export function localToInstant(f: { y: number; mo: number; d: number; h: number; mi: number }, timeZone: string): number {
  return new TZDate(f.y, f.mo - 1, f.d, f.h, f.mi, timeZone).getTime();
}

function ruleFrom(rule: string, local: string): InstanceType<typeof RRule> {
  const f = parseLocal(local);
  if (!f) throw new Error(`not a local start: ${local}`);
  return new RRule({ ...RRule.parseString(rule), dtstart: new Date(Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi)) });
}

/** Occurrence start instants in [from, to], at most `limit`, in order. */
export function occurrencesBetween(rule: string, local: string, timeZone: string, from: number, to: number, limit = 2000): number[] {
  if (to < from) return [];
  const r = ruleFrom(rule, local);
  // Floating window widened by a day each side: no zone is more than 14 hours from UTC.
  const floating = r.between(new Date(from - 24 * HOUR), new Date(to + 24 * HOUR), true, (_d, i) => i < limit + 64);
  const out: number[] = [];
  for (const d of floating) {
    const at = localToInstant({ y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes() }, timeZone);
    if (at >= from && at <= to && out[out.length - 1] !== at) out.push(at);
    if (out.length >= limit) break;
  }
  return out;
}

/** "every week on Monday": the recurrence in words. */
export function recurrenceText(rule: string): string {
  try {
    return RRule.fromString(rule).toText();
  } catch {
    return rule;
  }
}
