// Bookings (won amount), quota attainment and pipeline coverage: the quota-relative figures.
import { ratio } from './finish.js';
import { openPipeline } from './pipeline.js';
import type { CompositeKpi, SimpleKpi } from './types.js';
import { wonDeals } from './won-deals.js';

export const wonAmount: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'won_amount',
    name: 'Bookings (won amount)',
    formula: 'Σ amount of deals won with their close date in the period',
    unit: 'money',
    basis: 'closed',
    measure: 'value',
    version: 1,
    better: 'higher',
    cumulative: true,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Won deals',
    denominatorLabel: null,
    notes: ['Only deals in the workspace currency count.', 'An empty period is 0.'],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'deal',
  facts: (s, q) => wonDeals(s, q, 'amount'),
};

export const NO_QUOTA = 'No quota is set for this scope and period';

export const quotaAttainment: CompositeKpi = {
  kind: 'composite',
  meta: {
    id: 'quota_attainment',
    name: 'Quota attainment',
    formula: 'won amount in the period ÷ quota for the period',
    unit: 'ratio',
    basis: 'closed',
    measure: 'value',
    version: 1,
    better: 'higher',
    cumulative: true,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Won amount',
    denominatorLabel: 'Quota',
    notes: [
      'The quota of a rep is theirs; of a team, the team’s own quota or else the sum of its members’ quotas; of the workspace, its own or else the sum of all reps’ quotas.',
      'A quarter or year without its own quota adds up the quotas of its months (or quarters) when every one is set.',
      'No quota (or a quota of 0): no data.',
    ],
  },
  parts: { won: wonAmount },
  needsQuota: true,
  drill: { numerator: 'won', denominator: null },
  combine(parts, quota) {
    const won = parts.won?.numerator ?? 0;
    if (quota === null || quota <= 0) return { value: null, numerator: won, denominator: quota, count: parts.won?.count ?? 0, noData: NO_QUOTA };
    return { value: won / quota, numerator: won, denominator: quota, count: parts.won?.count ?? 0, noData: null };
  },
};

export const pipelineCoverage: CompositeKpi = {
  kind: 'composite',
  meta: {
    id: 'pipeline_coverage',
    name: 'Pipeline coverage',
    formula: 'open pipeline closing in the period ÷ (quota − won so far in the period)',
    unit: 'ratio',
    basis: 'open_closing',
    measure: 'value',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Open pipeline closing in the period',
    denominatorLabel: 'Quota still to win (quota − won)',
    notes: [
      'Shown as a multiple: 3.0 means three times the remaining quota is in the pipeline. Some tools print the inverse; Furrow does not.',
      'No quota: no data. Quota already reached (nothing left to cover): no data.',
      'Open and won are judged at the as-of instant.',
    ],
  },
  parts: { open: openPipeline, won: wonAmount },
  needsQuota: true,
  drill: { numerator: 'open', denominator: 'won' },
  combine(parts, quota) {
    const open = parts.open?.numerator ?? 0;
    const won = parts.won?.numerator ?? 0;
    const count = parts.open?.count ?? 0;
    if (quota === null || quota <= 0) return { value: null, numerator: open, denominator: null, count, noData: NO_QUOTA };
    const remaining = quota - won;
    if (remaining <= 0) return { value: null, numerator: open, denominator: remaining, count, noData: 'The quota is already reached: nothing left to cover' };
    return { value: ratio(open, remaining), numerator: open, denominator: remaining, count, noData: null };
  },
};
