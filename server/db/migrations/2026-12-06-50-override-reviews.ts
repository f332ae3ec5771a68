// Frozen once released: a manager's verdict on a rep's gate override (accepted or challenged, with
// a comment), one per stage move, so the rep reads the outcome and adherence counts challenged
// overrides as such. Kept apart from stage_moves, which is history and never edited.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('override_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('stage_move_id', 'text', (c) => c.notNull().references('stage_moves.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reviewed_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('override_reviews_verdict', sql`verdict in ('accepted', 'challenged')`)
    .execute();
  await db.schema.createIndex('override_reviews_move').on('override_reviews').columns(['workspace_id', 'stage_move_id']).unique().execute();
  await db.schema.createIndex('override_reviews_deal').on('override_reviews').columns(['workspace_id', 'deal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('override_reviews').execute();
}
