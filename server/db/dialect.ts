// The few places where SQLite and PostgreSQL differ. Everything else is written once.
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

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
  /**
   * Rows of `table` (as `alias`) whose words, in search's word index, could start with every one of
   * `words` (folded query words); null when no word can be looked up there. Only narrows: search's
   * LIKE still decides (db/search-word-index.ts, decision 0207). SQLite: the table's FTS5 index, for
   * words in letters its tokenizer folds as JavaScript does; PostgreSQL: the GIN index on
   * furrow_search_words over `columns`, written exactly as the index's expression.
   */
  wordIndexed(table: string, columns: readonly string[], alias: string, words: readonly string[]): RawBuilder<SqlBool> | null;
}

/** The folded form dialect.folded gives in SQL, for the needle: NFC, lower case. */
export function foldText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Escapes %, _ and \ so user text is matched literally inside LIKE. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const HAS_WORD = /[\p{L}\p{N}]/u;
/** The word index keeps a word's first 200 characters (a PostgreSQL lexeme is at most 2 KB). */
const cutWord = (word: string) => Array.from(word).slice(0, 200).join('');

/**
 * Letters whose folding FTS5's unicode61 tokenizer (Unicode 6.1 tables, diacritics removed on both
 * sides) agrees with JavaScript's toLowerCase, which folded the query: ASCII, Latin-1 and Latin
 * Extended-A/B, Greek without its sigmas (JavaScript folds a final capital sigma to ς), Cyrillic,
 * kana, CJK ideographs and Hangul syllables. A word with any other character (a dotted capital I
 * folds to two characters; a newer script's letters are unknown to the tokenizer) is not looked up.
 */
const FTS_SAFE = /^[\x21-\x7e\u00c0-\u024f\u0370-\u03a2\u03a4-\u03c1\u03c4-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]+$/u;

/** Search's word starts (text-search.ts#wordText): a space, and - . @ , / read as one. */
const WORD_STARTS = /[ ./@,-]+/;

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
  wordIndexed: (table, _columns, alias, words) => {
    // Each word a prefix phrase ("onb"*), tokenized by FTS5 as the stored text was.
    const phrases = words.filter((w) => HAS_WORD.test(w) && FTS_SAFE.test(w)).map((w) => `"${cutWord(w).replaceAll('"', '""')}"*`);
    if (phrases.length === 0) return null;
    const fts = sql.table(`search_${table}`);
    return sql<SqlBool>`${sql.raw(`${alias}.rowid`)} in (select rowid from ${fts} where ${fts} match ${phrases.join(' AND ')})`;
  },
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
  wordIndexed: (_table, columns, alias, words) => {
    // Each piece between word starts a prefix query on the lexemes ('onb':*), quoted for tsquery.
    const pieces = words
      .filter((w) => HAS_WORD.test(w))
      .flatMap((w) => w.split(WORD_STARTS).filter((p) => p.length > 0))
      .map((p) => `'${cutWord(p).replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`);
    if (pieces.length === 0) return null;
    const text = sql.join(
      columns.map((c) => sql`coalesce(${sql.ref(`${alias}.${c}`)}, '')`),
      sql` || ' ' || `,
    );
    return sql<SqlBool>`furrow_search_words(${text}) @@ cast(${pieces.join(' & ')} as tsquery)`;
  },
};

export function dialectFor(engine: Engine): Dialect {
  return engine === 'sqlite' ? sqliteDialect : postgresDialect;
}
