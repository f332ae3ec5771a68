// Pure: the last step from SQL sums to a figure. A ratio over nothing, a median of nothing or a
// mean of nothing is "no data" (null), never 0 or NaN; a sum over nothing is a true 0. The
// numerator is reported in the figure's unit (scaled), so value = numerator ÷ denominator holds.
import type { Aggregate, Figures } from './types.js';

export interface SumsLike {
  count: number;
  num: number;
  den: number;
  midSum: number;
  midCount: number;
  valueSum: number;
}

export const EMPTY_SUMS: SumsLike = { count: 0, num: 0, den: 0, midSum: 0, midCount: 0, valueSum: 0 };

export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export function finishFigures(aggregate: Aggregate, scale: number, s: SumsLike): Figures {
  switch (aggregate) {
    case 'ratio': {
      const r = ratio(s.num, s.den);
      return { value: r === null ? null : r * scale, numerator: s.num * scale, denominator: s.den, count: s.count };
    }
    case 'sum':
      return { value: s.num * scale, numerator: s.num * scale, denominator: null, count: s.count };
    case 'median':
    case 'p95': {
      const median = ratio(s.midSum, s.midCount);
      return { value: median === null ? null : median * scale, numerator: null, denominator: null, count: s.count };
    }
  }
}

/** The mean beside a median (sales cycle length shows both). */
export function meanOf(s: SumsLike, scale: number): number | null {
  const m = ratio(s.valueSum, s.count);
  return m === null ? null : m * scale;
}
