// Frozen once released: a skill rating says where it came from — a coach's judgement, or the
// partner's score on a practice attempt (linked to it) — so the rep's profile can show both.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('skill_ratings')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('coach'))
    .execute();
  await db.schema.alterTable('skill_ratings').addColumn('attempt_id', 'text').execute();
  await db.schema.createIndex('skill_ratings_attempt').on('skill_ratings').columns(['workspace_id', 'attempt_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('skill_ratings_attempt').execute();
  await db.schema.alterTable('skill_ratings').dropColumn('attempt_id').execute();
  await db.schema.alterTable('skill_ratings').dropColumn('source').execute();
}
