// Frozen once released: a workspace's scope version. Who sees whom is computed from users (role,
// team, disabled, name) and teams (tree, managers, names); servers cache that per workspace and
// check this number, one indexed read per request that needs it, so a change made by any process
// (another server, the CLI, an import) is seen by the very next request. Triggers bump it in the
// same transaction as the change, so no write path can forget to.
import { type Kysely, sql } from 'kysely';

const USER_COLUMNS = ['role', 'team_id', 'disabled_at', 'name'];
const TEAM_COLUMNS = ['parent_id', 'manager_id', 'name'];

const changed = (columns: string[], distinct: string) => columns.map((c) => `old.${c} ${distinct} new.${c}`).join(' or ');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('scope_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  if (await isPostgres(db)) {
    await sql`create function workspace_scope_bump() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          update workspaces set scope_version = scope_version + 1 where id = old.workspace_id;
        else
          update workspaces set scope_version = scope_version + 1 where id = new.workspace_id;
        end if;
        return null;
      end $$`.execute(db);
    for (const [table, columns] of [
      ['users', USER_COLUMNS],
      ['teams', TEAM_COLUMNS],
    ] as const) {
      await sql.raw(`create trigger ${table}_scope_write after insert or delete on ${table} for each row execute function workspace_scope_bump()`).execute(db);
      await sql
        .raw(
          `create trigger ${table}_scope_update after update of ${columns.join(', ')} on ${table} for each row
           when (${changed(columns, 'is distinct from')}) execute function workspace_scope_bump()`,
        )
        .execute(db);
    }
  } else {
    for (const [table, columns] of [
      ['users', USER_COLUMNS],
      ['teams', TEAM_COLUMNS],
    ] as const) {
      const bump = (row: 'new' | 'old') => `update workspaces set scope_version = scope_version + 1 where id = ${row}.workspace_id;`;
      await sql.raw(`create trigger ${table}_scope_insert after insert on ${table} begin ${bump('new')} end`).execute(db);
      await sql.raw(`create trigger ${table}_scope_delete after delete on ${table} begin ${bump('old')} end`).execute(db);
      await sql
        .raw(
          `create trigger ${table}_scope_update after update of ${columns.join(', ')} on ${table}
           when ${changed(columns, 'is not')} begin ${bump('new')} end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);
  for (const table of ['users', 'teams']) {
    if (pg) {
      await sql.raw(`drop trigger if exists ${table}_scope_write on ${table}`).execute(db);
      await sql.raw(`drop trigger if exists ${table}_scope_update on ${table}`).execute(db);
    } else {
      for (const t of ['insert', 'delete', 'update']) await sql.raw(`drop trigger if exists ${table}_scope_${t}`).execute(db);
    }
  }
  if (pg) await sql`drop function if exists workspace_scope_bump()`.execute(db);
  await db.schema.alterTable('workspaces').dropColumn('scope_version').execute();
}

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
