import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SUMS, finishFigures, meanOf, ratio } from './finish.js';

/** What SQL sums for a list of records, computed here from the records themselves. */
function sumsOf(records: { num: number; den: number }[], values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = sorted.filter((_, i) => [n, n + 1, n + 2].includes((i + 1) * 2));
  return {
    count: Math.max(records.length, n),
    num: records.reduce((s, r) => s + r.num, 0),
    den: records.reduce((s, r) => s + r.den, 0),
    midSum: middle.reduce((s, v) => s + v, 0),
    midCount: middle.length,
    valueSum: sorted.reduce((s, v) => s + v, 0),
  };
}

const arbCountRecords = fc.array(fc.record({ won: fc.boolean() }), { maxLength: 60 }).map((rs) => rs.map((r) => ({ num: r.won ? 1 : 0, den: 1 })));
const arbValueRecords = fc
  .array(fc.record({ won: fc.boolean(), amount: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 60 })
  .map((rs) => rs.map((r) => ({ num: r.won ? r.amount : 0, den: r.amount })));

describe('finishing a figure', () => {
  it('keeps rates within 0..1 and gives no data, never 0 or NaN, over nothing', () => {
    fc.assert(
      fc.property(fc.oneof(arbCountRecords, arbValueRecords), (records) => {
        const f = finishFigures('ratio', 1, sumsOf(records, []));
        if (records.reduce((s, r) => s + r.den, 0) === 0) expect(f.value).toBeNull();
        else {
          expect(f.value).not.toBeNaN();
          expect(f.value as number).toBeGreaterThanOrEqual(0);
          expect(f.value as number).toBeLessThanOrEqual(1);
          expect(f.value).toBeCloseTo((f.numerator as number) / (f.denominator as number), 12);
        }
      }),
    );
    expect(finishFigures('ratio', 1, EMPTY_SUMS)).toEqual({ value: null, numerator: 0, denominator: 0, count: 0 });
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 5)).toBe(0);
  });

  it('makes an empty sum a true zero', () => {
    expect(finishFigures('sum', 1, EMPTY_SUMS).value).toBe(0);
    expect(finishFigures('sum', 0.01, { ...EMPTY_SUMS, num: 12_345, count: 2 })).toMatchObject({ value: 123.45, numerator: 123.45 });
  });

  it('takes the median from the middle value(s) SQL picks by rank, and the mean beside it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 80 }), (values) => {
        const s = sumsOf([], values);
        const f = finishFigures('median', 1, s);
        if (values.length === 0) {
          expect(f.value).toBeNull();
          expect(meanOf(s, 1)).toBeNull();
          return;
        }
        const sorted = [...values].sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        const expected = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
        expect(f.value).toBe(expected);
        expect(f.value as number).toBeGreaterThanOrEqual(sorted[0] as number);
        expect(f.value as number).toBeLessThanOrEqual(sorted[sorted.length - 1] as number);
        expect(meanOf(s, 1)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      }),
    );
  });

  it('scales milliseconds to days', () => {
    expect(finishFigures('median', 1 / 86_400_000, { ...EMPTY_SUMS, count: 1, midSum: 3 * 86_400_000, midCount: 1 }).value).toBe(3);
  });
});
