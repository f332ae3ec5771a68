import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-hours.js';
import { attemptsState, slaDues } from './sla.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const cal: BusinessCalendar = { timezone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60, holidays: [] };
const sla = { acceptWithinHours: 4, firstTouchWithinHours: 1, attempts: 3, attemptsWithinDays: 5 };

describe('the SLA due instants stored at routing', () => {
  it('counts business hours for the clocks and calendar days for the attempts window', () => {
    // Friday 16:00 in Berlin: one business hour left that day, the rest on Monday.
    const friday4pm = Date.parse('2026-12-04T15:00:00Z');
    const dues = slaDues(cal, sla, friday4pm);
    expect(new Date(dues.touch_due_at as number).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(new Date(dues.accept_due_at as number).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(dues.attempts_due_at).toBe(friday4pm + 5 * DAY);
    expect(dues.attempts_required).toBe(3);
  });

  it('stores nothing for a lead not routed or without an SLA', () => {
    expect(slaDues(cal, sla, null).accept_due_at).toBeNull();
    expect(slaDues(cal, null, 1).touch_due_at).toBeNull();
  });
});

describe('the attempts rule: K attempts within D days while unreached', () => {
  const dues = { attempts_due_at: 10 * DAY, attempts_required: 3 };
  const at = (d: number, reached = false) => ({ at: d * DAY, reached });

  it('is met by enough attempts or by reaching the lead inside the window, and only inside it', () => {
    expect(attemptsState(dues, [at(1), at(2), at(3)], null, 4 * DAY)).toBe('met');
    expect(attemptsState(dues, [at(1, true)], null, 2 * DAY)).toBe('met');
    expect(attemptsState(dues, [at(1), at(2), at(11)], null, 12 * DAY)).toBe('breached');
    expect(attemptsState(dues, [at(11, true)], null, 12 * DAY)).toBe('breached');
  });

  it('stays open until the window ends, and is not needed once the lead is rejected inside it', () => {
    expect(attemptsState(dues, [at(1)], null, 5 * DAY)).toBe('open');
    expect(attemptsState(dues, [at(1)], 3 * DAY, 5 * DAY)).toBe('not_needed');
    expect(attemptsState(dues, [at(1)], 11 * DAY, 12 * DAY)).toBe('breached');
    // Touches logged after "now" (as of a past instant) do not count yet.
    expect(attemptsState(dues, [at(1), at(2), at(3)], null, 2 * DAY + HOUR)).toBe('open');
    expect(attemptsState({ attempts_due_at: null, attempts_required: null }, [], null, 0)).toBe('not_needed');
  });
});
