// Planning lift's formula: the advance rate after planned meetings minus the rate after unplanned
// ones, with the counts behind both; no data when either side has no meeting. (The two rates are
// checked against the independent reference in kpi-reference.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planningLift } from './planning.js';

const rate = (advanced: number, meetings: number) => ({
  value: meetings === 0 ? null : advanced / meetings,
  numerator: advanced,
  denominator: meetings,
  count: meetings,
});

describe('planning lift', () => {
  it('is the planned rate minus the unplanned rate, with both rates and every meeting counted', () => {
    // 51 of 100 planned meetings advanced a deal within 7 days, 35 of 100 unplanned ones.
    const lift = planningLift.combine({ planned: rate(51, 100), unplanned: rate(35, 100) }, null);
    expect(lift.value).toBeCloseTo(0.16, 12);
    expect(lift).toMatchObject({ numerator: 0.51, denominator: 0.35, count: 200, noData: null });
  });

  it('has no data, never 0, when either side has no meeting', () => {
    for (const [planned, unplanned] of [
      [rate(0, 0), rate(3, 10)],
      [rate(3, 10), rate(0, 0)],
    ] as const) {
      const lift = planningLift.combine({ planned, unplanned }, null);
      expect(lift.value).toBeNull();
      expect(lift.noData).toMatch(/planned and unplanned/);
      expect(lift.count).toBe(10);
    }
  });

  it('lies within −1..1, is 0 exactly when the rates agree, and changes sign with them', () => {
    const side = fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(side, side, ([pa, pn], [ua, un]) => {
        const value = planningLift.combine({ planned: rate(pa, pn), unplanned: rate(ua, un) }, null).value as number;
        expect(value).toBeGreaterThanOrEqual(-1);
        expect(value).toBeLessThanOrEqual(1);
        expect(Math.sign(Math.round(value * 1e9))).toBe(Math.sign(pa * un - ua * pn));
      }),
    );
  });
});
