// SQL of override reviews: the move a review is about, and the one review row per move.
import type { Kysely, Selectable } from 'kysely';
import type { OverrideReviewsTable } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';

export type OverrideReviewRow = Selectable<OverrideReviewsTable>;

export interface ReviewedMove {
  id: string;
  deal_id: string;
  owner_id: string;
  actor_id: string | null;
  override_reason: string | null;
}

/** A stage move of a live deal in the workspace. */
export async function findMoveOfLiveDeal(db: Kysely<DB>, workspaceId: string, moveId: string): Promise<ReviewedMove | undefined> {
  return db
    .selectFrom('stage_moves as m')
    .innerJoin('deals as d', 'd.id', 'm.deal_id')
    .select(['m.id', 'm.deal_id', 'm.owner_id', 'm.actor_id', 'm.override_reason'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.id', '=', moveId)
    .where('d.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findReviewOfMove(db: Kysely<DB>, workspaceId: string, moveId: string): Promise<OverrideReviewRow | undefined> {
  return db.selectFrom('override_reviews').selectAll().where('workspace_id', '=', workspaceId).where('stage_move_id', '=', moveId).executeTakeFirst();
}

export async function insertReview(db: Kysely<DB>, row: OverrideReviewRow): Promise<void> {
  await db.insertInto('override_reviews').values(row).execute();
}
