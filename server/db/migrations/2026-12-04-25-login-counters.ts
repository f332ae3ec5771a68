// Frozen once released: sign-in attempt counters, one row per key (email or address) and window.
// Counting happens in one upsert before the password is checked, so parallel attempts cannot all
// pass a count taken before any of them was recorded. System-wide like login_attempts: keys are
// emails and addresses, not workspace records.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_counters_window').on('login_counters').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_counters').execute();
}
