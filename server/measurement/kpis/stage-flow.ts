// Time in stage and stage conversion, from the stage history (every stage change is a `changes`
// row, including the deal's birth in its first stage, which has no stage move).
import { sql } from 'kysely';
import { NO_NUMBER } from './sql-blocks.js';
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
      join da on da.id = iv.deal_id
      join stages st on st.id = iv.stage_id and st.kind = 'open'
      where iv.left_at is not null and ${q.inInstants('iv.left_at')} and ${q.owner('da.owner_id')} ${oneStage(s, 'iv.stage_id')}`,
  };
}

/**
 * First entries into each open stage in the period; num = 1 when the deal later reached a further
 * stage of its pipeline (a later position that is not a lost stage), known by the instant.
 */
function entries(s: FactScope, q: FactSql): Facts {
  return {
    needs: ['da', 'iv'],
    select: sql`select e.seq as record_id, e.deal_id, e.stage_id as grp, da.owner_id as own, ${q.instantBucket('e.entered_at')} as b,
        case when e.later_max > e.position then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, e.entered_at as at
      from (
        select iv.seq, iv.deal_id, iv.stage_id, iv.entered_at, st.position, st.kind,
          row_number() over (partition by iv.deal_id, iv.stage_id order by iv.entered_at, iv.seq) as entry_no,
          max(case when st.kind <> 'lost' then st.position end)
            over (partition by iv.deal_id order by iv.entered_at, iv.seq rows between 1 following and unbounded following) as later_max
        from iv
        join stages st on st.id = iv.stage_id
      ) e
      join da on da.id = e.deal_id
      where e.entry_no = 1 and e.kind = 'open' and ${q.inInstants('e.entered_at')} and ${q.owner('da.owner_id')} ${oneStage(s, 'e.stage_id')}`,
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
    version: 1,
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
    formula: 'deals that went on to the next stage (or further) ÷ deals that entered the stage, cohort by first entry into the stage in the period',
    unit: 'ratio',
    basis: 'entered_stage',
    measure: 'count',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: 'stage',
    numeratorLabel: 'Went on to a later stage',
    denominatorLabel: 'Entered the stage',
    notes: [
      'A skipped stage counts as passed: a deal moved from Discovery straight to Proposal converted from Discovery.',
      'Winning converts from the last open stage; a lost stage never does.',
      'Recent cohorts are still maturing: deals that have not moved on yet count as not converted.',
      'The headline pools every open stage; pick a stage for its own rate.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'stage_entry',
  facts: entries,
};
