import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import {
  boundsOf,
  customPeriod,
  elapsedShare,
  fiscalQuarter,
  fiscalYear,
  fiscalYearOf,
  isoWeekOf,
  parsePeriodKey,
  periodContaining,
  periodsAround,
  periodsWithin,
  previousPeriod,
  quarterTails,
  shiftPeriod,
} from './periods.js';

const arbDate = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2024-01-01', n));
const arbStart = fc.integer({ min: 1, max: 12 });

describe('fiscal calendar', () => {
  it('names a fiscal year after the calendar year it ends in', () => {
    expect(fiscalYear(2026, 1)).toMatchObject({ key: 'FY2026', from: '2026-01-01', to: '2026-12-31' });
    expect(fiscalYear(2027, 2)).toMatchObject({ key: 'FY2027', from: '2026-02-01', to: '2027-01-31' });
    expect(fiscalYear(2027, 7)).toMatchObject({ from: '2026-07-01', to: '2027-06-30' });
    expect(fiscalYearOf('2026-11-28', 2)).toBe(2027);
    expect(fiscalYearOf('2026-01-15', 2)).toBe(2026);
    expect(fiscalQuarter(2027, 1, 2)).toMatchObject({ key: 'FY2027-Q1', label: 'Q1 FY2027', from: '2026-02-01', to: '2026-04-30' });
    expect(fiscalQuarter(2027, 4, 2)).toMatchObject({ from: '2026-11-01', to: '2027-01-31' });
    expect(periodContaining('quarter', '2026-11-28', 1)).toMatchObject({ key: 'FY2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('quarter', '2027-01-31', 2)).toMatchObject({ key: 'FY2027-Q4' });
  });

  it('numbers ISO weeks, including week 53 and the weeks at the turn of the year', () => {
    expect(isoWeekOf('2026-11-28')).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(parsePeriodKey('2026-W53', 1)).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(parsePeriodKey('2025-W53', 1)).toBeNull();
    expect(parsePeriodKey('2026-W00', 1)).toBeNull();
    expect(parsePeriodKey('2026-13', 1)).toBeNull();
    expect(parsePeriodKey('FY2026-Q5', 1)).toBeNull();
    expect(parsePeriodKey('nonsense', 1)).toBeNull();
  });

  it('finds for any date and start month a period of each kind that holds it, whose key parses back to it', () => {
    fc.assert(
      fc.property(
        arbDate,
        arbStart,
        fc.constantFrom('week', 'month', 'quarter', 'year') as fc.Arbitrary<'week' | 'month' | 'quarter' | 'year'>,
        (date, start, kind) => {
          const p = periodContaining(kind, date, start);
          expect(p.from <= date && date <= p.to).toBe(true);
          expect(parsePeriodKey(p.key, start)).toEqual(p);
          expect(previousPeriod(p, start).to).toBe(addDays(p.from, -1));
        },
      ),
    );
  });

  it('cuts a fiscal year into 12 months, 4 quarters or its weeks without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2024, max: 2030 }), arbStart, (fy, start) => {
        const year = fiscalYear(fy, start);
        expect(periodsWithin(year, 'month', start)).toHaveLength(12);
        const quarters = periodsWithin(year, 'quarter', start);
        expect(quarters.map((q) => q.key)).toEqual([1, 2, 3, 4].map((n) => `FY${fy}-Q${n}`));
        for (const parts of [quarters, periodsWithin(year, 'month', start), periodsWithin(year, 'week', start)]) {
          for (let i = 1; i < parts.length; i++) expect(parts[i]?.from).toBe(addDays(parts[i - 1]?.to as string, 1));
        }
        expect(quarters[0]?.from).toBe(year.from);
        expect(quarters[3]?.to).toBe(year.to);
      }),
    );
  });

  it('turns a period into instants in the workspace time zone, across daylight saving', () => {
    const q = parsePeriodKey('FY2026-Q1', 1) as NonNullable<ReturnType<typeof parsePeriodKey>>;
    expect(boundsOf(q, 'UTC')).toEqual({ start: Date.parse('2026-01-01T00:00:00Z'), end: Date.parse('2026-04-01T00:00:00Z') });
    expect(boundsOf(q, 'Europe/Berlin')).toEqual({ start: Date.parse('2025-12-31T23:00:00Z'), end: Date.parse('2026-03-31T22:00:00Z') });
    const b = boundsOf(q, 'UTC');
    expect(elapsedShare(b, b.start - 1)).toBe(0);
    expect(elapsedShare(b, b.end)).toBe(1);
    expect(elapsedShare(b, (b.start + b.end) / 2)).toBeCloseTo(0.5);
  });

  it('lists the last 14 days of each fiscal quarter a range touches', () => {
    expect(quarterTails({ from: '2026-01-01', to: '2026-12-31' }, 1, 14)).toEqual([
      { from: '2026-03-18', to: '2026-03-31' },
      { from: '2026-06-17', to: '2026-06-30' },
      { from: '2026-09-17', to: '2026-09-30' },
      { from: '2026-12-18', to: '2026-12-31' },
    ]);
    expect(quarterTails({ from: '2026-11-10', to: '2026-11-20' }, 2, 14)).toEqual([{ from: '2027-01-18', to: '2027-01-31' }]);
  });
});

describe('moving between periods', () => {
  it('steps each kind by whole periods without gaps, to keys that resolve to themselves', () => {
    fc.assert(
      fc.property(
        arbDate,
        arbStart,
        fc.constantFrom('week', 'month', 'quarter', 'year') as fc.Arbitrary<'week' | 'month' | 'quarter' | 'year'>,
        fc.integer({ min: -9, max: 9 }),
        (date, start, kind, offset) => {
          const p = shiftPeriod(periodContaining(kind, date, start), offset, start);
          expect(shiftPeriod(p, 1, start).from).toBe(addDays(p.to, 1));
          expect(shiftPeriod(p, -1, start).to).toBe(addDays(p.from, -1));
          expect(parsePeriodKey(p.key, start)).toEqual(p);
        },
      ),
    );
  });

  it('offers the current period among a picker’s choices, newest first', () => {
    expect(periodsAround('quarter', '2026-11-28', 2, 6, 1).map((q) => q.key)).toEqual([
      'FY2028-Q1',
      'FY2027-Q4',
      'FY2027-Q3',
      'FY2027-Q2',
      'FY2027-Q1',
      'FY2026-Q4',
      'FY2026-Q3',
      'FY2026-Q2',
    ]);
    expect(periodsAround('week', '2026-01-01', 1, 1, 1).map((w) => w.key)).toEqual(['2026-W02', '2026-W01', '2025-W52']);
    expect(shiftPeriod(customPeriod('2026-01-01', '2026-01-10'), -1, 1)).toMatchObject({ from: '2025-12-22', to: '2025-12-31' });
  });
});
