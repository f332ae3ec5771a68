// SQL of deal comments: the comments of one deal, oldest first, and who has spoken on it.
import type { Kysely, Selectable } from 'kysely';
import type { DealCommentsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';
import { type OwnerScope, ownerFilter } from '../db/scope.js';

export type DealCommentRow = Selectable<DealCommentsTable>;
export type DealCommentView = DealCommentRow & { author_name: string };

/** The live deal's owner when the scope reaches it; undefined answers like a missing deal. */
export async function visibleDealOwner(db: Kysely<DB>, workspaceId: string, scope: OwnerScope, dealId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('deals as d')
    .select('d.owner_id')
    .where('d.workspace_id', '=', workspaceId)
    .where('d.id', '=', dealId)
    .where('d.deleted_at', 'is', null)
    .where((eb) => ownerFilter(eb, 'd.owner_id', scope))
    .executeTakeFirst();
  return row?.owner_id;
}

export async function insertComment(db: Kysely<DB>, row: DealCommentRow): Promise<void> {
  await db.insertInto('deal_comments').values(row).execute();
}

export async function commentsOfDeal(db: Kysely<DB>, workspaceId: string, dealId: string): Promise<DealCommentView[]> {
  const rows = await db
    .selectFrom('deal_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.name as author_name')
    .where('c.workspace_id', '=', workspaceId)
    .where('c.deal_id', '=', dealId)
    .orderBy('c.created_at', 'asc')
    .orderBy('c.id', 'asc')
    .execute();
  return rows.map((r) => ({ ...r, created_at: Number(r.created_at) }));
}

/** Everyone who has commented on the deal so far. */
export async function commentersOfDeal(db: Kysely<DB>, workspaceId: string, dealId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deal_comments')
    .select('author_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .execute();
  return rows.map((r) => r.author_id);
}
