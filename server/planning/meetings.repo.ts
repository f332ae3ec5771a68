// The meetings of a period with their plan, for the "this week" view and the coverage figures.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';

export function listMeetingsWithPlans(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, from: number, to: number, ownerId?: string) {
  let q = db
    .selectFrom('activities as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .leftJoin('deals as d', (j) => j.onRef('d.id', '=', 'a.deal_id').on('d.deleted_at', 'is', null))
    .leftJoin('call_plans as p', (j) => j.onRef('p.activity_id', '=', 'a.id').on('p.deleted_at', 'is', null))
    .select([
      'a.id as activity_id',
      'a.subject',
      'a.occurred_at',
      'a.owner_id',
      'u.name as owner_name',
      'd.id as deal_id',
      'd.name as deal_name',
      'p.id as plan_id',
      'p.status as plan_status',
      'p.meeting_type',
      'p.quality_score',
      'p.debriefed_at',
    ])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.type', '=', 'meeting')
    .where('a.deleted_at', 'is', null)
    .where('a.occurred_at', '>=', from)
    .where('a.occurred_at', '<', to)
    .where((eb) => ownerFilter(eb, 'a.owner_id', scope));
  if (ownerId) q = q.where('a.owner_id', '=', ownerId);
  return q.orderBy('a.occurred_at').orderBy('a.id').limit(500).execute();
}
