// Opens a Kysely instance on SQLite (embedded, the default) or PostgreSQL, from one URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Dialect, dialectFor, type Engine } from './dialect.js';
import type { DB } from './schema.js';

// int8 (counts, epoch-ms instants, money) and numeric come back as strings by default. Every such
// value Furrow stores fits in a double (instants and minor-unit money stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  readonly engine: Engine;
  /** The SQLite file path (or :memory:), null on PostgreSQL. */
  readonly sqlitePath: string | null;
  /** The raw better-sqlite3 handle, for online backup; null on PostgreSQL. */
  readonly sqlite: SQLite.Database | null;
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

export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (engineOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: dialectFor('postgres'), engine: 'postgres', sqlitePath: null, sqlite: null, pgPool: pool, close: () => db.destroy() };
  }
  const path = sqlitePathOf(url);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: dialectFor('sqlite'), engine: 'sqlite', sqlitePath: path, sqlite, pgPool: null, close: () => db.destroy() };
}
