// Sales velocity: how much won value the pipeline produces per day.
import { sql } from 'kysely';
import { averageDealSize, salesCycleLengthMean } from './deal-size-cycle.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { CompositeKpi, FactScope, FactSql, Facts, SimpleKpi } from './types.js';
import { winRate } from './win-rate.js';

/** Deals open at the instant that have passed the first open stage of their pipeline. */
function qualified(s: FactScope, q: FactSql): Facts {
  return {
    needs: ['da'],
    select: sql`select da.id as record_id, da.id as deal_id, cast(null as text) as grp, da.owner_id as own, 0 as b,
        1 as num, 1 as den, ${NO_NUMBER} as v, cast(null as bigint) as at
      from da
      join stages st on st.id = da.stage_id
      where da.status = 'open' and ${q.owner('da.owner_id')}
        and st.position > (
          select min(s2.position) from stages s2
          where s2.workspace_id = ${s.workspaceId} and s2.pipeline_id = st.pipeline_id and s2.kind = 'open'
        )`,
  };
}

export const openQualifiedDeals: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'open_qualified_deals',
    name: 'Open qualified deals',
    formula: 'number of deals open at the as-of instant that have left the first stage of their pipeline',
    unit: 'count',
    basis: 'open_closing',
    measure: 'count',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Open qualified deals',
    denominatorLabel: null,
    notes: ['A snapshot: the period does not narrow it.'],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'deal',
  snapshot: true,
  facts: qualified,
};

export const salesVelocity: CompositeKpi = {
  kind: 'composite',
  meta: {
    id: 'sales_velocity',
    name: 'Sales velocity',
    formula: 'open qualified deals × average deal size × win rate ÷ mean sales cycle length (days), per day',
    unit: 'money_per_day',
    basis: 'closed',
    measure: 'value',
    version: 2,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Open qualified deals × average deal size × win rate',
    denominatorLabel: 'Mean sales cycle length (days)',
    notes: [
      'Open qualified deals are counted at the as-of instant; deal size, win rate and cycle length come from deals closed in the period.',
      'Any part without data (no closed or no won deal): no data.',
    ],
  },
  parts: { qualified: openQualifiedDeals, size: averageDealSize, winRate, cycle: salesCycleLengthMean },
  needsQuota: false,
  drill: { numerator: 'qualified', denominator: 'cycle' },
  combine(parts) {
    const n = parts.qualified?.value ?? null;
    const size = parts.size?.value ?? null;
    const rate = parts.winRate?.value ?? null;
    const cycle = parts.cycle?.value ?? null;
    const count = parts.qualified?.count ?? 0;
    if (n === null || size === null || rate === null || cycle === null || cycle <= 0) {
      return { value: null, numerator: null, denominator: cycle, count, noData: 'Needs won and lost deals closed in the period' };
    }
    const numerator = n * size * rate;
    return { value: numerator / cycle, numerator, denominator: cycle, count, noData: null };
  },
};
