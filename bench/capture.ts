// The bench's own connections to a Furrow database: a Kysely instance that records every statement
// it runs (the SQL text Kysely compiled and its parameters), and a way to run those same
// statements bare on the driver (better-sqlite3 or pg), so the two timings compare like for like.
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { engineOf, registerSqliteFunctions, sqlitePathOf } from '../server/db/database.js';
import { type Dialect, dialectFor, type Engine } from '../server/db/dialect.js';
import type { DB } from '../server/db/schema.js';

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

export interface BenchConnection {
  engine: Engine;
  db: Kysely<DB>;
  dialect: Dialect;
  /** Statements run through `db` since the last call to take(). */
  take(): Statement[];
  /** Runs a statement bare on the driver and returns its row count. */
  bare(s: Statement): Promise<number>;
  /** The engine's plan of a statement (PostgreSQL: with actual timings). */
  explain(s: Statement): Promise<string[]>;
  close(): Promise<void>;
}

export function connect(url: string): BenchConnection {
  const captured: Statement[] = [];
  const log = (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  const take = () => captured.splice(0, captured.length);
  if (engineOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    return {
      engine: 'postgres',
      db,
      dialect: dialectFor('postgres'),
      take,
      bare: async (s) => (await pool.query(s.sql, s.parameters as unknown[])).rowCount ?? 0,
      explain: async (s) => (await pool.query(`explain analyze ${s.sql}`, s.parameters as unknown[])).rows.map((r) => String(Object.values(r)[0])),
      close: () => db.destroy(),
    };
  }
  // The same pragmas as server/db/database.ts.
  const sqlite = new SQLite(sqlitePathOf(url), { readonly: false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  registerSqliteFunctions(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
  const statements = new Map<string, SQLite.Statement>();
  return {
    engine: 'sqlite',
    db,
    dialect: dialectFor('sqlite'),
    take,
    bare: async (s) => {
      let st = statements.get(s.sql);
      if (!st) {
        st = sqlite.prepare(s.sql);
        statements.set(s.sql, st);
      }
      return st.reader ? st.all(...(s.parameters as unknown[])).length : st.run(...(s.parameters as unknown[])).changes;
    },
    explain: async (s) =>
      (sqlite.prepare(`explain query plan ${s.sql}`).all(...(s.parameters as unknown[])) as { id: number; parent: number; detail: string }[]).map(
        (r) => `${r.parent} ${r.id} ${r.detail}`,
      ),
    close: () => db.destroy(),
  };
}
