import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, type RepFigure, relationEffect, timeInStageEffect } from './driver-effects.js';

// Velocity 10 × 0.2 × 1,000,000 ÷ 50 = 40,000 minor units a day (400 EUR/day).
const base = { n: 10, w: 0.2, s: 1_000_000, c: 50, v: 40_000 };
const ctx = { base, benchmarkLabel: 'Field', currency: 'EUR' };
const m = (value: number | null, records = 20) => ({ value, records });
const rep = (value: number | null, won: number, closed: number): RepFigure => ({ value, won, closed });

describe('timeInStageEffect', () => {
  it('shortens the cycle by the per-stage gaps where slower, worked by hand', () => {
    const r = timeInStageEffect(
      ctx,
      [
        { stageId: 'q', stageName: 'Qualify', person: m(12, 8), benchmark: m(7, 30) }, // 5 days slower
        { stageId: 'p', stageName: 'Proposal', person: m(15, 6), benchmark: m(10, 30) }, // 5 days slower
        { stageId: 'n', stageName: 'Negotiation', person: m(4, 9), benchmark: m(6, 30) }, // faster: no credit, no debit
        { stageId: 'd', stageName: 'Demo', person: m(40, 3), benchmark: m(5, 30) }, // 3 stays: left out
      ],
      30,
    );
    // cycle 50 − (5 + 5) = 40 days; 10 × 0.2 × 1,000,000 ÷ 40 = 50,000: +10,000.
    expect(r.note).toBeNull();
    expect(r.suggestion?.velocityIfClosed).toBeCloseTo(50_000, 6);
    expect(r.suggestion?.effect).toBeCloseTo(10_000, 6);
    expect(r.suggestion?.records).toBe(14);
    expect(r.suggestion?.person).toBe(27);
    expect(r.suggestion?.benchmark).toBe(17);
    expect(r.suggestion?.skillKeys).toEqual(['qualification', 'forecasting']);
    expect(r.suggestion?.model).toContain('50.0 days − 10.0 days → 40.0 days');
    expect(r.suggestion?.explanation).toBe(
      "Slower than Field in 2 stages (Qualify 12.0 days vs 7.0 days, Proposal 15.0 days vs 10.0 days; 14 stays): at Field's time there the cycle would shorten from 50.0 days to 40.0 days and sales velocity would go from 400 EUR/day to 500 EUR/day.",
    );
  });

  it('never credits a cycle shorter than the team’s', () => {
    // 30 days slower in one stage, but the team's cycle is 45: 50 → 45, 10 × 0.2 × 1e6 ÷ 45 = 44,444.4.
    const r = timeInStageEffect(ctx, [{ stageId: 'q', stageName: 'Qualify', person: m(40, 8), benchmark: m(10, 30) }], 45);
    expect(r.suggestion?.velocityIfClosed).toBeCloseTo(2_000_000 / 45, 6);
    const already = timeInStageEffect(ctx, [{ stageId: 'q', stageName: 'Qualify', person: m(40, 8), benchmark: m(10, 30) }], 60);
    expect(already.suggestion).toBeNull();
    expect(already.note).toContain('already no longer');
  });

  it('says too little data when no stage has five stays on both sides, and no gap when never slower', () => {
    expect(timeInStageEffect(ctx, [{ stageId: 'q', stageName: 'Qualify', person: m(40, 4), benchmark: m(10, 30) }], 30).note).toBe(
      'too little data: no stage has at least 5 finished stays of the coachee and of the team',
    );
    expect(timeInStageEffect(ctx, [{ stageId: 'q', stageName: 'Qualify', person: m(9, 8), benchmark: m(10, 30) }], 30).note).toBe(
      'no slower than the team in any stage with enough stays',
    );
  });

  it('law: the credited cycle is never below the team’s nor above the coachee’s, so the effect is ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: fc.double({ min: 0, max: 100, noNaN: true }), b: fc.double({ min: 0, max: 100, noNaN: true }) }), { maxLength: 6 }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (stages, teamCycle) => {
          const r = timeInStageEffect(
            ctx,
            stages.map((x, i) => ({ stageId: `s${i}`, stageName: `S${i}`, person: m(x.p, 10), benchmark: m(x.b, 10) })),
            teamCycle,
          );
          if (!r.suggestion) return;
          const cycle = (base.n * base.w * base.s) / r.suggestion.velocityIfClosed;
          expect(cycle).toBeGreaterThanOrEqual(Math.min(base.c, teamCycle) - 1e-9);
          expect(cycle).toBeLessThanOrEqual(base.c + 1e-9);
          expect(r.suggestion.effect).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('relationEffect', () => {
  // Six other reps: activity 10, 20, 30 | 50, 60, 70 → median 40.
  // Above: won 6+7+8 = 21 of 20+20+20 = 60 (35 %); below: 3+4+5 = 12 of 60 (20 %).
  const team = [rep(10, 3, 20), rep(20, 4, 20), rep(30, 5, 20), rep(50, 6, 20), rep(60, 7, 20), rep(70, 8, 20)];

  it('credits the win-rate lift the team shows above its median, worked by hand', () => {
    const r = relationEffect(ctx, 'activity_volume', m(25, 25), team);
    // w' = 0.2 × 0.35 ÷ 0.2 = 0.35; 10 × 0.35 × 1,000,000 ÷ 50 = 70,000: +30,000.
    expect(r.note).toBeNull();
    expect(r.suggestion?.lever).toBe('activity_volume');
    expect(r.suggestion?.benchmark).toBe(40);
    expect(r.suggestion?.velocityIfClosed).toBeCloseTo(70_000, 6);
    expect(r.suggestion?.effect).toBeCloseTo(30_000, 6);
    expect(r.suggestion?.skillKeys).toEqual(['pipeline_generation']);
    expect(r.suggestion?.model).toContain('20.0% × 1.75 → 35.0%');
    expect(r.suggestion?.explanation).toBe(
      "Activity volume 25 against Field's median 40 (25 records); in Field, 3 reps above the median won 21 of 60 closed deals (35.0%), 3 below it 12 of 60 (20.0%): at that lift the win rate would go from 20.0% to 35.0% and sales velocity from 400 EUR/day to 700 EUR/day.",
    );
  });

  it('caps the win rate at 100 % and counts a side that won nothing as half a deal won', () => {
    const r = relationEffect(ctx, 'process_adherence', m(0.1, 10), [rep(0.2, 0, 10), rep(0.3, 0, 10), rep(0.9, 9, 10), rep(0.95, 10, 10)]);
    // below: 0 of 20 → counted 0.5 ÷ 20 = 2.5 %; above 19 ÷ 20 = 95 %: ratio 38, 0.2 × 38 > 1 → 100 %.
    expect(r.suggestion?.velocityIfClosed).toBeCloseTo(200_000, 6);
  });

  it('names no effect when the team shows no relation, and too little data when it cannot tell', () => {
    const flat = team.map((x, i) => rep(x.value, i < 3 ? 7 : 5, 20));
    expect(relationEffect(ctx, 'activity_volume', m(25, 25), flat).note).toBe(
      "no relation in Field's data: 3 reps above the median won 15 of 60 closed deals (25.0%), 3 below it 21 of 60 (35.0%)",
    );
    expect(relationEffect(ctx, 'activity_volume', m(25, 25), team.slice(0, 1)).note).toBe(
      'too little data: 1 other rep of Field has a figure and closed deals; at least 4 are needed to see a relation',
    );
    expect(relationEffect(ctx, 'activity_volume', m(25, 25), team.slice(0, 3)).note).toBe(
      'too little data: 3 other reps of Field have a figure and closed deals; at least 4 are needed to see a relation',
    );
    expect(relationEffect(ctx, 'activity_volume', m(25, 4), team).note).toBe('too little data: 4 records of the coachee in the period; at least 5 are needed');
    // Four reps, but only 4 closed deals below the median.
    expect(relationEffect(ctx, 'activity_volume', m(5, 25), [rep(10, 1, 2), rep(20, 1, 2), rep(50, 6, 20), rep(60, 7, 20)]).note).toBe(
      "too little data: above Field's median 2 reps with 40 closed deals, below it 2 with 4; each side needs 2 reps and 5 closed deals",
    );
  });

  it('gives no effect to a coachee at or above the median', () => {
    const r = relationEffect(ctx, 'activity_volume', m(40, 25), team);
    expect(r.suggestion).toBeNull();
    expect(r.note).toBe("at or above Field's median (40)");
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
