import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './business-hours.js';
import { clockOf } from './sla.js';

const berlin: BusinessCalendar = { timezone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60, holidays: ['2026-12-25'] };
const everyDay: BusinessCalendar = { ...berlin, workingDays: [1, 2, 3, 4, 5, 6, 7], holidays: [] };
const newYork: BusinessCalendar = {
  timezone: 'America/New_York',
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 8 * 60 + 30,
  endMinute: 18 * 60,
  holidays: ['2026-11-26'],
};
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

const calendars = fc.constantFrom(berlin, everyDay, newYork);
// Instants across 2026 including both DST changes on either side of the Atlantic.
const instant = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });

describe('business hours', () => {
  it('counts nothing over a weekend: Friday close to Monday open', () => {
    expect(businessMinutesBetween(berlin, at('2026-12-04T16:00:00Z'), at('2026-12-07T08:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(berlin, at('2026-12-04T15:00:00Z'), at('2026-12-07T09:00:00Z'))).toBe(120);
  });

  it('skips holidays', () => {
    // Thursday 24 Dec 16:00 local + 2 business hours: one hour that day, Christmas and the weekend closed → Monday 10:00 local.
    expect(new Date(addBusinessMinutes(berlin, at('2026-12-24T15:00:00Z'), 120) as number).toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });

  it('keeps the working day 8 hours long on the days the clocks change (Berlin and New York)', () => {
    expect(businessMinutesBetween(everyDay, at('2026-03-29T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(480);
    expect(businessMinutesBetween(everyDay, at('2026-10-25T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(480);
    // Local 9:00 on the DST day is 07:00 UTC (summer time; the day before it was 08:00 UTC): one hour after it is 08:00 UTC.
    expect(new Date(addBusinessMinutes(everyDay, at('2026-03-28T16:00:00Z'), 60) as number).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    const ny = { ...newYork, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    expect(businessMinutesBetween(ny, at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'))).toBe(570);
  });

  it('reads the working window in the workspace time zone', () => {
    // 13:00 UTC on a Tuesday in New York (winter) is 08:00 local: half an hour before opening.
    expect(new Date(addBusinessMinutes(newYork, at('2026-12-01T13:00:00Z'), 30) as number).toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });

  it('adding n business minutes and measuring gives n back', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 20_000 }), (cal, start, n) => {
        const end = addBusinessMinutes(cal, start, n) as number;
        expect(end).toBeGreaterThanOrEqual(start);
        expect(businessMinutesBetween(cal, start, end)).toBeCloseTo(n, 6);
      }),
    );
  });

  it('is additive over any split and never negative', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 30 * 24 * H }), fc.integer({ min: 0, max: 30 * 24 * H }), (cal, a, d1, d2) => {
        const b = a + d1;
        const c = b + d2;
        const whole = businessMinutesBetween(cal, a, c);
        expect(whole).toBeCloseTo(businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c), 6);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((c - a) / 60_000);
      }),
    );
  });
});

describe('SLA clock', () => {
  const routed = at('2026-12-01T08:00:00Z'); // Tuesday 09:00 Berlin
  it('is on track, then at risk at 75 %, then breached', () => {
    expect(clockOf(berlin, routed, 4, null, routed + 2 * H).state).toBe('on_track');
    expect(clockOf(berlin, routed, 4, null, routed + 3 * H).state).toBe('at_risk');
    expect(clockOf(berlin, routed, 4, null, routed + 5 * H).state).toBe('breached');
    expect(clockOf(berlin, routed, 4, null, routed + 5 * H).minutesLeft).toBe(-60);
  });
  it('stops when the work is done: met inside the allowance, breached after', () => {
    expect(clockOf(berlin, routed, 4, routed + 3.9 * H, routed + 100 * H).state).toBe('met');
    expect(clockOf(berlin, routed, 4, routed + 4.5 * H, routed + 100 * H).state).toBe('breached');
  });
  it('does not run overnight: routed at 16:00 local, 2 hours are due at 10:00 next day', () => {
    const c = clockOf(berlin, at('2026-12-01T15:00:00Z'), 2, null, at('2026-12-02T07:30:00Z'));
    expect(new Date(c.dueAt as number).toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(c.state).toBe('on_track');
  });
});
