import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../dates.js';
import { addDays, berlinDate, DAY, isWeekend, quarterEnd, quarterStart, TIMEZONE, workingTime, workingTimeOnOrBefore } from './calendar.js';
import { Rng } from './random.js';

describe('calendar', () => {
  it('memoised Berlin dates agree with Intl across both DST switches', () => {
    for (let ms = Date.UTC(2026, 2, 28); ms < Date.UTC(2026, 10, 2); ms += 17 * 60_000) {
      if (ms > Date.UTC(2026, 2, 30) && ms < Date.UTC(2026, 9, 24)) ms += DAY;
      expect(berlinDate(ms)).toBe(calendarDate(ms, TIMEZONE));
    }
  });

  it('working times fall on weekdays, inside Berlin working hours, on the same Berlin date', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 500; i++) {
      const ms = Date.UTC(2026, 0, 1) + rng.next() * 365 * DAY;
      for (const at of [workingTime(ms, rng), workingTimeOnOrBefore(ms, rng)]) {
        expect(isWeekend(at)).toBe(false);
        const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: TIMEZONE, hour: '2-digit', hourCycle: 'h23' }).format(at));
        expect(hour).toBeGreaterThanOrEqual(8);
        expect(hour).toBeLessThan(19);
        expect(berlinDate(at)).toBe(new Date(at).toISOString().slice(0, 10));
      }
    }
  });

  it('knows quarter boundaries', () => {
    expect(quarterEnd('2026-02-10')).toBe('2026-03-31');
    expect(quarterEnd('2026-12-31')).toBe('2026-12-31');
    expect(quarterStart('2026-11-28')).toBe('2026-10-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
