import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptScore, readiness, readinessStatus } from './readiness.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 4);

describe('readiness', () => {
  it('is null with no attempt, and the score itself with one', () => {
    expect(readiness([], now)).toEqual({ value: null, attempts: 0, lastScoredAt: null });
    expect(readiness([{ score: 72, scoredAt: now - 40 * DAY }], now).value).toBe(72);
  });

  it('weighs an attempt a month old half as much as one from today', () => {
    // (1 × 90 + 0.5 × 60) ÷ 1.5 = 80
    expect(
      readiness(
        [
          { score: 90, scoredAt: now },
          { score: 60, scoredAt: now - 30 * DAY },
        ],
        now,
      ).value,
    ).toBe(80);
  });

  it('reads only the 5 most recent attempts', () => {
    const old = Array.from({ length: 10 }, (_, i) => ({ score: 0, scoredAt: now - (100 + i) * DAY }));
    const recent = Array.from({ length: 5 }, (_, i) => ({ score: 80, scoredAt: now - i * DAY }));
    expect(readiness([...old, ...recent], now)).toMatchObject({ value: 80, attempts: 5 });
  });

  it('lies between the lowest and highest recent score, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 100 }), age: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 12 }),
        (xs) => {
          const attempts = xs.map((x) => ({ score: x.score, scoredAt: now - x.age * DAY }));
          const r = readiness(attempts, now);
          const used = [...attempts].sort((a, b) => b.scoredAt - a.scoredAt || a.score - b.score).slice(0, 5);
          expect(r.value).toBeGreaterThanOrEqual(Math.min(...used.map((a) => a.score)) - 0.05);
          expect(r.value).toBeLessThanOrEqual(Math.max(...used.map((a) => a.score)) + 0.05);
          expect(readiness([...attempts].reverse(), now).value).toBe(r.value);
        },
      ),
    );
  });

  it('says ready at the threshold, not practised without attempts', () => {
    expect(readinessStatus({ value: 70, attempts: 1, lastScoredAt: now }, 70)).toBe('ready');
    expect(readinessStatus({ value: 69.9, attempts: 1, lastScoredAt: now }, 70)).toBe('not_ready');
    expect(readinessStatus({ value: null, attempts: 0, lastScoredAt: null }, 70)).toBe('not_practised');
  });

  it('scores an attempt as the mean skill score out of 5', () => {
    expect(attemptScore([{ score: 4 }, { score: 3 }])).toBe(70);
    expect(attemptScore([{ score: 5 }])).toBe(100);
  });
});
