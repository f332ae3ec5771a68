import { expect, it } from 'vitest';
import type { KpiBreakdownItem, KpiResult } from '../../api/measurement';
import { groupRows } from './lead-funnel-rows';

const item = (key: string, value: number | null, count: number): KpiBreakdownItem => ({
  key,
  label: key.toUpperCase(),
  value,
  numerator: null,
  denominator: null,
  count,
});
const figure = (breakdown: KpiBreakdownItem[]) => ({ breakdown }) as unknown as KpiResult;

it('lists a group with conversions but no MQLs in the period, after the groups with MQLs', () => {
  const figures = new Map([
    ['lead_mqls', figure([item('web', 5, 5), item('fair', 2, 2), item('empty', 0, 0)])],
    ['mql_to_sal', figure([item('web', 0.6, 5), item('webinar', 1, 3), item('empty', null, 0)])],
  ]);
  expect(groupRows(figures, ['lead_mqls', 'mql_to_sal', 'lead_revenue']).map((r) => [r.key, r.label])).toEqual([
    ['web', 'WEB'],
    ['fair', 'FAIR'],
    ['webinar', 'WEBINAR'],
  ]);
});

it('has no rows when nothing moved', () => {
  expect(groupRows(new Map([['lead_mqls', figure([item('web', 0, 0)])]]), ['lead_mqls'])).toEqual([]);
});
