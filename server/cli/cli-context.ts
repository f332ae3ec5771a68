// The database a command works on and the user it acts as. The CLI is a user of Furrow like
// the browser: it goes through the services with an actor, so permissions and history apply.
import type { Config } from '../config.js';
import type { Actor, Ctx } from '../context.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { findUserByEmail, listUsers, type UserRow } from '../identity/users.repo.js';
import { listWorkspaces, type WorkspaceRow } from '../identity/workspaces.repo.js';
import { type CliIo, configOf, failure, println, usageError } from './cli-io.js';

export interface Session {
  config: Config;
  database: Database;
}

/**
 * Opens the configured database for one command and always closes it. The schema is brought up to
 * date first (as `serve` does), so a command on a fresh database works instead of failing on a
 * missing table; only `migrate` itself opts out, since it may be reverting.
 */
export async function withDatabase<T>(io: CliIo, fn: (s: Session) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = configOf(io);
  const database = openDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(database.db);
      if (applied.length > 0) println(io.stderr, `Brought the database schema up to date (${applied.length} migration${applied.length === 1 ? '' : 's'}).`);
    }
    return await fn({ config, database });
  } finally {
    await database.close();
  }
}

/** The workspace named by --workspace (slug), or the only one. */
export async function pickWorkspace(s: Session, slug: string | undefined): Promise<WorkspaceRow> {
  const all = await listWorkspaces(s.database.db);
  if (slug) {
    const found = all.find((w) => w.slug === slug);
    if (!found) throw usageError(`No workspace "${slug}". Workspaces: ${all.map((w) => w.slug).join(', ') || 'none yet'}`);
    return found;
  }
  if (all.length === 0)
    throw failure('No workspace yet. Create the first one: furrow user add --role admin --workspace-name "…" --email … --name … --password …');
  if (all.length > 1) throw usageError(`There are ${all.length} workspaces; choose one with --workspace (${all.map((w) => w.slug).join(', ')})`);
  return all[0] as WorkspaceRow;
}

export function actorOf(user: UserRow): Actor {
  return { userId: user.id, workspaceId: user.workspace_id, role: user.role, teamId: user.team_id, name: user.name, email: user.email, via: 'system' };
}

export function ctxFor(s: Session, actor: Actor, now: () => number): Ctx {
  return { db: s.database.db, dialect: s.database.dialect, actor, now, config: s.config, memo: new Map() };
}

/** The workspace's first active admin (the CLI's default identity for administration). */
export async function firstAdmin(s: Session, workspace: WorkspaceRow, except?: string): Promise<UserRow> {
  const users = await listUsers(s.database.db, workspace.id);
  const admins = users.filter((u) => u.role === 'admin' && u.disabled_at === null && u.id !== except).sort((a, b) => a.created_at - b.created_at);
  if (!admins[0]) throw failure(`Workspace ${workspace.slug} has no other active admin to act as`);
  return admins[0];
}

/** The user named by --as (an active member of the workspace), or the first admin. */
export async function actingUser(s: Session, workspace: WorkspaceRow, email: string | undefined): Promise<UserRow> {
  if (!email) return firstAdmin(s, workspace);
  const user = await findUserByEmail(s.database.db, email);
  if (!user || user.workspace_id !== workspace.id) throw usageError(`--as: no user ${email} in workspace ${workspace.slug}`);
  if (user.disabled_at !== null) throw usageError(`--as: ${email} is disabled`);
  return user;
}
