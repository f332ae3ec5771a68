// Time in stage and stage conversion, from the stage history (every stage change is a `changes`
// row, including the deal's birth in its first stage, which has no stage move). The stays drive
// the joins (CROSS JOIN fixes that order on SQLite; PostgreSQL plans it freely).
import { sql } from 'kysely';
import { KNOWN_ENTRY, NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

const DAY_MS = 86_400_000;

const oneStage = (s: FactScope, column: string) => (s.stageId === null ? sql`` : sql`and ${sql.ref(column)} = ${s.stageId}`);

/** Completed stays in open stages that ended in the period: v = milliseconds in the stage. */
function stays(s: FactScope, q: FactSql): Facts {
  return {
    needs: ['da', 'iv'],
    select: sql`select iv.seq as record_id, iv.deal_id, iv.stage_id as grp, da.owner_id as own, ${q.instantBucket('iv.left_at')} as b,
        ${NO_NUMBER} as num, ${NO_NUMBER} as den, iv.left_at - iv.entered_at as v, iv.left_at as at
      from iv
      cross join da
      join stages st on st.id = iv.stage_id and st.kind = 'open'
      where da.id = iv.deal_id and iv.left_at is not null and ${q.inInstants('iv.left_at')} and ${q.owner('da.owner_id')} ${oneStage(s, 'iv.stage_id')}
        and ${KNOWN_ENTRY(s, 'iv.entered_at')}`,
  };
}

/**
 * Deals reaching each open stage in the period: entering it while never having been further (a
 * new furthest stage). num = 1 when the deal went on to a further stage that is not a lost one,
 * known by the instant. Two windows over each deal's stays: the furthest position before the stay,
 * and the furthest ever.
 */
function entries(s: FactScope, q: FactSql): Facts {
  const reached = sql`max(case when st.kind <> 'lost' then st.position end)`;
  return {
    needs: ['da', 'iv'],
    select: sql`select e.seq as record_id, e.deal_id, e.stage_id as grp, da.owner_id as own, ${q.instantBucket('e.entered_at')} as b,
        case when e.furthest > e.position then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, e.entered_at as at
      from (
        select iv.seq, iv.deal_id, iv.stage_id, iv.entered_at, st.position, st.kind,
          ${reached} over (partition by iv.deal_id order by iv.entered_at, iv.seq rows between unbounded preceding and 1 preceding) as reached_before,
          ${reached} over (partition by iv.deal_id order by iv.entered_at, iv.seq rows between unbounded preceding and unbounded following) as furthest
        from iv
        join stages st on st.id = iv.stage_id
      ) e
      cross join da
      where da.id = e.deal_id and e.kind = 'open' and (e.reached_before is null or e.reached_before < e.position)
        and ${q.inInstants('e.entered_at')} and ${q.owner('da.owner_id')} ${oneStage(s, 'e.stage_id')} and ${KNOWN_ENTRY(s, 'e.entered_at')}`,
  };
}

export const timeInStage: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'time_in_stage',
    name: 'Time in stage',
    formula: 'median days between entering and leaving a stage, per stage, stays that ended in the period',
    unit: 'days',
    basis: 'left_stage',
    measure: 'count',
    version: 2,
    better: 'lower',
    cumulative: false,
    audience: 'sales',
    breakdown: 'stage',
    numeratorLabel: 'Stays in the stage',
    denominatorLabel: null,
    notes: [
      'Only finished stays count: a deal still in the stage at the as-of instant is not in the median yet.',
      'A deal that comes back to a stage has one stay per visit.',
      'The headline is the median over the stays in every open stage; pick a stage for one.',
      'A deal imported without a start date ("created: unknown") has no known first stay: it does not count.',
    ],
  },
  aggregate: 'median',
  scale: 1 / DAY_MS,
  records: 'stage_interval',
  facts: stays,
};

export const stageConversion: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'stage_conversion',
    name: 'Stage conversion',
    formula: 'deals that went on to the next stage (or further) ÷ deals that reached the stage, cohort by reaching the stage in the period',
    unit: 'ratio',
    basis: 'entered_stage',
    measure: 'count',
    version: 2,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: 'stage',
    numeratorLabel: 'Went on to a later stage',
    denominatorLabel: 'Entered the stage',
    notes: [
      'A deal reaches a stage when it enters it having never been further; coming back to a stage after a backward move does not enter its cohort again.',
      'A skipped stage counts as passed: a deal moved from Discovery straight to Proposal converted from Discovery (and never reached Solution).',
      'Winning converts from the last open stage; a lost stage never does.',
      'Recent cohorts are still maturing: deals that have not moved on yet count as not converted.',
      'The headline pools every open stage; pick a stage for its own rate.',
      'A deal imported without a start date ("created: unknown") did not reach its first stage at a known time: that entry does not count.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'stage_entry',
  facts: entries,
};
