import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  belowStartFlags,
  DEFAULT_WEIGHTS,
  DISCIPLINES,
  type Discipline,
  disciplineIndex,
  dragOf,
  FADE_POINTS,
  fadingFlags,
  latestJudged,
  overallOf,
  scoreOf,
} from './discipline-index.js';

const none = (n: number) => Array.from({ length: n }, () => null);

describe('discipline index', () => {
  it('scores shares 0–100 and leaves what is not measured out of the overall', () => {
    expect(scoreOf(0.734)).toBe(73);
    expect(scoreOf(null)).toBeNull();
    expect(scoreOf(1.2)).toBe(100);
    // Process 80 (weight .25) and planning 40 (weight .2) only: (80×.25 + 40×.2) ÷ .45 = 62.2.
    expect(overallOf({ process: 80, coaching: null, planning: 40, measurement: null, alignment: null })).toBe(62);
    expect(overallOf({ process: null, coaching: null, planning: null, measurement: null, alignment: null })).toBeNull();
  });

  it('names the discipline that costs the overall the most points, by weight, not the lowest score', () => {
    // Process 70 costs .25 × 30 = 7.5 points; alignment 55 only .15 × 45 = 6.75, although it scores lower.
    expect(dragOf({ process: 70, coaching: null, planning: 90, measurement: 80, alignment: 55 })).toEqual({ key: 'process', score: 70 });
    // Alignment at 45 costs 8.25: now it drags.
    expect(dragOf({ process: 70, coaching: null, planning: 90, measurement: 80, alignment: 45 })).toEqual({ key: 'alignment', score: 45 });
    expect(dragOf({ process: 100, coaching: 100, planning: null, measurement: 100, alignment: null })).toBeNull();
    expect(dragOf({ process: null, coaching: null, planning: null, measurement: null, alignment: null })).toBeNull();
  });

  it('drags by the largest weighted shortfall among the disciplines measured, whatever the scores', () => {
    const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    fc.assert(
      fc.property(fc.record({ process: score, coaching: score, planning: score, measurement: score, alignment: score }), (scores) => {
        const drag = dragOf(scores);
        const costs = DISCIPLINES.filter((d) => scores[d] !== null).map((d) => DEFAULT_WEIGHTS[d] * (100 - (scores[d] as number)));
        const max = Math.max(0, ...costs);
        if (max === 0) {
          // Not `return expect(…)`: fast-check reads a returned false as a failed property.
          expect(drag).toBeNull();
          return;
        }
        expect(drag).not.toBeNull();
        const d = drag as { key: Discipline; score: number };
        expect(d.score).toBe(scores[d.key]);
        expect(DEFAULT_WEIGHTS[d.key] * (100 - d.score)).toBeCloseTo(max, 9);
      }),
      {
        examples: [
          [{ process: null, coaching: null, planning: null, measurement: null, alignment: null }],
          [{ process: 100, coaching: 100, planning: null, measurement: 100, alignment: 100 }],
        ],
      },
    );
  });

  it('flags a drop of at least the fade threshold from one month to the next', () => {
    expect(fadingFlags([90, 80, 79, null, 50, 40])).toEqual([false, true, false, false, false, true]);
  });

  it('builds cells per discipline and overall', () => {
    const idx = disciplineIndex({ process: [0.9, 0.7, 0.72], coaching: none(3), planning: [0.5, 0.5, 0.5], measurement: none(3), alignment: none(3) }, 3);
    expect(idx.byDiscipline.process.map((c) => c.score)).toEqual([90, 70, 72]);
    expect(idx.byDiscipline.process[1]?.fading).toBe(true);
    expect(idx.byDiscipline.coaching.every((c) => c.score === null && !c.fading)).toBe(true);
    expect(idx.overall[0]?.score).toBe(Math.round((90 * 0.25 + 50 * 0.2) / 0.45));
  });

  it('scores the month in progress so far but never judges it as fading, so the latest finished month is what alarms', () => {
    // November finished at 80, December to date reads 40 (most of what it measures is not due yet).
    const shares = { process: [0.8, 0.4], coaching: [0.9, 0.85], planning: none(2), measurement: [null, 0.2], alignment: none(2) };
    const judged = disciplineIndex(shares, 2);
    expect(judged.byDiscipline.process[1]).toEqual({ score: 40, fading: true, belowStart: true, inProgress: false });
    const partial = disciplineIndex(shares, 2, DEFAULT_WEIGHTS, 1);
    expect(partial.byDiscipline.process[1]).toEqual({ score: 40, fading: false, belowStart: false, inProgress: true });
    expect(partial.overall[1]).toMatchObject({ fading: false, inProgress: true });
    expect(partial.byDiscipline.process[0]).toEqual({ score: 80, fading: false, belowStart: false, inProgress: false });
    expect(latestJudged(partial.byDiscipline.process)?.score).toBe(80);
    // A finished month that fell is still flagged while the next one is in progress.
    const fell = disciplineIndex({ ...shares, coaching: [0.9, 0.6, 0.1] }, 3, DEFAULT_WEIGHTS, 2);
    expect(latestJudged(fell.byDiscipline.coaching)).toEqual({ score: 60, fading: true, belowStart: true, inProgress: false });
    expect(fell.byDiscipline.coaching[2]).toEqual({ score: 10, fading: false, belowStart: false, inProgress: true });
  });

  it('property: the overall lies between the lowest and the highest measured part', () => {
    const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    fc.assert(
      fc.property(fc.tuple(score, score, score, score, score), (values) => {
        const scores = Object.fromEntries(DISCIPLINES.map((d, i) => [d, values[i] ?? null])) as Record<Discipline, number | null>;
        const measured = values.filter((v): v is number => v !== null);
        const overall = overallOf(scores, DEFAULT_WEIGHTS);
        if (measured.length === 0) expect(overall).toBeNull();
        else {
          expect(overall).toBeGreaterThanOrEqual(Math.min(...measured));
          expect(overall).toBeLessThanOrEqual(Math.max(...measured));
        }
      }),
    );
  });

  it('flags months below the level the year started from, however slowly it slid', () => {
    // 85 → 80 → 77 → 74: never a 10-point monthly drop, yet 11 under the start by the fourth month.
    expect(fadingFlags([85, 80, 77, 74])).toEqual([false, false, false, false]);
    expect(belowStartFlags([85, 80, 77, 74])).toEqual([false, false, false, true]);
    // The start is the first scored month; recovering clears the flag.
    expect(belowStartFlags([null, 70, 55, 65, 59])).toEqual([false, false, true, false, true]);
    expect(belowStartFlags([null, null])).toEqual([false, false]);
  });

  it('property: below start is exactly the threshold or more under the first scored month', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { maxLength: 12 }), (scores) => {
        const flags = belowStartFlags(scores);
        const first = scores.findIndex((s) => s !== null);
        scores.forEach((s, i) => {
          expect(flags[i]).toBe(first >= 0 && i > first && s !== null && (scores[first] as number) - s >= FADE_POINTS);
        });
      }),
    );
  });

  it('property: fading is exactly a drop of the threshold or more', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 12 }), (scores) => {
        const flags = fadingFlags(scores);
        for (let i = 1; i < scores.length; i++) expect(flags[i]).toBe((scores[i - 1] as number) - (scores[i] as number) >= FADE_POINTS);
        expect(flags[0]).toBe(false);
      }),
    );
  });
});
