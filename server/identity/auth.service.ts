// Login, logout and turning a cookie or bearer token into an actor. These run before there is an
// actor, so they take the database and clock directly rather than a Ctx.
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Actor } from '../context.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { hashSecret, newSecret } from '../ids.js';
import { auditWithoutActor } from '../ops/audit.service.js';
import { verifyPassword } from './passwords.js';
import {
  countAttempts,
  deleteSession,
  findSessionAndUser,
  findTokenByHash,
  insertSession,
  markTokenUsed,
  releaseAttempts,
  touchSession,
} from './sessions.repo.js';
import { findUser, findUserByEmail, type UserRow } from './users.repo.js';

export interface AuthDeps {
  db: Kysely<DB>;
  config: Config;
  now: () => number;
}

const ATTEMPT_WINDOW_MS = 15 * 60_000;
/** Renew the sliding expiry at most this often, so reads do not become writes on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** API tokens are usually called in bursts; record use at most once a minute. */
const TOKEN_TOUCH_EVERY_MS = 60_000;

export interface LoginResult {
  /** The cookie value; only its hash is stored. */
  sessionSecret: string;
  csrfToken: string;
  user: UserRow;
}

export function actorOf(user: Pick<UserRow, 'id' | 'workspace_id' | 'role' | 'team_id' | 'name' | 'email'>, via: Actor['via']): Actor {
  return { userId: user.id, workspaceId: user.workspace_id, role: user.role, teamId: user.team_id, name: user.name, email: user.email, via };
}

/** A background job acting for (or reading as) a user; null when the user is gone or disabled. */
export async function systemActorFor(db: Kysely<DB>, workspaceId: string, userId: string): Promise<Actor | null> {
  const user = await findUser(db, workspaceId, userId);
  return user && user.disabled_at === null ? actorOf(user, 'system') : null;
}

export async function login(deps: AuthDeps, input: { email: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const emailKey = `email:${email}`;
  const ipKey = `ip:${input.ip ?? 'unknown'}`;
  // Count first, in one statement, then check the password: counting after the check let parallel
  // attempts all read the same low count (82 of 100 checked on SQLite, 100 of 100 on PostgreSQL).
  const counts = await countAttempts(deps.db, [emailKey, ipKey], now, ATTEMPT_WINDOW_MS);
  // Per address the allowance is wider: an office shares one address.
  if ((counts.get(emailKey) ?? 0) > deps.config.loginMaxAttempts || (counts.get(ipKey) ?? 0) > deps.config.loginMaxAttempts * 5) {
    throw new AppError('rate_limited', 'Too many failed sign-in attempts; wait 15 minutes and try again');
  }

  const user = await findUserByEmail(deps.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.disabled_at !== null) {
    // Only a known account has a workspace to log into; an unknown email stays in the throttle
    // counts and the server log, never in some workspace's audit.
    if (user) {
      await auditWithoutActor(deps.db, {
        workspaceId: user.workspace_id,
        at: now,
        ip: input.ip,
        actor: null,
        action: 'auth.sign_in_failed',
        targetType: 'user',
        targetId: user.id,
        summary: `Failed sign-in as ${user.email}${user.disabled_at !== null && ok ? ' (account disabled)' : ''}`,
      });
    }
    throw new AppError('unauthenticated', 'Email or password is incorrect');
  }
  await releaseAttempts(deps.db, emailKey, ipKey);

  // A fresh id at every login: a session id planted before login is worthless after it.
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  await insertSession(deps.db, {
    id: hashSecret(sessionSecret),
    workspace_id: user.workspace_id,
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: now + deps.config.sessionTtlMs,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
    ip: input.ip,
  });
  await auditWithoutActor(deps.db, {
    workspaceId: user.workspace_id,
    at: now,
    ip: input.ip,
    actor: { id: user.id, name: user.name },
    action: 'auth.sign_in',
    targetType: 'user',
    targetId: user.id,
    summary: `Signed in as ${user.email}`,
  });
  return { sessionSecret, csrfToken, user };
}

export async function logout(deps: AuthDeps, sessionSecret: string): Promise<void> {
  await deleteSession(deps.db, hashSecret(sessionSecret));
}

export interface SessionAuth {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

export async function authenticateSession(deps: AuthDeps, sessionSecret: string): Promise<SessionAuth | null> {
  const now = deps.now();
  const id = hashSecret(sessionSecret);
  const found = await findSessionAndUser(deps.db, id);
  if (!found) return null;
  const { session, user } = found;
  if (session.expires_at <= now) {
    await deleteSession(deps.db, id);
    return null;
  }
  if (!user || user.disabled_at !== null) {
    await deleteSession(deps.db, id);
    return null;
  }
  if (now - session.last_seen_at > TOUCH_EVERY_MS) await touchSession(deps.db, id, now, now + deps.config.sessionTtlMs);
  return { actor: actorOf(user, 'session'), csrfToken: session.csrf_token, sessionId: id };
}

export async function authenticateToken(deps: AuthDeps, secret: string): Promise<Actor | null> {
  const token = await findTokenByHash(deps.db, hashSecret(secret));
  if (!token || token.revoked_at !== null) return null;
  const user = await findUser(deps.db, token.workspace_id, token.user_id);
  if (!user || user.disabled_at !== null) return null;
  const now = deps.now();
  if (token.last_used_at === null || now - token.last_used_at > TOKEN_TOUCH_EVERY_MS) await markTokenUsed(deps.db, token.id, now);
  return actorOf(user, 'token');
}
