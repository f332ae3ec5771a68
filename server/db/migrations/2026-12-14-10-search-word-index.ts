// Frozen once released: a word index for global search, so a caller who sees the whole workspace
// no longer reads every row (seconds at 100k deals and a million activities). It only narrows the
// rows; the folded LIKE of db/text-search.ts still decides what matches, so results do not change
// (decision 0207). Both kept current by the database itself, so every write path (services, import,
// demo seed, raw SQL) is covered:
// - SQLite: FTS5 tables over the searched columns, external content (no second copy of the text),
//   kept in step by triggers. They key on the tables' rowids, which only VACUUM renumbers; after
//   one, `insert into search_<table>(search_<table>) values ('rebuild')`.
// - PostgreSQL: GIN indexes on furrow_search_words(the columns): the folded text split exactly where
//   search's LIKE sees a word start (a space and - . @ , /), each word a lexeme, nothing stemmed.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

const INDEXED: Record<string, string[]> = {
  accounts: ['name', 'domain'],
  contacts: ['first_name', 'last_name', 'email'],
  deals: ['name'],
  leads: ['first_name', 'last_name', 'company', 'email'],
  activities: ['subject', 'body'],
};

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

async function upSqlite(db: Kysely<any>, table: string, columns: string[]): Promise<void> {
  const fts = `search_${table}`;
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  const remove = `insert into ${fts}(${fts}, rowid, ${list}) values ('delete', old.rowid, ${values('old')});`;
  const add = `insert into ${fts}(rowid, ${list}) values (new.rowid, ${values('new')});`;
  // remove_diacritics 2: a decomposed "e" + accent in a stored name still starts the word "e…";
  // columnsize=0: search ranks by its own rules, not FTS5's bm25, which alone needs the sizes.
  await sql.raw(`create virtual table ${fts} using fts5(${list}, content='${table}', tokenize='unicode61 remove_diacritics 2', columnsize=0)`).execute(db);
  await sql.raw(`create trigger ${fts}_insert after insert on ${table} begin ${add} end`).execute(db);
  await sql.raw(`create trigger ${fts}_delete after delete on ${table} begin ${remove} end`).execute(db);
  await sql.raw(`create trigger ${fts}_update after update of ${list} on ${table} begin ${remove} ${add} end`).execute(db);
  await sql.raw(`insert into ${fts}(${fts}) values ('rebuild')`).execute(db);
}

async function upPostgres(db: Kysely<any>, table: string, columns: string[]): Promise<void> {
  const text = columns.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `);
  await sql.raw(`create index ${table}_search_words on ${table} using gin (furrow_search_words(${text}))`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const [table, columns] of Object.entries(INDEXED)) await upSqlite(db, table, columns);
    return;
  }
  // Words are cut at 200 characters (a lexeme may not exceed 2 KB); search cuts the query's the same.
  // Parallel restricted: with it parallel safe, PostgreSQL ran a search's index lookups in parallel
  // workers, whose start took 25-45 ms of the 6 ms a search for an unknown word needs (2 cores).
  await sql
    .raw(
      `create function furrow_search_words(text) returns tsvector language sql immutable strict parallel restricted as $$
        select array_to_tsvector(coalesce(array_agg(left(w, 200)), '{}'))
        from regexp_split_to_table(lower(normalize($1, NFC)), '[ ./@,-]+') as w where w <> ''
      $$`,
    )
    .execute(db);
  for (const [table, columns] of Object.entries(INDEXED)) await upPostgres(db, table, columns);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const table of Object.keys(INDEXED)) {
      for (const t of ['insert', 'delete', 'update']) await sql.raw(`drop trigger search_${table}_${t}`).execute(db);
      await sql.raw(`drop table search_${table}`).execute(db);
    }
    return;
  }
  for (const table of Object.keys(INDEXED)) await sql.raw(`drop index ${table}_search_words`).execute(db);
  await sql.raw('drop function furrow_search_words(text)').execute(db);
}
