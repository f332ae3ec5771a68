// Frozen once released: one row per coaching reminder sent (an overdue cadence to a coach or the
// coachee's manager, an action item due or overdue to its owner), keyed so the same reminder is
// recorded once: the reminder job inserts it and notifies in one transaction, so a re-run or a
// duplicated job never notifies twice.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coaching_reminders')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coaching_reminders_ws').on('coaching_reminders').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coaching_reminders').execute();
}
