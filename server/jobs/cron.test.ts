import { describe, expect, it } from 'vitest';
import { nextRun, parseCron } from './cron.js';

const at = (iso: string) => Date.parse(iso);
const next = (cron: string, tz: string, after: string) => new Date(nextRun(parseCron(cron), tz, at(after))).toISOString();

describe('cron', () => {
  it('parses lists, ranges and steps, and names the bad field', () => {
    expect(parseCron('*/15 9-17 * * 1-5').minutes).toEqual([0, 15, 30, 45]);
    expect(parseCron('0 0 * * 7').weekdays.has(0)).toBe(true);
    expect(() => parseCron('61 * * * *')).toThrow(/minute/);
    expect(() => parseCron('* * * *')).toThrow(/5 fields/);
    expect(() => parseCron('* * 0 * *')).toThrow(/day of month/);
  });

  it('is strictly after the given instant', () => {
    expect(next('0 9 * * *', 'UTC', '2027-01-01T09:00:00Z')).toBe('2027-01-02T09:00:00.000Z');
    expect(next('0 9 * * *', 'UTC', '2027-01-01T08:59:59Z')).toBe('2027-01-01T09:00:00.000Z');
  });

  it('follows the wall clock of the zone across DST (New York)', () => {
    // 14 March 2027: clocks go 02:00 → 03:00 EDT.
    expect(next('0 9 * * *', 'America/New_York', '2027-03-13T15:00:00Z')).toBe('2027-03-14T13:00:00.000Z');
    expect(next('0 9 * * *', 'America/New_York', '2027-03-12T15:00:00Z')).toBe('2027-03-13T14:00:00.000Z');
  });

  it('runs a skipped wall time after the jump, and a repeated one once', () => {
    // Berlin, 28 March 2027: 02:30 does not exist → runs at 03:30 CEST (01:30Z).
    expect(next('30 2 * * *', 'Europe/Berlin', '2027-03-28T00:00:00Z')).toBe('2027-03-28T01:30:00.000Z');
    // 31 October 2027: 02:30 happens twice → once, on the later pass (01:30Z), then the next day.
    const first = next('30 2 * * *', 'Europe/Berlin', '2027-10-30T23:00:00Z');
    expect(first).toBe('2027-10-31T01:30:00.000Z');
    expect(next('30 2 * * *', 'Europe/Berlin', first)).toBe('2027-11-01T01:30:00.000Z');
  });

  it('day of month and weekday: either one matches when both are given', () => {
    // 1st of the month or a Monday; 2027-02-01 is a Monday, 2027-02-08 the next.
    expect(next('0 0 1 * 1', 'UTC', '2027-02-01T00:00:00Z')).toBe('2027-02-08T00:00:00.000Z');
    expect(next('0 0 29 2 *', 'UTC', '2027-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });
});
