// The few places where SQLite and PostgreSQL differ. Everything else is written once.
import { type Expression, type RawBuilder, sql } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export interface Dialect {
  readonly engine: Engine;
  /** Case-insensitive "contains" on a text column (LIKE is case-sensitive on PostgreSQL). */
  containsInsensitive(column: Expression<string | null>, needle: string): RawBuilder<boolean>;
  /**
   * Text in search's folded form: NFC, lower case, every letter (not only ASCII) on both engines.
   * SQLite: furrow_fold, registered on open (database.ts) as foldText; PostgreSQL: lower(normalize()).
   */
  folded(column: Expression<string | null>): RawBuilder<string>;
  /**
   * A column compared without its indexes, for a query that reads a workspace's whole table anyway
   * (search for a caller who sees everything). SQLite, planning without statistics, otherwise walks
   * the workspace index and seeks every row in the table: 16–22 s instead of a 1.5–4 s scan for a
   * million activities (docs/performance.md, "Search"). SQLite: unary `+`; PostgreSQL: the column
   * as is, its planner's statistics already choose.
   */
  unindexed(column: Expression<string>): RawBuilder<string>;
  /** Text column holding an integer → integer. */
  textToInt(column: Expression<string | null>): RawBuilder<number | null>;
  /** A text value of a JSON object column by key (a custom field of a record); null when absent. */
  jsonText(column: Expression<string>, key: string): RawBuilder<string | null>;
  /** Is this driver error a unique-constraint violation? */
  isUniqueViolation(error: unknown): boolean;
  /**
   * After a bulk load (the scale generator): bring the planner's statistics and PostgreSQL's
   * visibility map up to date, as autovacuum would in time; without them PostgreSQL guesses a
   * handful of rows per table and cannot use covering indexes index-only. SQLite: nothing — a live
   * SQLite database never runs ANALYZE, and Furrow's queries are planned for one without statistics.
   */
  afterBulkLoad(tables: readonly string[]): RawBuilder<unknown>[];
  /**
   * Inside a transaction: wait for, then hold until commit, a lock named by a number, so two
   * check-then-insert transactions cannot both pass the check. PostgreSQL: a transaction-scoped
   * advisory lock. SQLite: nothing — writers are already serialised, and a transaction that read
   * before another committed cannot write after it (SQLITE_BUSY).
   */
  transactionLock(key: number): RawBuilder<unknown> | null;
}

/** The folded form dialect.folded gives in SQL, for the needle: NFC, lower case. */
export function foldText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Escapes %, _ and \ so user text is matched literally inside LIKE. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const sqliteDialect: Dialect = {
  engine: 'sqlite',
  containsInsensitive: (column, needle) => sql<boolean>`(${column} LIKE ${`%${likeEscape(needle)}%`} ESCAPE '\\')`,
  folded: (column) => sql<string>`furrow_fold(${column})`,
  unindexed: (column) => sql<string>`+${column}`,
  textToInt: (column) => sql<number | null>`CAST(${column} AS INTEGER)`,
  jsonText: (column, key) => sql<string | null>`json_extract(${column}, ${`$.${key}`})`,
  isUniqueViolation: (error) =>
    typeof error === 'object' && error !== null && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE'),
  afterBulkLoad: () => [],
  transactionLock: () => null,
};

const postgresDialect: Dialect = {
  engine: 'postgres',
  containsInsensitive: (column, needle) => sql<boolean>`(${column} ILIKE ${`%${likeEscape(needle)}%`} ESCAPE '\\')`,
  folded: (column) => sql<string>`lower(normalize(${column}, NFC))`,
  unindexed: (column) => sql<string>`${column}`,
  textToInt: (column) => sql<number | null>`CAST(${column} AS BIGINT)`,
  jsonText: (column, key) => sql<string | null>`(CAST(${column} AS jsonb) ->> ${key})`,
  isUniqueViolation: (error) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505',
  afterBulkLoad: (tables) => tables.map((t) => sql`vacuum (analyze) ${sql.table(t)}`),
  transactionLock: (key) => sql`select pg_advisory_xact_lock(${key})`,
};

export function dialectFor(engine: Engine): Dialect {
  return engine === 'sqlite' ? sqliteDialect : postgresDialect;
}
