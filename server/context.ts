// Ctx is passed to every service call: the database handle (or the open transaction), who is
// acting, the clock and the configuration. No globals, no container.
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Dialect } from './db/dialect.js';
import type { Role } from './db/schema/identity.js';
import type { DB } from './db/schema.js';

export interface Actor {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly name: string;
  readonly email: string;
  /** How the caller authenticated: browser session, API token, or the CLI / seeder acting as this user. */
  readonly via: 'session' | 'token' | 'system';
}

export interface Ctx {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  readonly actor: Actor;
  readonly now: () => number;
  readonly config: Config;
  /** Per-request memo (for example the caller's visible owner ids), dropped with the request. */
  readonly memo: Map<string, unknown>;
  /**
   * ctx.db is the hot-standby replica (DATABASE_REPLICA_URL), or its fallback to the primary: read
   * only, so "as of a past date" replays inline rather than into a temporary table.
   */
  readonly standby?: boolean;
  /** The client address of the request (behind a proxy only with TRUST_PROXY); absent outside HTTP. */
  readonly ip?: string | null;
}

/**
 * Runs fn in one transaction; nested calls join the outer one, so a use case that calls another
 * stays all-or-nothing.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

export async function memo<T>(ctx: Ctx, key: string, compute: () => Promise<T>): Promise<T> {
  if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
  const value = await compute();
  ctx.memo.set(key, value);
  return value;
}
