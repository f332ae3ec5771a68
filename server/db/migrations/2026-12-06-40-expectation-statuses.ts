// Frozen once released: the last status the daily evaluation saw for each expectation, so "went
// red" is told on the transition only (and once, however many nodes or reruns evaluate it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('expectation_statuses')
    .addColumn('expectation_id', 'text', (c) => c.primaryKey().references('expectations.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('evaluated_at', 'bigint', (c) => c.notNull())
    .addColumn('red_since', 'bigint')
    .execute();
  await db.schema.createIndex('expectation_statuses_workspace').on('expectation_statuses').columns(['workspace_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('expectation_statuses').execute();
}
