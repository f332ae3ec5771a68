import { type Kysely, type Selectable, sql } from 'kysely';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';

export type SessionRow = Selectable<SessionsTable>;
type UserRow = Selectable<UsersTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** What a request's authentication needs of its session and its user. */
export interface SessionAndUser {
  session: Pick<SessionRow, 'csrf_token' | 'last_seen_at' | 'expires_at'>;
  /** Null when the user is gone (the session outlived it). */
  user: Pick<UserRow, 'id' | 'workspace_id' | 'role' | 'team_id' | 'name' | 'email' | 'disabled_at'> | null;
}

/** The session and its user in one statement: every authenticated request asks it. */
export async function findSessionAndUser(db: Kysely<DB>, id: string): Promise<SessionAndUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 's.user_id').onRef('u.workspace_id', '=', 's.workspace_id'))
    .select(['s.csrf_token', 's.last_seen_at', 's.expires_at', 'u.id', 'u.workspace_id', 'u.role', 'u.team_id', 'u.name', 'u.email', 'u.disabled_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const session = { csrf_token: row.csrf_token, last_seen_at: Number(row.last_seen_at), expires_at: Number(row.expires_at) };
  if (row.id === null || row.workspace_id === null || row.role === null || row.name === null || row.email === null) return { session, user: null };
  return {
    session,
    user: {
      id: row.id,
      workspace_id: row.workspace_id,
      role: row.role,
      team_id: row.team_id,
      name: row.name,
      email: row.email,
      disabled_at: row.disabled_at === null ? null : Number(row.disabled_at),
    },
  };
}

export async function touchSession(db: Kysely<DB>, id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string, exceptSessionId: string | null = null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId !== null) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export function findTokenByHash(db: Kysely<DB>, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markTokenUsed(db: Kysely<DB>, id: string, at: number): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function listTokens(db: Kysely<DB>, workspaceId: string, userId: string): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}

export async function insertToken(db: Kysely<DB>, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function revokeToken(db: Kysely<DB>, workspaceId: string, userId: string, id: string, at: number): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeTokensOfUser(db: Kysely<DB>, userId: string, at: number): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/**
 * Counts one attempt against each key in a single statement and returns the counts after it. A
 * key's window restarts once it is older than windowMs. Atomic on both engines (an upsert takes the
 * row lock), so a hundred parallel attempts get a hundred distinct counts.
 */
export async function countAttempts(db: Kysely<DB>, keys: string[], now: number, windowMs: number): Promise<Map<string, number>> {
  const expired = now - windowMs;
  const rows = await db
    .insertInto('login_counters')
    .values(keys.map((key) => ({ key, window_start: now, count: 1 })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when login_counters.window_start <= ${expired} then 1 else login_counters.count + 1 end`,
        window_start: sql<number>`case when login_counters.window_start <= ${expired} then ${now} else login_counters.window_start end`,
      }),
    )
    .returning(['key', 'count'])
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.count)]));
}

/** A successful sign-in gives its attempt back; the email's count starts over. */
export async function releaseAttempts(db: Kysely<DB>, resetKey: string, giveBackKey: string): Promise<void> {
  await db.deleteFrom('login_counters').where('key', '=', resetKey).execute();
  await db.updateTable('login_counters').set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` }).where('key', '=', giveBackKey).execute();
}
