// What the stage gate asks planning: the deal's next meeting and the state of its plan. Unscoped
// by owner on purpose: the gate judges the deal, whoever moves it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export function nextMeetingWithPlan(db: Kysely<DB>, workspaceId: string, dealId: string, now: number) {
  return db
    .selectFrom('activities as a')
    .leftJoin('call_plans as p', (j) => j.onRef('p.activity_id', '=', 'a.id').on('p.deleted_at', 'is', null))
    .select(['a.id', 'a.subject', 'a.occurred_at', 'p.status'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.deal_id', '=', dealId)
    .where('a.type', '=', 'meeting')
    .where('a.deleted_at', 'is', null)
    .where('a.occurred_at', '>=', now)
    .orderBy('a.occurred_at')
    .orderBy('a.id')
    .limit(1)
    .executeTakeFirst();
}
