// The iCalendar text of a person's feed, with ical-generator: each ritual once, as its RRULE on the
// workspace's wall clock (TZID), a skipped occurrence as an EXDATE and one held at another time as
// an override (RECURRENCE-ID); coaching sessions and planned meetings as single events. Every event
// links back into Furrow. Every TZID used has its VTIMEZONE (RFC 5545 §3.6.5; calendar apps that
// do not know IANA names, Outlook among them, otherwise fall back to UTC or floating time) and
// DTSTAMP is UTC, as §3.8.7.2 requires. Pure.
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';

export interface FeedRitual {
  id: string;
  title: string;
  teamName: string;
  rrule: string;
  /** First occurrence, as an instant. */
  startsAt: number;
  durationMinutes: number;
  /** Occurrences that did not take place as scheduled. */
  skipped: readonly number[];
  moved: readonly { scheduledAt: number; heldAt: number }[];
}

export interface FeedEvent {
  id: string;
  title: string;
  startsAt: number;
  durationMinutes: number;
  path: string;
  description: string | null;
}

export interface FeedInput {
  name: string;
  timezone: string;
  baseUrl: string;
  /** DTSTAMP: when the feed was generated. */
  now: number;
  rituals: readonly FeedRitual[];
  events: readonly FeedEvent[];
}

export function feedIcs(input: FeedInput): string {
  const tz = input.timezone;
  const at = (ms: number) => new TZDate(ms, tz);
  const cal = ical({
    name: `Furrow — ${input.name}`,
    // No calendar-wide zone name: ical-generator would then write DTSTAMP as zone-less local time.
    // Events carry their TZID, and the generator still emits a VTIMEZONE for each zone they use.
    timezone: { name: null, generator: getVtimezoneComponent },
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Furrow', product: 'rhythm', language: 'EN' },
  });
  cal.x([['X-WR-TIMEZONE', tz]]);
  for (const r of input.rituals) {
    const uid = `ritual-${r.id}@furrow`;
    const minutes = r.durationMinutes * 60_000;
    cal.createEvent({
      id: uid,
      start: at(r.startsAt),
      end: at(r.startsAt + minutes),
      timezone: tz,
      stamp: new Date(input.now),
      summary: r.title,
      description: `${r.teamName} — open the agenda in Furrow: ${input.baseUrl}/rituals/${r.id}`,
      url: `${input.baseUrl}/rituals/${r.id}`,
      repeating: `RRULE:${r.rrule}${r.skipped.length > 0 ? `\nEXDATE;TZID=${tz}:${r.skipped.map((ms) => localStamp(ms, tz)).join(',')}` : ''}`,
    });
    for (const m of r.moved) {
      cal.createEvent({
        id: uid,
        start: at(m.heldAt),
        end: at(m.heldAt + minutes),
        timezone: tz,
        stamp: new Date(input.now),
        recurrenceId: at(m.scheduledAt),
        summary: r.title,
        url: `${input.baseUrl}/rituals/${r.id}`,
      });
    }
  }
  for (const e of input.events) {
    cal.createEvent({
      id: `${e.id}@furrow`,
      start: at(e.startsAt),
      end: at(e.startsAt + e.durationMinutes * 60_000),
      timezone: tz,
      stamp: new Date(input.now),
      summary: e.title,
      description: [e.description, `In Furrow: ${input.baseUrl}${e.path}`].filter(Boolean).join('\n'),
      url: `${input.baseUrl}${e.path}`,
    });
  }
  return cal.toString();
}

/** 20270104T090000: the wall clock of an instant in a zone, as EXDATE;TZID wants it. */
export function localStamp(ms: number, timeZone: string): string {
  const d = new TZDate(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}T${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
