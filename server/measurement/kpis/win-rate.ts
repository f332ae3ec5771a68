// Win rate: won ÷ (won + lost) among deals closed in the period by close date; open deals excluded.
import { sql } from 'kysely';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

/** Deals closed (won or lost) with their close date in the period; `value` counts amounts, in the workspace currency. */
function closedDeals(value: boolean) {
  return (s: FactScope, q: FactSql): Facts => ({
    needs: ['da'],
    select: sql`select da.id as record_id, da.id as deal_id, cast(null as text) as grp, da.owner_id as own, ${q.dateBucket('da.close_date')} as b,
        case when da.status = 'won' then ${value ? sql`da.amount` : sql`1`} else 0 end as num,
        ${value ? sql`da.amount` : sql`1`} as den, ${NO_NUMBER} as v, da.closed_at as at
      from da
      where da.status in ('won', 'lost') and ${q.inDates('da.close_date')} and ${q.owner('da.owner_id')}
        ${value ? sql`and da.currency = ${s.currency}` : sql``}`,
  });
}

export const winRate: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'win_rate',
    name: 'Win rate',
    formula: 'won deals ÷ (won + lost deals), deals closed in the period by close date; open deals are left out',
    unit: 'ratio',
    basis: 'closed',
    measure: 'count',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Won deals',
    denominatorLabel: 'Closed deals (won + lost)',
    notes: ['No closed deal in the period: no data.', 'Owner, status and close date are taken as they were at the as-of instant.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'deal',
  facts: closedDeals(false),
};

export const winRateValue: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...winRate.meta,
    id: 'win_rate_value',
    name: 'Win rate (value)',
    formula: 'won amount ÷ closed amount (won + lost), deals closed in the period by close date',
    measure: 'value',
    numeratorLabel: 'Won amount',
    denominatorLabel: 'Closed amount (won + lost)',
    notes: [...winRate.meta.notes, 'Only deals in the workspace currency count (no exchange rates are kept).', 'Closed amount 0: no data.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'deal',
  facts: closedDeals(true),
};
