// Frozen once released: the audit log. Append-only: a trigger on each engine refuses UPDATE, so
// an entry cannot be rewritten even by a bug in the app; only the retention purge deletes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    // No foreign key: the entry outlives what it names and keeps the names as they were.
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('ip', 'text')
    .addColumn('via', 'text')
    .execute();
  await db.schema.createIndex('audit_entries_ws_at').on('audit_entries').columns(['workspace_id', 'at', 'id']).execute();
  await db.schema.createIndex('audit_entries_ws_action_at').on('audit_entries').columns(['workspace_id', 'action', 'at']).execute();
  await db.schema.createIndex('audit_entries_ws_actor_at').on('audit_entries').columns(['workspace_id', 'actor_id', 'at']).execute();

  if (await isPostgres(db)) {
    await sql`create function audit_entries_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit entries are append-only'; end $$`.execute(db);
    await sql`create trigger audit_entries_no_update before update on audit_entries
      for each row execute function audit_entries_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_entries_no_update before update on audit_entries
      begin select raise(abort, 'audit entries are append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema.dropTable('audit_entries').execute();
  if (pg) await sql`drop function if exists audit_entries_append_only()`.execute(db);
}

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
