// Frozen once released: comments on a deal, a leader's word to the rep and the rep's reply, read on
// the deal page and its timeline. Kept apart from activities: a comment is a conversation about the
// deal, not work done with the customer, so activity KPIs do not count it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deal_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_comments_deal').on('deal_comments').columns(['workspace_id', 'deal_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_comments').execute();
}
