// SQL of coaching objectives.
import type { Kysely, Selectable, Updateable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { CoachingObjectivesTable } from '../db/schema/coaching.js';
import type { DB } from '../db/schema.js';

export type ObjectiveRow = Selectable<CoachingObjectivesTable>;

export function objectivesOf(
  db: Kysely<DB>,
  workspaceId: string,
  f: { coacheeIds: readonly string[] | null; coachId?: string | undefined; archived?: boolean },
): Promise<ObjectiveRow[]> {
  let q = db.selectFrom('coaching_objectives').selectAll().where('workspace_id', '=', workspaceId);
  if (f.coacheeIds !== null) {
    if (f.coacheeIds.length === 0) return Promise.resolve([]);
    q = q.where('coachee_id', 'in', [...f.coacheeIds]);
  }
  if (f.coachId) q = q.where('coach_id', '=', f.coachId);
  if (!f.archived) q = q.where('archived_at', 'is', null);
  return q.orderBy('review_date').orderBy('id').limit(500).execute();
}

/** The coachee's objective still running at a date (review date not passed), the soonest review first. */
export function runningObjective(db: Kysely<DB>, workspaceId: string, coacheeId: string, today: string): Promise<ObjectiveRow | undefined> {
  return db
    .selectFrom('coaching_objectives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('coachee_id', '=', coacheeId)
    .where('archived_at', 'is', null)
    .where('review_date', '>=', today)
    .orderBy('review_date')
    .orderBy('id')
    .executeTakeFirst();
}

export function findObjective(db: Kysely<DB>, workspaceId: string, id: string): Promise<ObjectiveRow | undefined> {
  return db.selectFrom('coaching_objectives').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertObjective(db: Kysely<DB>, row: ObjectiveRow): Promise<void> {
  await db.insertInto('coaching_objectives').values(row).execute();
}

export async function updateObjective(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<CoachingObjectivesTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'coaching_objectives', { workspaceId, id, version }, changes, now)) !== undefined;
}

/** Records a review's outcome once (a derived fact, so the row's version stays). */
export async function recordReview(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  outcome: { reviewed_at: number; met: number | null; result: string },
): Promise<void> {
  await db
    .updateTable('coaching_objectives')
    .set(outcome)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('reviewed_at', 'is', null)
    .execute();
}
