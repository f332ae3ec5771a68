// SQL of deal reviews.
import type { Kysely, Selectable } from 'kysely';
import type { DealReviewsTable } from '../db/schema/coaching.js';
import type { DB } from '../db/schema.js';

export type DealReviewRow = Selectable<DealReviewsTable>;
export interface DealReviewView extends DealReviewRow {
  deal_name: string;
  stage_name: string | null;
  reviewer_name: string;
  owner_name: string;
}

function base(db: Kysely<DB>, workspaceId: string) {
  return db
    .selectFrom('deal_reviews as r')
    .innerJoin('deals as d', 'd.id', 'r.deal_id')
    .leftJoin('stages as s', 's.id', 'r.stage_id')
    .innerJoin('users as rv', 'rv.id', 'r.reviewer_id')
    .innerJoin('users as o', 'o.id', 'r.owner_id')
    .selectAll('r')
    .select(['d.name as deal_name', 's.name as stage_name', 'rv.name as reviewer_name', 'o.name as owner_name'])
    .where('r.workspace_id', '=', workspaceId)
    .where('d.deleted_at', 'is', null);
}

export function reviewsOfDeal(db: Kysely<DB>, workspaceId: string, dealId: string): Promise<DealReviewView[]> {
  return base(db, workspaceId).where('r.deal_id', '=', dealId).orderBy('r.created_at', 'desc').execute();
}

/** Reviews of a person's deals made after an instant: what the next session's agenda picks up. */
export function reviewsOfOwnerSince(db: Kysely<DB>, workspaceId: string, ownerId: string, since: number): Promise<DealReviewView[]> {
  return base(db, workspaceId).where('r.owner_id', '=', ownerId).where('r.created_at', '>', since).orderBy('r.created_at', 'desc').execute();
}

export async function insertReview(db: Kysely<DB>, row: DealReviewRow): Promise<void> {
  await db.insertInto('deal_reviews').values(row).execute();
}
