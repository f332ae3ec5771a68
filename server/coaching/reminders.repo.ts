// SQL of coaching reminders: who is told, what the notifications name, and the once-only record.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export function userLabels(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
}

export function sessionLabels(
  db: Kysely<DB>,
  workspaceId: string,
  ids: readonly string[],
): Promise<{ id: string; coach_id: string; coachee_id: string; coachee_name: string; scheduled_at: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coaching_sessions as s')
    .innerJoin('users as u', 'u.id', 's.coachee_id')
    .select(['s.id', 's.coach_id', 's.coachee_id', 'u.name as coachee_name', 's.scheduled_at'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.id', 'in', [...ids])
    .where('s.deleted_at', 'is', null)
    .execute();
}

/** The coachee's manager: their team's manager, or the parent team's when they manage that team. */
export async function managerOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('teams as t', 't.id', 'u.team_id')
    .leftJoin('teams as p', 'p.id', 't.parent_id')
    .select(['t.manager_id as manager', 'p.manager_id as parent_manager'])
    .where('u.workspace_id', '=', workspaceId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return row.manager !== null && row.manager !== userId ? row.manager : (row.parent_manager ?? null);
}

/** Open action items due on or before a date, with their session's coachee. */
export function openItemsDueBy(
  db: Kysely<DB>,
  workspaceId: string,
  date: string,
): Promise<{ id: string; session_id: string; owner_id: string; due_date: string | null }[]> {
  return db
    .selectFrom('coaching_action_items as a')
    .innerJoin('coaching_sessions as s', 's.id', 'a.session_id')
    .innerJoin('users as o', 'o.id', 'a.owner_id')
    .select(['a.id', 'a.session_id', 'a.owner_id', 'a.due_date'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.deleted_at', 'is', null)
    .where('s.deleted_at', 'is', null)
    .where('a.completed_at', 'is', null)
    .where('a.due_date', '<=', date)
    .where('o.disabled_at', 'is', null)
    .orderBy('a.due_date')
    .orderBy('a.id')
    .execute();
}

/** Records a reminder; false when it was recorded before (then it was sent before). */
export async function claimReminder(
  db: Kysely<DB>,
  row: { key: string; workspace_id: string; kind: string; record_id: string; recipient_id: string; created_at: number },
): Promise<boolean> {
  const r = await db
    .insertInto('coaching_reminders')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
