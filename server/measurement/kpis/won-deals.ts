// Won deals closed in the period: the facts behind average deal size, sales cycle length, quota
// attainment and the "won so far" of pipeline coverage, defined once.
import { sql } from 'kysely';
import { KNOWN_START } from './sql-blocks.js';
import type { FactScope, FactSql, Facts } from './types.js';

/**
 * One row per won deal with its close date in the period; den = 1.
 * amount: num = amount, only deals in the workspace currency (amounts must add up).
 * duration: num = v = milliseconds from created to closed, every won deal whose start is known.
 */
export function wonDeals(s: FactScope, q: FactSql, measure: 'amount' | 'duration'): Facts {
  const duration = sql`(da.closed_at - da.created_at)`;
  return {
    needs: ['da'],
    select: sql`select da.id as record_id, da.id as deal_id, cast(null as text) as grp, da.owner_id as own, ${q.dateBucket('da.close_date')} as b,
        ${measure === 'amount' ? sql`da.amount` : duration} as num, 1 as den, ${duration} as v, da.closed_at as at
      from da
      where da.status = 'won' and ${q.inDates('da.close_date')} and ${q.owner('da.owner_id')}
        ${measure === 'amount' ? sql`and da.currency = ${s.currency}` : sql`and ${KNOWN_START(s)}`}`,
  };
}
