import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, startOfDay } from '../../lib/calendar.js';
import {
  addSums,
  finishFigures,
  gainOf,
  inForceDuring,
  isAdherent,
  type MoveFacts,
  sumMoves,
  versionIntervals,
  weeksOf,
  ZERO_SUMS,
} from './adherence-formulas.js';

const move = (over: Partial<MoveFacts> = {}): MoveFacts => ({
  criteriaMet: true,
  overrideReason: null,
  skipped: 0,
  direction: 1,
  fromProbability: 10,
  toProbability: 20,
  ...over,
});

const arbMove = fc
  .record({
    criteriaMet: fc.boolean(),
    override: fc.boolean(),
    skipped: fc.integer({ min: 0, max: 3 }),
    direction: fc.constantFrom(-1, 0, 1),
    from: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    to: fc.integer({ min: 0, max: 100 }),
  })
  .map(
    (r): MoveFacts => ({
      // An override exists only where a criterion was missing, as the gate records it.
      criteriaMet: r.criteriaMet && !r.override,
      overrideReason: r.override ? 'reason' : null,
      skipped: r.skipped,
      direction: r.direction,
      fromProbability: r.from,
      toProbability: r.to,
    }),
  );

describe('adherence formulas', () => {
  it('counts a move adherent only when criteria were met, with no override and no skipped stage', () => {
    expect(isAdherent(move())).toBe(true);
    expect(isAdherent(move({ criteriaMet: false, overrideReason: 'CEO asked' }))).toBe(false);
    expect(isAdherent(move({ skipped: 1 }))).toBe(false);
    expect(isAdherent(move({ direction: -1, fromProbability: 40, toProbability: 20 }))).toBe(true);
  });

  it('counts a challenged override as such, and a verdict without an override as nothing', () => {
    const s = sumMoves([
      move({ criteriaMet: false, overrideReason: 'CEO call', overrideVerdict: 'challenged' }),
      move({ criteriaMet: false, overrideReason: 'CEO call', overrideVerdict: 'accepted' }),
      move({ criteriaMet: false, overrideReason: 'CEO call' }),
      move({ overrideVerdict: 'challenged' }),
    ]);
    expect(s).toMatchObject({ overrides: 3, challengedOverrides: 1, adherentMoves: 1 });
  });

  it('weighs forward moves by probability gained', () => {
    const f = finishFigures(
      sumMoves([
        move({ fromProbability: 10, toProbability: 20 }),
        move({ fromProbability: 20, toProbability: 60, skipped: 1 }),
        move({ fromProbability: 60, toProbability: 40, direction: -1 }),
        move({ fromProbability: 80, toProbability: 0, direction: 0 }),
        move({ fromProbability: null, toProbability: 40, skipped: 2 }),
      ]),
    );
    expect(f).toMatchObject({ moves: 5, adherentMoves: 3, forwardMoves: 3, forwardGain: 10 + 40 + 40, adherentGain: 10, skippedMoves: 2, backwardMoves: 1 });
    expect(f.adherence).toBeCloseTo(3 / 5);
    expect(f.weightedAdherence).toBeCloseTo(10 / 90);
    expect(finishFigures(ZERO_SUMS)).toMatchObject({ adherence: null, weightedAdherence: null });
  });

  it('keeps ratios in [0, 1], sums additive over any split, and order irrelevant', () => {
    fc.assert(
      fc.property(fc.array(arbMove, { maxLength: 40 }), fc.nat(), (moves, cut) => {
        const all = sumMoves(moves);
        const f = finishFigures(all);
        for (const r of [f.adherence, f.weightedAdherence]) if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        expect(f.adherentMoves).toBeLessThanOrEqual(f.moves);
        expect(f.adherentGain).toBeLessThanOrEqual(f.forwardGain);
        const k = moves.length === 0 ? 0 : cut % (moves.length + 1);
        expect(addSums(sumMoves(moves.slice(0, k)), sumMoves(moves.slice(k)))).toEqual(all);
        expect(sumMoves([...moves].reverse())).toEqual(all);
      }),
    );
  });

  it('gives full weighted adherence when every forward move adheres, whatever else happens', () => {
    fc.assert(
      fc.property(fc.array(arbMove, { maxLength: 30 }), (moves) => {
        const cleaned = moves.map((m) => (gainOf(m) > 0 ? { ...m, criteriaMet: true, overrideReason: null, skipped: 0 } : m));
        const f = finishFigures(sumMoves(cleaned));
        if (f.forwardMoves > 0) expect(f.weightedAdherence).toBe(1);
        else expect(f.weightedAdherence).toBeNull();
      }),
    );
  });
});

describe('adherence calendar', () => {
  it('covers the period with Monday weeks cut to it, without gaps or overlaps, across DST', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
        (offset, span, tz) => {
          const from = addDays('2025-01-01', offset);
          const to = addDays(from, span);
          const weeks = weeksOf(from, to, tz);
          expect(weeks[0]?.start).toBe(startOfDay(from, tz));
          expect(weeks.at(-1)?.end).toBe(startOfDay(addDays(to, 1), tz));
          for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.start).toBe(weeks[i - 1]?.end);
          for (const w of weeks) {
            expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
            expect(w.end).toBeGreaterThan(w.start);
          }
        },
      ),
    );
  });
});

describe('process versions in force', () => {
  const v = (id: string, pipelineId: string, number: number, createdAt: number) => ({ id, pipelineId, number, createdAt });

  it('rules a pipeline from its creation until the next version of that pipeline', () => {
    const got = versionIntervals([v('b2', 'B', 2, 50), v('a2', 'A', 2, 30), v('a1', 'A', 1, 10), v('b1', 'B', 1, 10), v('a3', 'A', 3, 70)]);
    expect(Object.fromEntries(got.map((x) => [x.version.id, [x.from, x.to]]))).toEqual({
      a1: [10, 30],
      a2: [30, 70],
      a3: [70, null],
      b1: [10, 50],
      b2: [50, null],
    });
  });

  it('overlaps a period when in force during some of it; a version replaced at once never is', () => {
    expect(inForceDuring({ from: 10, to: 30 }, 30, 40)).toBe(false);
    expect(inForceDuring({ from: 10, to: 30 }, 29, 40)).toBe(true);
    expect(inForceDuring({ from: 40, to: null }, 0, 40)).toBe(false);
    expect(inForceDuring({ from: 39, to: null }, 0, 40)).toBe(true);
    expect(inForceDuring({ from: 10, to: 10 }, 0, 40)).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 100 }), (times, t) => {
        // At any instant after the first version, exactly one version is in force.
        const sorted = [...times].sort((a, b) => a - b);
        const intervals = versionIntervals(sorted.map((at, i) => v(`v${i}`, 'P', i + 1, at)));
        const ruling = intervals.filter((x) => inForceDuring(x, t, t + 1));
        expect(ruling.length).toBe(t >= (sorted[0] as number) ? 1 : 0);
      }),
    );
  });
});
