// The feed read back by an independent parser (ical.js), which knows no IANA zone names: it can
// only place DTSTART at the right instant through the VTIMEZONE the feed itself carries.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type FeedInput, feedIcs } from './calendar-feed-ics.js';

const hour = 3_600_000;

function feed(timezone: string, startsAt: number): FeedInput {
  return {
    name: 'Rita Rep',
    timezone,
    baseUrl: 'https://furrow.example',
    now: Date.UTC(2027, 0, 1, 10, 30),
    rituals: [
      {
        id: 'r1',
        title: 'Pipeline review',
        teamName: 'Enterprise',
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        startsAt,
        durationMinutes: 30,
        skipped: [],
        moved: [],
      },
    ],
    events: [{ id: 'e1', title: 'Demo at Acme', startsAt: startsAt + 26 * hour, durationMinutes: 45, path: '/activities/e1', description: null }],
  };
}

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp;
}

describe('calendar feed iCalendar text', () => {
  it.each([
    ['Europe/Berlin', Date.UTC(2027, 0, 4, 8)],
    ['America/New_York', Date.UTC(2027, 6, 5, 13)],
    ['Asia/Tokyo', Date.UTC(2027, 2, 1, 0)],
  ])('carries a VTIMEZONE for %s so every event lands on its instant', (zone, startsAt) => {
    const comp = parse(feedIcs(feed(zone, startsAt)));
    expect(comp.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual([zone]);
    const events = comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toUnixTime() * 1000)).toEqual([startsAt, startsAt + 26 * hour]);
    expect(events.every((e) => e.startDate.zone?.tzid === zone)).toBe(true);
  });

  it('follows a weekly series across a daylight-saving change on the wall clock', () => {
    // 09:00 in Berlin on the Monday before and after 28 March 2027.
    const comp = parse(feedIcs(feed('Europe/Berlin', Date.UTC(2027, 2, 22, 8))));
    const series = new ICAL.Event(comp.getFirstSubcomponent('vevent') ?? undefined);
    const it = series.iterator();
    const first = it.next();
    const second = it.next();
    expect([first?.toUnixTime(), second?.toUnixTime()].map((s) => (s ?? 0) * 1000)).toEqual([Date.UTC(2027, 2, 22, 8), Date.UTC(2027, 2, 29, 7)]);
  });

  it('stamps DTSTAMP in UTC, as RFC 5545 requires', () => {
    const text = feedIcs(feed('Europe/Berlin', Date.UTC(2027, 0, 4, 8)));
    const stamps = text.split(/\r?\n/).filter((l) => l.startsWith('DTSTAMP'));
    expect(stamps).toHaveLength(2);
    expect(stamps.every((l) => l === 'DTSTAMP:20270101T103000Z')).toBe(true);
    expect(text).toContain('X-WR-TIMEZONE:Europe/Berlin');
  });
});
