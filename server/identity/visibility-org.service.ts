// The people and the team tree of a workspace, as scope resolution needs them (who manages which
// team, who is in it, their names for labels), cached per workspace and checked against the
// workspace's scope_version on every request that needs them: one indexed read instead of every
// user and team. Triggers bump that version in the transaction of any change to users or teams
// (migration 2026-12-12-40), so a change committed by any process — another server, the CLI, an
// import — is seen by the very next request, here or on any other node.
import type { Kysely } from 'kysely';
import type { Ctx } from '../context.js';
import { memo } from '../context.js';
import type { Role } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';

export interface OrgUser {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
  disabled: boolean;
}

export interface OrgTeam {
  id: string;
  name: string;
  parentId: string | null;
  managerId: string | null;
}

export interface OrgSnapshot {
  /** Users by name, teams by name (the order the users and teams lists use). */
  readonly users: readonly OrgUser[];
  readonly teams: readonly OrgTeam[];
}

interface Entry {
  version: number;
  org: OrgSnapshot;
}

/** Enough for every workspace one node serves; the least recently used goes first beyond it. */
const MAX_WORKSPACES = 500;
const cache = new Map<string, Entry>();

async function scopeVersion(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('workspaces').select('scope_version').where('id', '=', workspaceId).executeTakeFirst();
  return Number(row?.scope_version ?? -1);
}

async function readOrg(db: Kysely<DB>, workspaceId: string): Promise<OrgSnapshot> {
  const [users, teams] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'team_id', 'disabled_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db.selectFrom('teams').select(['id', 'name', 'parent_id', 'manager_id']).where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute(),
  ]);
  return {
    users: users.map((u) => ({ id: u.id, name: u.name, role: u.role, teamId: u.team_id, disabled: u.disabled_at !== null })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, parentId: t.parent_id, managerId: t.manager_id })),
  };
}

/**
 * The caller's workspace's people and teams, once per request. Inside a transaction it reads them
 * there (the transaction may have changed them) and never stores what it read: that may roll back.
 * Outside one it reads the version first and the rows after, so a stored snapshot is never older
 * than the version it is stored under.
 */
export function orgOf(ctx: Ctx): Promise<OrgSnapshot> {
  return memo(ctx, 'visibility:org', async () => {
    const workspaceId = ctx.actor.workspaceId;
    if (ctx.db.isTransaction) return readOrg(ctx.db, workspaceId);
    const version = await scopeVersion(ctx.db, workspaceId);
    const hit = cache.get(workspaceId);
    if (hit && hit.version === version) {
      cache.delete(workspaceId);
      cache.set(workspaceId, hit);
      return hit.org;
    }
    const org = await readOrg(ctx.db, workspaceId);
    cache.delete(workspaceId);
    cache.set(workspaceId, { version, org });
    if (cache.size > MAX_WORKSPACES) cache.delete(cache.keys().next().value as string);
    return org;
  });
}
