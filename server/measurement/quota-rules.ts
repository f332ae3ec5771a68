// Pure: which quota applies to a period. A period's own quota wins; a quarter without one adds up
// its three months, a year its four quarters, but only when every part is set (a partial sum
// would understate the quota and flatter attainment). Weeks and custom ranges have no quota.
import { type Period, periodsWithin } from '../../lib/periods.js';

/** Every period key whose quota could make up this period's. */
export function quotaKeysFor(period: Period, fiscalYearStartMonth: number): string[] {
  if (period.kind === 'month') return [period.key];
  if (period.kind === 'quarter') return [period.key, ...periodsWithin(period, 'month', fiscalYearStartMonth).map((p) => p.key)];
  if (period.kind === 'year') {
    const quarters = periodsWithin(period, 'quarter', fiscalYearStartMonth);
    return [period.key, ...quarters.flatMap((q) => quotaKeysFor(q, fiscalYearStartMonth).slice())];
  }
  return [];
}

export function resolveQuota(period: Period, fiscalYearStartMonth: number, direct: (key: string) => number | undefined): number | null {
  if (period.kind === 'week' || period.kind === 'custom') return null;
  const own = direct(period.key);
  if (own !== undefined) return own;
  const parts =
    period.kind === 'quarter'
      ? periodsWithin(period, 'month', fiscalYearStartMonth)
      : period.kind === 'year'
        ? periodsWithin(period, 'quarter', fiscalYearStartMonth)
        : [];
  if (parts.length === 0) return null;
  let total = 0;
  for (const p of parts) {
    const v = resolveQuota(p, fiscalYearStartMonth, direct);
    if (v === null) return null;
    total += v;
  }
  return total;
}
