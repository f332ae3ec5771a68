import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../lib/periods.js';
import { quotaKeysFor, resolveQuota } from './quota-rules.js';

const p = (key: string, start = 1) => parsePeriodKey(key, start) as NonNullable<ReturnType<typeof parsePeriodKey>>;

describe('quota of a period', () => {
  it('takes the period’s own quota first', () => {
    const q = { 'FY2026-Q1': 900, '2026-01': 100, '2026-02': 100, '2026-03': 100 } as Record<string, number>;
    expect(resolveQuota(p('FY2026-Q1'), 1, (k) => q[k])).toBe(900);
  });

  it('adds up months into a quarter and quarters into a year only when every part is set', () => {
    const q = { '2026-01': 100, '2026-02': 150, '2026-03': 250, 'FY2026-Q2': 600, 'FY2026-Q3': 700, 'FY2026-Q4': 800 } as Record<string, number>;
    expect(resolveQuota(p('FY2026-Q1'), 1, (k) => q[k])).toBe(500);
    expect(resolveQuota(p('FY2026'), 1, (k) => q[k])).toBe(500 + 600 + 700 + 800);
    const missing = { ...q, '2026-02': undefined } as Record<string, number | undefined>;
    expect(resolveQuota(p('FY2026-Q1'), 1, (k) => missing[k])).toBeNull();
    expect(resolveQuota(p('FY2026'), 1, (k) => missing[k])).toBeNull();
  });

  it('has no quota for weeks and custom ranges', () => {
    expect(quotaKeysFor(p('2026-W10'), 1)).toEqual([]);
    expect(resolveQuota(p('2026-W10'), 1, () => 5)).toBeNull();
  });

  it('follows the fiscal year start', () => {
    expect(quotaKeysFor(p('FY2027-Q1', 2), 2)).toEqual(['FY2027-Q1', '2026-02', '2026-03', '2026-04']);
    expect(quotaKeysFor(p('FY2027', 2), 2)).toHaveLength(1 + 4 + 12);
  });
});
