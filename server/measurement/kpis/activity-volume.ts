// Activity volume: activities logged that happened in the period, by type.
import { sql } from 'kysely';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

/**
 * Activities that had happened by the instant (scheduled ones have not), were known by then and
 * not deleted then. Activity owner and type are current: activities keep no field history.
 */
function activities(s: FactScope, q: FactSql): Facts {
  return {
    needs: [],
    select: sql`select a.id as record_id, a.deal_id, a.type as grp, a.owner_id as own, ${q.instantBucket('a.occurred_at')} as b,
        1 as num, ${NO_NUMBER} as den, ${NO_NUMBER} as v, a.occurred_at as at
      from activities a
      where a.workspace_id = ${s.workspaceId} and ${q.inInstants('a.occurred_at')} and a.occurred_at <= ${s.at}
        and a.created_at <= ${s.at} and (a.deleted_at is null or a.deleted_at > ${s.at}) and ${q.owner('a.owner_id')}`,
  };
}

export const activityVolume: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'activity_volume',
    name: 'Activity volume',
    formula: 'number of activities (calls, meetings, emails, tasks, notes) that took place in the period, by type',
    unit: 'count',
    basis: 'activity',
    measure: 'count',
    version: 1,
    better: 'higher',
    cumulative: true,
    audience: 'sales',
    breakdown: 'activity_type',
    numeratorLabel: 'Activities',
    denominatorLabel: null,
    notes: [
      'Scheduled activities count once their time has come; deleted ones never.',
      'Counted for the activity’s owner; the pipeline filter does not apply (many activities have no deal).',
    ],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'activity',
  facts: activities,
};
