import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harvestPlan, lagMonths, lastUsefulIndex, type PlanInput } from './harvest-plan.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ key: `2027-${String(i + 1).padStart(2, '0')}`, label: `M${i + 1}` }));

const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  months: MONTHS,
  targets: MONTHS.map(() => 100_000),
  assumptions: { winRate: 0.25, averageDealSize: 10_000, cycleDays: 61 },
  planted: MONTHS.map(() => 0),
  currentIndex: 4,
  currentElapsed: 0.5,
  mqlToOpportunity: 0.2,
  ...over,
});

describe('harvest plan', () => {
  it('works a worked example back from the targets', () => {
    // 61 days ≈ 2 months: January's planting serves March's target; 100 000 ÷ 25 % = 400 000.
    const planted = [400_000, 300_000, 500_000, 0, 100_000, 0, 0, 0, 0, 0, 0, 0];
    const p = harvestPlan(base({ planted }));
    expect(p.lagMonths).toBe(2);
    expect(p.lastUsefulIndex).toBe(9);
    expect(p.lastUsefulKey).toBe('2027-10');
    expect(p.neededBeforeYear).toBe(800_000);
    expect(p.months[0]).toMatchObject({ servesKey: '2027-03', needed: 400_000, neededDeals: 40, neededMqls: 200, state: 'done', behind: false });
    expect(p.months[1]).toMatchObject({ behind: true, fixable: true });
    expect(p.months[3]).toMatchObject({ behind: true, planted: 0 });
    // The current month needs half its share so far: 200 000, 100 000 planted.
    expect(p.months[4]).toMatchObject({ state: 'current', neededSoFar: 200_000, behind: true });
    expect(p.months[5]).toMatchObject({ state: 'ahead', planted: null, behind: false });
    expect(p.months[10]).toMatchObject({ useful: false, needed: 0, servesKey: null });
    expect(p.neededToDate).toBe(4 * 400_000 + 200_000);
    expect(p.plantedToDate).toBe(1_300_000);
    expect(p.shortfallToDate).toBe(500_000);
    // Months 5 (current) to 10 are left to catch up: six of them.
    expect(p.catchUpPerMonth).toBeCloseTo(500_000 / 6);
    expect(p.totalNeeded).toBe(10 * 400_000);
    expect(p.totalTarget).toBe(1_200_000);
  });

  it('past the last useful month, a shortfall can no longer be fixed', () => {
    const p = harvestPlan(base({ currentIndex: 11, currentElapsed: 0.1 }));
    expect(p.months[3]).toMatchObject({ behind: true, fixable: false });
    expect(p.catchUpPerMonth).toBeNull();
  });

  it('a cycle of a year or more leaves no useful month', () => {
    expect(lastUsefulIndex(12, 400)).toBeNull();
    const p = harvestPlan(base({ assumptions: { winRate: 0.5, averageDealSize: 1, cycleDays: 400 } }));
    expect(p.totalNeeded).toBe(0);
    expect(p.months.every((m) => !m.useful && !m.fixable)).toBe(true);
  });

  it('says no MQLs without lead history, and treats a month without a quota as no target', () => {
    const targets = MONTHS.map((_, i) => (i === 5 ? null : 100_000));
    const p = harvestPlan(base({ mqlToOpportunity: null, targets }));
    expect(p.months.every((m) => m.neededMqls === null)).toBe(true);
    expect(p.months[3]).toMatchObject({ target: 100_000, needed: 0 });
    expect(p.months[5]?.target).toBeNull();
  });

  it('refuses assumptions it cannot divide by', () => {
    expect(() => harvestPlan(base({ assumptions: { winRate: 0, averageDealSize: 1, cycleDays: 1 } }))).toThrow(/win rate/);
    expect(() => harvestPlan(base({ assumptions: { winRate: 0.2, averageDealSize: 0, cycleDays: 1 } }))).toThrow(/deal size/);
    expect(() => harvestPlan(base({ assumptions: { winRate: 0.2, averageDealSize: 1, cycleDays: -1 } }))).toThrow(/cycle/);
  });

  const targets = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 12, maxLength: 12 });
  const assumptions = fc.record({
    winRate: fc.double({ min: 0.01, max: 1, noNaN: true }),
    averageDealSize: fc.integer({ min: 1, max: 1_000_000 }),
    cycleDays: fc.double({ min: 0, max: 500, noNaN: true }),
  });

  it('property: more target never needs less pipeline, and strictly more in total', () => {
    fc.assert(
      fc.property(targets, assumptions, fc.nat({ max: 11 }), fc.integer({ min: 1, max: 1_000_000 }), (t, a, month, extra) => {
        const before = harvestPlan(base({ targets: t, assumptions: a }));
        const more = t.map((v, i) => (i === month ? v + extra : v));
        const after = harvestPlan(base({ targets: more, assumptions: a }));
        for (let i = 0; i < 12; i++) expect(after.months[i]?.needed).toBeGreaterThanOrEqual(before.months[i]?.needed as number);
        // Every target is served either by a month of the year or by planting before it.
        expect(after.totalNeeded + after.neededBeforeYear).toBeGreaterThan(before.totalNeeded + before.neededBeforeYear);
      }),
    );
  });

  it('property: a lower win rate never needs less pipeline', () => {
    fc.assert(
      fc.property(targets, assumptions, fc.double({ min: 0.01, max: 1, noNaN: true }), (t, a, lower) => {
        fc.pre(lower < a.winRate);
        const hi = harvestPlan(base({ targets: t, assumptions: a }));
        const lo = harvestPlan(base({ targets: t, assumptions: { ...a, winRate: lower } }));
        expect(lo.totalNeeded + lo.neededBeforeYear).toBeGreaterThanOrEqual(hi.totalNeeded + hi.neededBeforeYear);
      }),
    );
  });

  it('property: a longer cycle never moves the last useful month later', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (c1, c2) => {
        const [short, long] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(lagMonths(long)).toBeGreaterThanOrEqual(lagMonths(short));
        const a = lastUsefulIndex(12, short);
        const b = lastUsefulIndex(12, long);
        if (a === null) expect(b).toBeNull();
        else if (b !== null) expect(b).toBeLessThanOrEqual(a);
      }),
    );
  });

  it('property: a deal planted after the last useful month cannot close inside the year', () => {
    fc.assert(
      fc.property(assumptions, (a) => {
        const p = harvestPlan(base({ assumptions: a }));
        for (const [i, m] of p.months.entries()) {
          const closesAt = i + p.lagMonths;
          expect(m.useful).toBe(closesAt <= 11);
          expect(m.useful).toBe(p.lastUsefulIndex !== null && i <= p.lastUsefulIndex);
        }
      }),
    );
  });
});
