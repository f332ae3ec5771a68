// Ritual adherence: of the ritual occurrences scheduled in the period (and due by the instant asked
// about), the share held on time — no later than a day after the scheduled start. Read from the
// materialised occurrences and the completion history, so "as of" replays what had been recorded
// by then (the latest completion recorded by the instant decides). Counted for the ritual's owner.
// Deleting a ritual ends its series but not its record: the occurrences due before the deletion keep
// counting (version 2; version 1 dropped them all, so deleting a neglected ritual erased its misses).
import { sql } from 'kysely';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

/** A day, in ms: held no later than this after the scheduled start is on time. */
export const RITUAL_ON_TIME_MS = 86_400_000;

function facts(s: FactScope, q: FactSql): Facts {
  // The completion in force at the instant: the latest recorded by then (ties broken by id).
  const heldOnTime = sql`exists (select 1 from ritual_completions c where c.occurrence_id = o.id and c.recorded_at <= ${s.at}
      and c.status = 'held' and c.held_at is not null and c.held_at <= o.scheduled_at + ${RITUAL_ON_TIME_MS}
      and not exists (select 1 from ritual_completions c2 where c2.occurrence_id = o.id and c2.recorded_at <= ${s.at}
        and (c2.recorded_at > c.recorded_at or (c2.recorded_at = c.recorded_at and c2.id > c.id))))`;
  return {
    needs: [],
    select: sql`select o.id as record_id, cast(null as text) as deal_id, cast(null as text) as grp, r.owner_id as own,
        ${q.instantBucket('o.scheduled_at')} as b, case when ${heldOnTime} then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, o.scheduled_at as at
      from ritual_occurrences o inner join rituals r on r.id = o.ritual_id
      where o.workspace_id = ${s.workspaceId} and ${q.inInstants('o.scheduled_at')} and o.scheduled_at <= ${s.at}
        and o.cancelled_at is null and r.created_at <= ${s.at} and (r.deleted_at is null or o.scheduled_at < r.deleted_at)
        and ${q.owner('r.owner_id')}`,
  };
}

export const ritualAdherence: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'ritual_adherence',
    name: 'Ritual adherence',
    formula: 'ritual occurrences held on time (no later than a day after the scheduled start) ÷ ritual occurrences scheduled in the period and due by now',
    unit: 'ratio',
    basis: 'scheduled',
    measure: 'count',
    version: 2,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Held on time',
    denominatorLabel: 'Scheduled occurrences',
    notes: [
      'An occurrence counts once its scheduled start has come; a skipped or unrecorded one counts against, as does one held more than a day late.',
      'As of a past instant, the completion recorded by then decides (a later correction does not change the past figure).',
      'Counted for the ritual’s owner. Deleting a ritual ends its series: the occurrences due before the deletion keep counting, later ones never do. No occurrence due: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'ritual_occurrence',
  facts,
};
