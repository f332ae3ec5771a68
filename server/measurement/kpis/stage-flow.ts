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
 * Deals reaching each open stage in the period: entering it while never having been further (no
 * earlier stay, in time then id order, in a stage that is not lost and at least as far). num = 1
 * when the deal went on to a further stage that is not a lost one, known by the instant. Both are
 * probes of the deal's few stays (index stage_stays_deal), not windows over its whole history.
 */
function entries(s: FactScope, q: FactSql): Facts {
  return {
    needs: ['da'],
    select: sql`select e.id as record_id, e.deal_id, e.stage_id as grp, da.owner_id as own, ${q.instantBucket('e.entered_at')} as b,
        case when exists (
          select 1 from stage_stays n join stages ns on ns.id = n.stage_id
          where n.deal_id = e.deal_id ${knownBy(s, 'n.entered_at')} and ns.kind <> 'lost' and ns.position > st.position
        ) then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, e.entered_at as at
      from stage_stays e
      cross join da
      join stages st on st.id = e.stage_id and st.kind = 'open'
      where e.workspace_id = ${s.workspaceId} and ${q.inInstants('e.entered_at')} ${knownBy(s, 'e.entered_at')}
        and da.id = e.deal_id and ${q.owner('da.owner_id')} ${oneStage(s, 'e.stage_id')} and ${KNOWN_ENTRY(s, 'e.entered_at')}
        and not exists (
          select 1 from stage_stays p join stages ps on ps.id = p.stage_id
          where p.deal_id = e.deal_id and (p.entered_at < e.entered_at or (p.entered_at = e.entered_at and p.id < e.id))
            and ps.kind <> 'lost' and ps.position >= st.position
        )`,
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
