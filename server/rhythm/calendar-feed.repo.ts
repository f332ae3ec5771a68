// SQL of the private calendar feeds: one live token per person, stored as a hash.
import type { Kysely, Selectable } from 'kysely';
import type { CalendarFeedsTable } from '../db/schema/rituals.js';
import type { DB } from '../db/schema.js';

export type FeedRow = Selectable<CalendarFeedsTable>;

export function liveFeedOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<FeedRow | undefined> {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function feedByHash(db: Kysely<DB>, tokenHash: string): Promise<FeedRow | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertFeed(db: Kysely<DB>, row: FeedRow): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute();
}

/** Revokes every live feed of a person; the number revoked. */
export async function revokeFeeds(db: Kysely<DB>, workspaceId: string, userId: string, now: number): Promise<number> {
  const r = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function markFeedUsed(db: Kysely<DB>, id: string, now: number): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: now }).where('id', '=', id).execute();
}
