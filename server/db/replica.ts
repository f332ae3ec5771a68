// A PostgreSQL hot-standby replica for dashboards and KPI reads (DATABASE_REPLICA_URL). Its handle
// never fails for the replica's sake: when the replica cannot be reached (or is no longer in
// recovery), the connection comes from the primary's bulk pool instead, counted and reported, so
// a dashboard is slower on a bad day, never an error. Writes never come here (a standby refuses
// them); the caller decides which reads may (http/replica-reads.ts).
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type FallbackReason = 'unreachable' | 'not_standby';
/** Where a dashboard or KPI read went: the replica, or the primary because the caller's write is not replayed yet, or the replica is unusable. */
export type ReadRoute = 'replica' | 'primary_lag' | 'primary_down';

export interface Replica {
  /** Reads on the replica; a connection it cannot get there comes from the primary (see above). */
  readonly db: Kysely<DB>;
  /**
   * The WAL position the replica has replayed, or null when it is down or not a standby. Cached
   * briefly: a stale position is only ever lower than the true one, so it can send a read to the
   * primary needlessly, never to a replica that lacks a write.
   */
  replayed(): Promise<bigint | null>;
  /** The primary's current WAL position: every transaction committed before the call is at or before it. */
  primaryPosition(): Promise<bigint>;
  /** Times the replica was found unusable (a check or a connection), by reason (for /metrics). */
  readonly fallbacks: ReadonlyMap<FallbackReason, number>;
  /** Reads routed by http/replica-reads.ts, by where they went and why (for /metrics). */
  readonly routed: Map<ReadRoute, number>;
  /** Told when the replica becomes unusable and when it is usable again (the app logs both, once each). */
  onChange: ((state: 'usable' | FallbackReason, error: unknown) => void) | null;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
  /** How long a replay position (or the replica being down) is trusted before asking again. */
  cacheMs?: number;
  now?: () => number;
}

/** A pg_lsn's text ("16/B374D848") as a number that orders like the WAL. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  if (high === undefined || low === undefined) throw new Error(`not an LSN: ${text}`);
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

export function openReplica(url: string, primary: { pool: pg.Pool; db: Kysely<DB> }, options: ReplicaOptions = {}): Replica {
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 200;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 3,
    // A replica that does not answer costs a dashboard this much once, then the cache sends reads to the primary.
    connectionTimeoutMillis: 2_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle connection the standby drops (restart, shutdown) must not crash the process.
  pool.on('error', () => undefined);
  const fallbacks = new Map<FallbackReason, number>();
  let known: { at: number; lsn: bigint | null } | null = null;
  let asking: Promise<bigint | null> | null = null;

  let usable = true;
  function fellBack(reason: FallbackReason, error: unknown): void {
    fallbacks.set(reason, (fallbacks.get(reason) ?? 0) + 1);
    if (usable) replica.onChange?.(reason, error);
    usable = false;
  }

  async function ask(): Promise<bigint | null> {
    try {
      const { rows } = await pool.query<{ standby: boolean; lsn: string | null }>(
        'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn',
      );
      const row = rows[0];
      if (!row?.standby || row.lsn === null) {
        // Promoted, or pointed at a primary by mistake: its data may be a fork, not a lagging copy.
        fellBack('not_standby', new Error('DATABASE_REPLICA_URL is not in recovery'));
        return null;
      }
      if (!usable) replica.onChange?.('usable', null);
      usable = true;
      return parseLsn(row.lsn);
    } catch (error) {
      fellBack('unreachable', error);
      return null;
    }
  }

  async function replayed(): Promise<bigint | null> {
    if (known && now() - known.at < cacheMs) return known.lsn;
    asking ??= ask().then((lsn) => {
      known = { at: now(), lsn };
      asking = null;
      return lsn;
    });
    return asking;
  }

  const facade: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      // Known down: straight to the primary (already counted when it was found down).
      if (known && known.lsn === null && now() - known.at < cacheMs) return primary.pool.connect();
      try {
        return await pool.connect();
      } catch (error) {
        known = { at: now(), lsn: null };
        fellBack('unreachable', error);
        return primary.pool.connect();
      }
    },
    // The pools belong to the replica and the database; this facade never ends them.
    end: async () => undefined,
    options: pool.options,
  };
  const replicaDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: facade }) });
  const replica: Replica = {
    db: replicaDb,
    fallbacks,
    routed: new Map(),
    onChange: null,
    replayed,
    async primaryPosition() {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.db);
      return parseLsn((rows[0] as { lsn: string }).lsn);
    },
    async close() {
      await replicaDb.destroy();
      if (!pool.ended) await pool.end();
    },
  };

  return replica;
}
