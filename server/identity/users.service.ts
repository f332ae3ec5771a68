import type { Me, User, UserCreate, UserPatch } from '../../api/identity.js';
import { managedTeamIds } from '../../lib/team-tree.js';
import { type Ctx, inTransaction } from '../context.js';
import { AppError, invalidField, notFound, stale } from '../errors.js';
import { newId } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { requireRole } from './roles.js';
import { deleteSessionsOfUser, revokeTokensOfUser } from './sessions.repo.js';
import { findTeam, listTeams } from './teams.repo.js';
import { findUser, findUserByEmail, insertUser, listUsers as listUserRows, type UserChanges, type UserRow, updateUser } from './users.repo.js';

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  teamId: r.team_id,
  disabled: r.disabled_at !== null,
  createdAt: new Date(r.created_at).toISOString(),
  version: r.version,
});

export async function me(ctx: Ctx): Promise<Me> {
  const teams = await listTeams(ctx.db, ctx.actor.workspaceId);
  return {
    id: ctx.actor.userId,
    email: ctx.actor.email,
    name: ctx.actor.name,
    role: ctx.actor.role,
    teamId: ctx.actor.teamId,
    managesTeamIds: managedTeamIds(
      teams.map((t) => ({ id: t.id, parentId: t.parent_id, managerId: t.manager_id })),
      ctx.actor.userId,
    ),
  };
}

/** Everyone in the workspace may see who is in it (owner pickers, timelines); editing is admin-only. */
export async function listUsers(ctx: Ctx): Promise<User[]> {
  return (await listUserRows(ctx.db, ctx.actor.workspaceId)).map(toUser);
}

/**
 * A user of the workspace by id, disabled ones too, or undefined: for other capabilities that check
 * or name a person they link to (each answers a missing one in its own words). Takes the database
 * alone, so a webhook without an actor can ask too.
 */
export async function userInWorkspace(ctx: Pick<Ctx, 'db'>, workspaceId: string, id: string): Promise<User | undefined> {
  const row = await findUser(ctx.db, workspaceId, id);
  return row ? toUser(row) : undefined;
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await findUser(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('User');
  return toUser(row);
}

async function assertTeam(ctx: Ctx, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await findTeam(ctx.db, ctx.actor.workspaceId, teamId))) throw invalidField('teamId', 'no such team in this workspace');
}

export async function createUser(ctx: Ctx, input: UserCreate): Promise<User> {
  requireRole(ctx, 'admin');
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    await assertTeam(tx, input.teamId);
    if (await findUserByEmail(tx.db, email)) throw invalidField('email', 'is already used by another user');
    const now = tx.now();
    const row: UserRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      email,
      name: input.name.trim(),
      role: input.role,
      team_id: input.teamId ?? null,
      password_hash: passwordHash,
      disabled_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertUser(tx.db, row);
    await audit(tx, 'user.created', {
      targetType: 'user',
      targetId: row.id,
      summary: `Added ${row.name} <${row.email}> as ${row.role}`,
      details: { role: row.role, teamId: row.team_id },
    });
    return toUser(row);
  });
}

export async function patchUser(ctx: Ctx, id: string, patch: UserPatch): Promise<User> {
  const self = id === ctx.actor.userId;
  const adminOnly = patch.role !== undefined || patch.teamId !== undefined || patch.disabled !== undefined || (patch.password !== undefined && !self);
  if (adminOnly || !self) requireRole(ctx, 'admin');
  if (self && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
    throw invalidField(patch.disabled ? 'disabled' : 'role', 'you cannot lock yourself out; ask another admin');
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    const current = await findUser(tx.db, ctx.actor.workspaceId, id);
    if (!current) throw notFound('User');
    await assertTeam(tx, patch.teamId);
    const now = tx.now();
    const changes: UserChanges = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.teamId !== undefined && { team_id: patch.teamId }),
      ...(patch.disabled !== undefined && { disabled_at: patch.disabled ? (current.disabled_at ?? now) : null }),
      ...(passwordHash !== undefined && { password_hash: passwordHash }),
    };
    if (!(await updateUser(tx.db, ctx.actor.workspaceId, id, patch.version, changes, now))) throw stale('User', current.version);
    await auditUserChanges(tx, current, patch);
    // Disabling or resetting a password ends every way in that the user had.
    if (patch.disabled === true || passwordHash !== undefined) {
      await deleteSessionsOfUser(tx.db, id);
      if (patch.disabled === true) await revokeTokensOfUser(tx.db, id, now);
    }
    return toUser((await findUser(tx.db, ctx.actor.workspaceId, id)) as UserRow);
  });
}

/** Role, team and access changes are audited, each as its own action so the log filters by it. */
async function auditUserChanges(tx: Ctx, current: UserRow, patch: UserPatch): Promise<void> {
  const target = { targetType: 'user', targetId: current.id };
  if (patch.role !== undefined && patch.role !== current.role) {
    await audit(tx, 'user.role_changed', {
      ...target,
      summary: `Changed ${current.name}'s role from ${current.role} to ${patch.role}`,
      details: { from: current.role, to: patch.role },
    });
  }
  if (patch.teamId !== undefined && patch.teamId !== current.team_id) {
    await audit(tx, 'user.team_changed', { ...target, summary: `Moved ${current.name} to another team`, details: { from: current.team_id, to: patch.teamId } });
  }
  if (patch.disabled !== undefined && patch.disabled !== (current.disabled_at !== null)) {
    await audit(tx, patch.disabled ? 'user.disabled' : 'user.enabled', { ...target, summary: `${patch.disabled ? 'Disabled' : 'Enabled'} ${current.name}` });
  }
}

/**
 * A new password ends every other session of the user (someone who knew the old one is signed
 * out); the session that made the change, if any, stays.
 */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string, keepSessionId: string | null): Promise<void> {
  const user = await findUser(ctx.db, ctx.actor.workspaceId, ctx.actor.userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.password_hash, currentPassword))) throw invalidField('currentPassword', 'is not your current password');
  const hash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    if (!(await updateUser(tx.db, ctx.actor.workspaceId, user.id, user.version, { password_hash: hash }, tx.now()))) {
      throw new AppError('stale', 'Your account changed meanwhile; try again');
    }
    await deleteSessionsOfUser(tx.db, user.id, keepSessionId);
  });
}
