import type { Kysely } from 'kysely';
import type { Invitation, InvitationCreate } from '../../api/identity.js';
import { type Ctx, inTransaction } from '../context.js';
import type { DB } from '../db/schema.js';
import { AppError, invalidField, notFound } from '../errors.js';
import { hashSecret, newId, newSecret } from '../ids.js';
import { findInvitationByHash, type InvitationRow, insertInvitation, listInvitationRows, markInvitation } from './invitations.repo.js';
import { hashPassword } from './passwords.js';
import { requireRole } from './roles.js';
import { findTeam } from './teams.repo.js';
import { findUserByEmail, insertUser, type UserRow } from './users.repo.js';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  teamId: r.team_id,
  createdAt: new Date(r.created_at).toISOString(),
  expiresAt: new Date(r.expires_at).toISOString(),
  acceptedAt: iso(r.accepted_at),
  revokedAt: iso(r.revoked_at),
});

export async function listInvitations(ctx: Ctx): Promise<Invitation[]> {
  requireRole(ctx, 'admin');
  return (await listInvitationRows(ctx.db, ctx.actor.workspaceId)).map(toInvitation);
}

/**
 * The link carries the secret in the fragment (#…), which browsers never send to the server,
 * so it cannot end up in access logs.
 */
export async function createInvitation(ctx: Ctx, input: InvitationCreate): Promise<{ invitation: Invitation; acceptUrl: string }> {
  requireRole(ctx, 'admin');
  const email = input.email.trim().toLowerCase();
  return inTransaction(ctx, async (tx) => {
    if (await findUserByEmail(tx.db, email)) throw invalidField('email', 'already has an account');
    if (input.teamId && !(await findTeam(tx.db, ctx.actor.workspaceId, input.teamId))) throw invalidField('teamId', 'no such team');
    const secret = newSecret();
    const now = tx.now();
    const row: InvitationRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      email,
      name: input.name.trim(),
      role: input.role,
      team_id: input.teamId ?? null,
      token_hash: hashSecret(secret),
      invited_by: ctx.actor.userId,
      created_at: now,
      expires_at: now + INVITATION_TTL_MS,
      accepted_at: null,
      revoked_at: null,
    };
    await insertInvitation(tx.db, row);
    return { invitation: toInvitation(row), acceptUrl: `${ctx.config.publicUrl ?? ''}/accept-invite#${secret}` };
  });
}

export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  if (!(await markInvitation(ctx.db, ctx.actor.workspaceId, id, { revoked_at: ctx.now() }))) throw notFound('Open invitation');
}

/** Creates the invited user; the caller then signs them in. */
export async function acceptInvitation(db: Kysely<DB>, input: { token: string; password: string }, now: number): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const inv = await findInvitationByHash(tx, hashSecret(input.token));
    if (!inv || inv.accepted_at !== null || inv.revoked_at !== null || inv.expires_at < now) {
      throw new AppError('not_found', 'This invitation is unknown, used, revoked or expired; ask for a new one');
    }
    if (await findUserByEmail(tx, inv.email)) throw new AppError('conflict', 'An account with this email already exists; sign in instead');
    const user: UserRow = {
      id: newId(),
      workspace_id: inv.workspace_id,
      email: inv.email,
      name: inv.name,
      role: inv.role,
      team_id: inv.team_id,
      password_hash: passwordHash,
      disabled_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await insertUser(tx, user);
    await markInvitation(tx, inv.workspace_id, inv.id, { accepted_at: now });
    return user;
  });
}
