// Frozen once released: the "below the start of the year" alerts already raised, one row per scope,
// discipline and the month its slide began. The row is the claim: the job inserts it and notifies in
// one transaction, so a rerun, a retry or a second node never tells anyone twice.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('discipline_alerts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('discipline', 'text', (c) => c.notNull())
    .addColumn('since_key', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('discipline_alerts_pk', ['workspace_id', 'scope_id', 'discipline', 'since_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('discipline_alerts').execute();
}
