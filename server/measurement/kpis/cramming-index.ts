// Cramming index: the share of won value that closed in the last 14 days of its fiscal quarter.
import { sql } from 'kysely';
import { quarterTails } from '../../../lib/periods.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

export const CRAM_DAYS = 14;

function wonByTail(s: FactScope, q: FactSql): Facts {
  const first = s.buckets[0];
  const last = s.buckets[s.buckets.length - 1];
  const tails = first && last ? quarterTails({ from: first.from, to: last.to }, s.fiscalYearStartMonth, CRAM_DAYS) : [];
  // Calendar dates compare as text, so "in a quarter's last 14 days" needs no date functions.
  const inTail =
    tails.length === 0
      ? sql`1 = 0`
      : sql.join(
          tails.map((t) => sql`(da.close_date >= ${t.from} and da.close_date <= ${t.to})`),
          sql` or `,
        );
  return {
    needs: ['da'],
    select: sql`select da.id as record_id, da.id as deal_id, cast(null as text) as grp, da.owner_id as own, ${q.dateBucket('da.close_date')} as b,
        case when ${inTail} then da.amount else 0 end as num, da.amount as den, ${NO_NUMBER} as v, da.closed_at as at
      from da
      where da.status = 'won' and ${q.inDates('da.close_date')} and ${q.owner('da.owner_id')} and da.currency = ${s.currency}`,
  };
}

export const crammingIndex: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'cramming_index',
    name: 'Cramming index',
    formula: `won amount with a close date in the last ${CRAM_DAYS} days of its fiscal quarter ÷ won amount, deals closed in the period`,
    unit: 'ratio',
    basis: 'closed',
    measure: 'value',
    version: 1,
    better: 'lower',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: `Won in the last ${CRAM_DAYS} days of a quarter`,
    denominatorLabel: 'Won amount',
    notes: [
      'Asked for a quarter it is exactly the canonical definition; for a year it pools the year’s four quarter ends; for a month it is the share of the month’s won value in a quarter end.',
      `An even spread over a 13-week quarter gives about ${Math.round((CRAM_DAYS / 91) * 100)} %.`,
      'No won amount: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'deal',
  facts: wonByTail,
};
