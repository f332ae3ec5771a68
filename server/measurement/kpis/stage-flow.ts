// Time in stage and stage conversion, from the stays (stage_stays: one row per visit of a deal to a
// stage, its birth in its first stage included, written with every stage change). As of T a stay is
// known when entered by T, and was left by then when left_at <= T. The stays drive the joins (CROSS
// JOIN fixes that order on SQLite; PostgreSQL plans it freely), each read from its covering index.
import { sql } from 'kysely';
import { KNOWN_ENTRY, NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

const DAY_MS = 86_400_000;

const oneStage = (s: FactScope, column: string) => (s.stageId === null ? sql`` : sql`and ${sql.ref(column)} = ${s.stageId}`);

/** Known by the instant: everything for now, else what happened at or before it. */
const knownBy = (s: FactScope, column: string) => (s.asOf === null ? sql`` : sql`and ${sql.ref(column)} <= ${s.asOf}`);

/** Completed stays in open stages that ended in the period: v = milliseconds in the stage. */
function stays(s: FactScope, q: FactSql): Facts {
  return {
    needs: ['da'],
    select: sql`select ss.id as record_id, ss.deal_id, ss.stage_id as grp, da.owner_id as own, ${q.instantBucket('ss.left_at')} as b,
        ${NO_NUMBER} as num, ${NO_NUMBER} as den, ss.left_at - ss.entered_at as v, ss.left_at as at
      from stage_stays ss
      cross join da
      join stages st on st.id = ss.stage_id and st.kind = 'open'
      where ss.workspace_id = ${s.workspaceId} and ${q.inInstants('ss.left_at')} ${knownBy(s, 'ss.left_at')}
        and da.id = ss.deal_id and ${q.owner('da.owner_id')} ${oneStage(s, 'ss.stage_id')}
        and ${KNOWN_ENTRY(s, 'ss.entered_at')}`,
  };
}

/**
 * Deals reaching each open stage in the period: entering it while never having been further (a
 * new furthest stage). num = 1 when the deal went on to a further stage that is not a lost one,
 * known by the instant. Two windows over the stays of the deals that entered a stage in the period
 * (index stage_stays_ws_entered, then each deal's stays from stage_stays_deal), in time then id
 * order: the furthest position before the stay, and the furthest ever. (Probing each entry's earlier
 * and later stays instead gave the same figures 3× slower on 100k deals: docs/performance.md.)
 */
function entries(s: FactScope, q: FactSql): Facts {
  const reached = sql`max(case when st.kind <> 'lost' then st.position end)`;
  return {
    needs: ['da'],
    select: sql`select e.id as record_id, e.deal_id, e.stage_id as grp, da.owner_id as own, ${q.instantBucket('e.entered_at')} as b,
        case when e.furthest > e.position then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, e.entered_at as at
      from (
        select ss.id, ss.deal_id, ss.stage_id, ss.entered_at, st.position, st.kind,
          ${reached} over (partition by ss.deal_id order by ss.entered_at, ss.id rows between unbounded preceding and 1 preceding) as reached_before,
          ${reached} over (partition by ss.deal_id order by ss.entered_at, ss.id rows between unbounded preceding and unbounded following) as furthest
        from stage_stays ss
        join stages st on st.id = ss.stage_id
        where ss.deal_id in (
            select m.deal_id from stage_stays m
            where m.workspace_id = ${s.workspaceId} and ${q.inInstants('m.entered_at')} ${knownBy(s, 'm.entered_at')}
          ) ${knownBy(s, 'ss.entered_at')}
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
