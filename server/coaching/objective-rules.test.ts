import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineWindow, meets, verifiedEffect } from './objective-rules.js';

describe('objective rules', () => {
  it('takes the baseline over an equally long window just before the start', () => {
    expect(baselineWindow('2026-10-01', '2026-10-31')).toEqual({ from: '2026-08-31', to: '2026-09-30' });
  });

  it('meets a target by the KPI’s better direction', () => {
    expect(meets(0.35, 0.35, 'higher')).toBe(true);
    expect(meets(40, 30, 'lower')).toBe(false);
  });

  it('is the coachee’s change minus the benchmark’s, and zero when both moved alike (property)', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, n, (before, delta, shift) => {
        const same = verifiedEffect({ before, after: before + delta }, { before: before + shift, after: before + shift + delta });
        expect(same.effect).toBeCloseTo(0, 3);
      }),
    );
    expect(verifiedEffect({ before: 0.2, after: 0.6 }, { before: 0.4, after: null }).effect).toBeNull();
  });
});
