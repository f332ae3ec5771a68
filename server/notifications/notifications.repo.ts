// All SQL of notifications: the inbox rows and the preferences.
import type { Kysely, Selectable } from 'kysely';
import type { NotificationPreferencesTable, NotificationsTable } from '../db/schema/notifications.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';

export type NotificationRow = Selectable<NotificationsTable>;
export type PreferenceRow = Selectable<NotificationPreferencesTable>;
export type InboxRow = NotificationRow & { actor_name: string | null };

export async function insertNotification(db: Kysely<DB>, row: NotificationRow): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}

export function findNotification(db: Kysely<DB>, id: string): Promise<InboxRow | undefined> {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as u', 'u.id', 'n.actor_id')
    .selectAll('n')
    .select('u.name as actor_name')
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/**
 * One phase of the inbox: unread (newest first) or read (newest first), after a keyset position.
 * The inbox shows every unread one before any read one.
 */
export function inboxPhase(
  db: Kysely<DB>,
  workspaceId: string,
  recipients: OwnerScope,
  phase: 'unread' | 'read',
  after: [number, string] | null,
  limit: number,
): Promise<InboxRow[]> {
  let q = db
    .selectFrom('notifications as n')
    .leftJoin('users as u', 'u.id', 'n.actor_id')
    .selectAll('n')
    .select('u.name as actor_name')
    .where('n.workspace_id', '=', workspaceId)
    .where((eb) => ownerFilter(eb, 'n.recipient_id', recipients))
    .where('n.in_app', '=', 1)
    .where('n.read_at', phase === 'unread' ? 'is' : 'is not', null);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('n.created_at', '<', at), eb.and([eb('n.created_at', '=', at), eb('n.id', '<', id)])]));
  }
  return q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Kysely<DB>, workspaceId: string, recipients: OwnerScope): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where((eb) => ownerFilter(eb, 'recipient_id', recipients))
    .where('in_app', '=', 1)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks the recipient's unread ones read (one id, or all); returns how many changed. */
export async function markRead(db: Kysely<DB>, workspaceId: string, recipients: OwnerScope, at: number, id?: string): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('workspace_id', '=', workspaceId)
    .where((eb) => ownerFilter(eb, 'recipient_id', recipients))
    .where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markEmailed(db: Kysely<DB>, id: string, at: number): Promise<void> {
  await db.updateTable('notifications').set({ emailed_at: at }).where('id', '=', id).execute();
}

export function preferencesOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<PreferenceRow[]> {
  return db.selectFrom('notification_preferences').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export async function upsertPreference(db: Kysely<DB>, row: PreferenceRow): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ in_app: row.in_app, email: row.email, updated_at: row.updated_at }))
    .execute();
}
