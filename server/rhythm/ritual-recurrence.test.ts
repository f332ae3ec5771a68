import { describe, expect, it } from 'vitest';
import { checkRule, occurrencesBetween, parseLocal, recurrenceText } from './ritual-recurrence.js';

const wall = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

describe('ritual recurrence', () => {
  it('keeps a weekly 09:00 Monday review at 09:00 local across both DST changes', () => {
    const tz = 'Europe/Berlin';
    const at = occurrencesBetween('FREQ=WEEKLY;BYDAY=MO', '2027-03-15T09:00', tz, Date.UTC(2027, 2, 1), Date.UTC(2027, 10, 30));
    expect(at.length).toBe(38);
    // 22 March is still winter time (UTC+1), 29 March summer time (UTC+2): the instant moves, the wall clock does not.
    expect(new Date(at[1] as number).toISOString()).toBe('2027-03-22T08:00:00.000Z');
    expect(new Date(at[2] as number).toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(at.some((ms) => new Date(ms).toISOString() === '2027-11-01T08:00:00.000Z')).toBe(true);
    for (const ms of at) expect(wall(ms, tz)).toBe('Mon 09:00');
    for (let i = 1; i < at.length; i++) expect([167, 168, 169]).toContain(((at[i] as number) - (at[i - 1] as number)) / 3_600_000);
  });

  it('holds the wall clock in every zone and for every rule shape the picker makes', () => {
    const rules: [string, string][] = [
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'Tue 16:30'],
      ['FREQ=MONTHLY;BYDAY=1TH', 'Thu 16:30'],
      ['FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE', 'Wed 16:30'],
    ];
    for (const tz of ['America/New_York', 'Australia/Sydney', 'Europe/London', 'UTC']) {
      for (const [rule, expected] of rules) {
        const at = occurrencesBetween(rule, '2026-12-01T16:30', tz, Date.UTC(2026, 11, 1), Date.UTC(2028, 0, 1));
        expect(at.length, `${rule} in ${tz}`).toBeGreaterThan(3);
        for (const ms of at) expect(wall(ms, tz), `${rule} in ${tz}`).toBe(expected);
      }
    }
  });

  it('lists only occurrences inside the window, in order', () => {
    const tz = 'America/New_York';
    const from = Date.UTC(2027, 2, 10, 13, 0);
    const to = Date.UTC(2027, 2, 20, 12, 0);
    const at = occurrencesBetween('FREQ=DAILY', '2027-03-01T09:00', tz, from, to);
    expect(at.every((ms) => ms >= from && ms <= to)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // 14 March 2027 is the US change: 09:00 EDT is 13:00Z, the day before 14:00Z.
    expect(at.map((ms) => new Date(ms).toISOString())).toContain('2027-03-14T13:00:00.000Z');
    expect(at.map((ms) => new Date(ms).toISOString())).toContain('2027-03-13T14:00:00.000Z');
  });

  it('accepts the rules a ritual needs and says what is wrong with the others', () => {
    expect(checkRule('FREQ=WEEKLY;BYDAY=MO')).toEqual({ ok: true, rule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(checkRule('RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE').ok).toBe(true);
    const bad = [
      'FREQ=WEEKLYX',
      'BYDAY=MO',
      'FREQ=HOURLY',
      'FREQ=WEEKLY;BYHOUR=9',
      'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY',
      'FREQ=WEEKLY;INTERVAL=0',
      'nonsense',
    ];
    for (const text of bad) {
      const r = checkRule(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
  });

  it('reads a rule in words and refuses impossible local starts', () => {
    expect(recurrenceText('FREQ=WEEKLY;BYDAY=MO')).toBe('every week on Monday');
    expect(recurrenceText('FREQ=MONTHLY;INTERVAL=3;BYDAY=+1WE')).toContain('3 months');
    expect(parseLocal('2027-02-30T09:00')).toBeNull();
    expect(parseLocal('2027-02-03T25:00')).toBeNull();
    expect(parseLocal('2027-02-03T09:15')).toEqual({ y: 2027, mo: 2, d: 3, h: 9, mi: 15 });
  });
});
