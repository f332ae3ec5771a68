// Opens a Kysely instance on SQLite (embedded, the default) or PostgreSQL, from one URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Cancellable, cancellableOn } from './cancellable.js';
import { type Dialect, dialectFor, type Engine, foldText } from './dialect.js';
import { openReplica, type Replica } from './replica.js';
import type { DB } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { GatedSqliteDialect, WriteGate } from './sqlite-gate.js';
import { startReadWorker, startWriteWorker } from './sqlite-worker.js';

// int8 (counts, epoch-ms instants, money) and numeric come back as strings by default. Every such
// value Furrow stores fits in a double (instants and minor-unit money stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface Database {
  /** Interactive requests: short statements (PostgreSQL: the statement timeout applies). */
  readonly db: Kysely<DB>;
  /**
   * Long work (imports, exports, heavy reads) on its own connections so it never takes the
   * interactive ones: PostgreSQL a small separate pool; SQLite a second connection on the file
   * whose writers share one asynchronous write gate with the first (sqlite-gate.ts); the same
   * handle as `db` for an in-memory database (one connection is all there is).
   */
  readonly bulk: Kysely<DB>;
  /**
   * PostgreSQL: a handle on the bulk pool whose running statements can be cancelled together (a
   * heavy read whose client went away). Null on SQLite, whose statements run to completion.
   */
  cancellableBulk(): Cancellable | null;
  /**
   * SQLite file: heavy reads (KPIs, dashboards, exports) whose read statements run on a worker
   * thread (sqlite-worker.ts), so one long statement never stops the event loop; writes and
   * transactions stay on the main connection. Null on PostgreSQL (the bulk pool) and in memory.
   */
  readonly offThreadReads: Kysely<DB> | null;
  readonly dialect: Dialect;
  readonly engine: Engine;
  /** The SQLite file path (or :memory:), null on PostgreSQL. */
  readonly sqlitePath: string | null;
  /** The raw better-sqlite3 handle, for online backup; null on PostgreSQL. */
  readonly sqlite: SQLite.Database | null;
  /**
   * PostgreSQL with DATABASE_REPLICA_URL: the hot standby dashboards and KPI reads may use
   * (replica.ts; http/replica-reads.ts decides which reads); null otherwise.
   */
  readonly replica: Replica | null;
  /** The PostgreSQL connection pool, for its statistics on /metrics; null on SQLite. */
  readonly pgPool: pg.Pool | null;
  close(): Promise<void>;
}

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export function sqlitePathOf(url: string): string {
  if (url === ':memory:' || url === 'sqlite::memory:') return ':memory:';
  return url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:(\/\/)?/, '');
}

export interface OpenOptions {
  /** Interactive PostgreSQL pool size. */
  poolSize?: number;
  /** PostgreSQL pool for long work (imports, exports, KPIs and dashboards). */
  bulkPoolSize?: number;
  /** PostgreSQL statement_timeout of the interactive pool (ms); 0 = none. */
  statementTimeoutMs?: number;
  /** PostgreSQL statement_timeout of the bulk pool (ms); 0 = none. */
  bulkStatementTimeoutMs?: number;
  /** PostgreSQL only: a hot-standby replica of this database (DATABASE_REPLICA_URL). */
  replicaUrl?: string | null;
}

/**
 * Every read-write connection's pragmas, the main thread's and the write worker's (sqlite-worker.ts)
 * alike. On a file, checkpoints run on a worker thread (sqlite-checkpointer.ts), never inside a
 * request's commit, and the log file is cut back to 64 MB after one. Only another process (the CLI,
 * a backup) can hold the file: writers of this process take the write gate first and never meet a lock.
 */
function connectionPragmas(path: string): string[] {
  const file = path === ':memory:' ? [] : ['wal_autocheckpoint = 0', `journal_size_limit = ${64 * 1024 * 1024}`];
  return ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', ...file, 'busy_timeout = 5000'];
}

function openSqlite(path: string): SQLite.Database {
  const sqlite = new SQLite(path);
  for (const pragma of connectionPragmas(path)) sqlite.pragma(pragma);
  registerSqliteFunctions(sqlite);
  return sqlite;
}

/** The SQL functions Furrow's queries call on SQLite; every connection to a Furrow file registers them (the bench's too). */
export function registerSqliteFunctions(sqlite: SQLite.Database): void {
  // Search's case fold (dialect.ts#folded): SQLite's lower() folds ASCII only, PostgreSQL's every letter.
  sqlite.function('furrow_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldText(text) : text));
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (engineOf(url) === 'postgres') {
    const timeout = (ms: number | undefined) => (ms ? { statement_timeout: ms } : {});
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, ...timeout(options.statementTimeoutMs) });
    const bulkPool = new pg.Pool({ connectionString: url, max: options.bulkPoolSize ?? 3, ...timeout(options.bulkStatementTimeoutMs) });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const bulk = new Kysely<DB>({ dialect: new PostgresDialect({ pool: bulkPool }) });
    // The replica's reads are the heavy ones: its pool is the size and has the timeout of the bulk pool,
    // which it falls back to.
    const replica = options.replicaUrl
      ? openReplica(options.replicaUrl, { pool: bulkPool, db }, { poolSize: options.bulkPoolSize, statementTimeoutMs: options.bulkStatementTimeoutMs })
      : null;
    return {
      db,
      bulk,
      cancellableBulk: () => cancellableOn(bulkPool, db),
      offThreadReads: null,
      dialect: dialectFor('postgres'),
      engine: 'postgres',
      sqlitePath: null,
      sqlite: null,
      replica,
      pgPool: pool,
      close: async () => {
        await replica?.close();
        await bulk.destroy();
        await db.destroy();
        // Kysely ends a pool only if it ran a statement through it; heavy reads reach the bulk pool
        // through cancellableBulk alone, so without this its connections outlived close().
        for (const p of [bulkPool, pool]) if (!p.ended) await p.end();
      },
    };
  }
  const path = sqlitePathOf(url);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const gate = new WriteGate();
  const sqlite = openSqlite(path);
  const db = new Kysely<DB>({ dialect: new GatedSqliteDialect(sqlite, gate) });
  // Imports write on a connection of a worker thread: their statements and commit never stop the event loop.
  const bulk = path === ':memory:' ? db : new Kysely<DB>({ dialect: new GatedSqliteDialect(startWriteWorker(path, connectionPragmas(path)), gate) });
  const checkpointer = path === ':memory:' ? null : startCheckpointer(path);
  const readWorker = path === ':memory:' ? null : startReadWorker(path);
  const offThreadReads = readWorker ? new Kysely<DB>({ dialect: new GatedSqliteDialect(sqlite, gate, readWorker) }) : null;
  return {
    db,
    bulk,
    cancellableBulk: () => null,
    offThreadReads,
    dialect: dialectFor('sqlite'),
    engine: 'sqlite',
    sqlitePath: path,
    sqlite,
    replica: null,
    pgPool: null,
    close: async () => {
      await checkpointer?.stop();
      await offThreadReads?.destroy();
      await readWorker?.stop();
      if (bulk !== db) await bulk.destroy();
      await db.destroy();
    },
  };
}
