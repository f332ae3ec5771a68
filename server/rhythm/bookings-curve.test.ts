import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../lib/calendar.js';
import { cumulativeShares, quarterWeeks } from './bookings-curve.js';

describe('quarterWeeks', () => {
  it('cuts a 91-day quarter into 13 weeks and a 92-day one into 13 weeks and a day', () => {
    expect(quarterWeeks({ from: '2026-01-01', to: '2026-03-31' }).map((w) => [w.from, w.to])).toHaveLength(13);
    const q = quarterWeeks({ from: '2026-07-01', to: '2026-09-30' });
    expect(q).toHaveLength(14);
    expect(q[13]).toMatchObject({ from: '2026-09-30', to: '2026-09-30' });
  });

  it('covers every day of any range once, in order, in steps of at most 7 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 120 }), (offset, length) => {
        const from = addDays('2020-01-01', offset);
        const to = addDays(from, length);
        const weeks = quarterWeeks({ from, to });
        expect(weeks[0]?.from).toBe(from);
        expect(weeks[weeks.length - 1]?.to).toBe(to);
        weeks.forEach((w, i) => {
          const days = daysBetween(w.from, w.to) + 1;
          expect(days).toBeGreaterThanOrEqual(1);
          expect(days).toBeLessThanOrEqual(7);
          if (i > 0) expect(w.from).toBe(addDays(weeks[i - 1]?.to as string, 1));
        });
      }),
    );
  });
});

describe('cumulativeShares', () => {
  it('is the running share of the total, ending at exactly 1', () => {
    expect(cumulativeShares([10, 0, 30, 60])).toEqual([0.1, 0.1, 0.4, 1]);
  });

  it('stops a quarter in progress at the weeks begun so far', () => {
    expect(cumulativeShares([10, 30, 0, 0], 2)).toEqual([0.25, 1, null, null]);
  });

  it('draws no curve when nothing was won', () => {
    expect(cumulativeShares([0, 0, 0])).toEqual([null, null, null]);
    expect(cumulativeShares([])).toEqual([]);
  });

  it('never falls, stays within 0..1 and ends at 1 whenever something was won', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 14 }), (amounts) => {
        const shares = cumulativeShares(amounts);
        if (amounts.every((a) => a === 0)) {
          // Not `return expect(…)`: a property that returns false fails, whatever the assertion said.
          expect(shares.every((s) => s === null)).toBe(true);
          return;
        }
        for (let i = 0; i < shares.length; i++) {
          const s = shares[i] as number;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          if (i > 0) expect(s).toBeGreaterThanOrEqual((shares[i - 1] as number) - 1e-12);
        }
        expect(shares[shares.length - 1]).toBe(1);
      }),
      { examples: [[[0]], [[0, 0, 0]], [[0, 5]], [[5, 0]]] },
    );
  });
});
