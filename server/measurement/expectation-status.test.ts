import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertThresholds, projectedValue, statusOf } from './expectation-status.js';

const fieldOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return ((e as AppError).details as { fields: { field: string }[] }).fields[0]?.field;
  }
  return null;
};

describe('expectation status', () => {
  it('is green at or better than the amber threshold, amber down to the red one, red below', () => {
    const t = { target: 0.3, amberThreshold: 0.27, redThreshold: 0.22 };
    expect(statusOf(0.31, 'higher', t)).toBe('green');
    expect(statusOf(0.27, 'higher', t)).toBe('green');
    expect(statusOf(0.25, 'higher', t)).toBe('amber');
    expect(statusOf(0.22, 'higher', t)).toBe('amber');
    expect(statusOf(0.2, 'higher', t)).toBe('red');
    expect(statusOf(null, 'higher', t)).toBe('no_data');
    const cycle = { target: 60, amberThreshold: 70, redThreshold: 90 };
    expect(statusOf(65, 'lower', cycle)).toBe('green');
    expect(statusOf(80, 'lower', cycle)).toBe('amber');
    expect(statusOf(95, 'lower', cycle)).toBe('red');
  });

  it('gets no better as the value gets worse', () => {
    const rank = { green: 0, amber: 1, red: 2, no_data: 3 };
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom('higher', 'lower'),
        (v, d, better) => {
          const t = better === 'higher' ? { target: 100, amberThreshold: 90, redThreshold: 50 } : { target: 100, amberThreshold: 110, redThreshold: 150 };
          const worse = better === 'higher' ? v - d : v + d;
          expect(rank[statusOf(worse, better as 'higher', t)]).toBeGreaterThanOrEqual(rank[statusOf(v, better as 'higher', t)]);
        },
      ),
    );
  });

  it('judges sums on pace: half the target at half time is on track', () => {
    expect(projectedValue(50, true, 0.5)).toBe(100);
    expect(projectedValue(50, false, 0.5)).toBe(50);
    expect(projectedValue(50, true, 1)).toBe(50);
    expect(projectedValue(50, true, 0.001)).toBeNull();
    expect(projectedValue(null, true, 0.5)).toBeNull();
  });

  it('refuses thresholds out of order, naming the field', () => {
    expect(fieldOf(() => assertThresholds('higher', { target: 10, amberThreshold: 11, redThreshold: 5 }))).toBe('amberThreshold');
    expect(fieldOf(() => assertThresholds('higher', { target: 10, amberThreshold: 9, redThreshold: 9.5 }))).toBe('redThreshold');
    expect(fieldOf(() => assertThresholds('lower', { target: 10, amberThreshold: 9, redThreshold: 20 }))).toBe('amberThreshold');
    expect(fieldOf(() => assertThresholds('lower', { target: 10, amberThreshold: 12, redThreshold: 15 }))).toBeNull();
    expect(() => assertThresholds('higher', { target: 10, amberThreshold: 10, redThreshold: 10 })).not.toThrow(AppError);
  });
});
