// Average deal size and sales cycle length (median and mean), all over the won deals of the period.

import type { SimpleKpi } from './types.js';
import { wonDeals } from './won-deals.js';

const DAY_MS = 86_400_000;

export const averageDealSize: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'average_deal_size',
    name: 'Average deal size',
    formula: 'won amount ÷ number of won deals, deals closed in the period by close date',
    unit: 'money',
    basis: 'closed',
    measure: 'value',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Won amount',
    denominatorLabel: 'Won deals',
    notes: ['No won deal in the period: no data.', 'Only deals in the workspace currency count.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'deal',
  facts: (s, q) => wonDeals(s, q, 'amount'),
};

const cycleMeta = {
  unit: 'days',
  basis: 'closed',
  measure: 'count',
  version: 2,
  better: 'lower',
  cumulative: false,
  audience: 'sales',
  breakdown: null,
  numeratorLabel: 'Won deals',
  denominatorLabel: null,
  notes: [
    'Days are elapsed time from the moment the deal was created to the moment it was won (24-hour days, fractional).',
    'No won deal in the period: no data.',
    'A deal reopened and won again counts from creation to the last win.',
    'A deal imported without a start date ("created: unknown") has no cycle and does not count.',
  ],
} as const;

export const salesCycleLength: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...cycleMeta,
    notes: [...cycleMeta.notes],
    id: 'sales_cycle_length',
    name: 'Sales cycle length (median)',
    formula: 'median days from created to won, won deals closed in the period by close date',
  },
  aggregate: 'median',
  scale: 1 / DAY_MS,
  records: 'deal',
  facts: (s, q) => wonDeals(s, q, 'duration'),
};

export const salesCycleLengthMean: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...cycleMeta,
    notes: [...cycleMeta.notes],
    id: 'sales_cycle_length_mean',
    name: 'Sales cycle length (mean)',
    formula: 'mean days from created to won, won deals closed in the period by close date',
    denominatorLabel: 'Won deals',
  },
  // The mean is the summed durations (num) over the count (den).
  aggregate: 'ratio',
  scale: 1 / DAY_MS,
  records: 'deal',
  facts: (s, q) => wonDeals(s, q, 'duration'),
};
