// Pure: an expectation's status. Thresholds are tolerance bands around the target: at or better
// than the amber threshold is green, at or better than the red one is amber, worse is red. Sums
// that grow through the period (bookings, pipeline created, activities) are judged on pace: the
// value so far projected to the end of the period.
import { invalidField } from '../errors.js';

export type Better = 'higher' | 'lower';
export type Status = 'green' | 'amber' | 'red' | 'no_data';

export interface Thresholds {
  target: number;
  amberThreshold: number;
  redThreshold: number;
}

/** Share of the period below which a pace projection is noise (the first days of a quarter). */
export const MIN_ELAPSED_FOR_PACE = 0.02;

export function projectedValue(value: number | null, cumulative: boolean, elapsed: number): number | null {
  if (value === null) return null;
  if (!cumulative || elapsed >= 1) return value;
  if (elapsed < MIN_ELAPSED_FOR_PACE) return null;
  return value / elapsed;
}

export function statusOf(compared: number | null, better: Better, t: Thresholds): Status {
  if (compared === null || Number.isNaN(compared)) return 'no_data';
  const atLeast = (x: number, bound: number) => (better === 'higher' ? x >= bound : x <= bound);
  if (atLeast(compared, t.amberThreshold)) return 'green';
  if (atLeast(compared, t.redThreshold)) return 'amber';
  return 'red';
}

/** Thresholds must be ordered from the target towards worse; a 400 names the first field out of order. */
export function assertThresholds(better: Better, t: Thresholds): void {
  const worseOrEqual = (a: number, b: number) => (better === 'higher' ? a <= b : a >= b);
  const dir = better === 'higher' ? 'above' : 'below';
  if (!worseOrEqual(t.amberThreshold, t.target)) throw invalidField('amberThreshold', `must not be ${dir} the target (${better} is better for this KPI)`);
  if (!worseOrEqual(t.redThreshold, t.amberThreshold))
    throw invalidField('redThreshold', `must not be ${dir} the amber threshold (${better} is better for this KPI)`);
}
