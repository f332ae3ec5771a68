// SQL of skill ratings.
import type { Kysely, Selectable } from 'kysely';
import type { SkillRatingsTable } from '../db/schema/coaching.js';
import type { DB } from '../db/schema.js';

export type RatingRow = Selectable<SkillRatingsTable>;

export function ratingsOf(db: Kysely<DB>, workspaceId: string, userId: string): Promise<RatingRow[]> {
  return db
    .selectFrom('skill_ratings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .orderBy('rated_at')
    .orderBy('id')
    .execute();
}

export async function insertRating(db: Kysely<DB>, row: RatingRow): Promise<void> {
  await db.insertInto('skill_ratings').values(row).execute();
}
