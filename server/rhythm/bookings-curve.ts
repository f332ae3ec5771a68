// Pure: the bookings curve inside a fiscal quarter — the won amount week by week from the quarter's
// first day and its running share of the quarter's total. An even spread is a straight line to
// 100 %; a crammed quarter stays low and jumps in its last weeks, which the cramming index sums up
// in one number and this curve shows.
import { addDays } from '../../lib/calendar.js';
import { customPeriod, type Period } from '../../lib/periods.js';

/** Seven-day steps from the quarter's first day; the last one ends on its last day (it may be shorter). */
export function quarterWeeks(quarter: Pick<Period, 'from' | 'to'>): Period[] {
  const weeks: Period[] = [];
  for (let from = quarter.from; from <= quarter.to; from = addDays(from, 7)) {
    const end = addDays(from, 6);
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.min would make NaN of them
    weeks.push(customPeriod(from, end < quarter.to ? end : quarter.to));
  }
  return weeks;
}

/**
 * The running share of the total after each step; all null when nothing was won (no curve to draw).
 * `started` steps (a quarter in progress: the weeks begun by today) are drawn, the rest are null, so
 * the curve of a running quarter stops today instead of running flat at 100 % to its end.
 */
export function cumulativeShares(amounts: readonly number[], started = amounts.length): (number | null)[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total <= 0) return amounts.map(() => null);
  let sum = 0;
  return amounts.map((a, i) => {
    sum += a;
    if (i >= started) return null;
    // The last step is the whole quarter: exactly 1, whatever the floating-point sum says.
    return i === amounts.length - 1 ? 1 : sum / total;
  });
}
