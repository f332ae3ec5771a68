// A bulk load on SQLite (the demo and scale generators) indexes its rows for search in one
// statement per table instead of one trigger run per row: FTS5 fed from a trigger costs ~13× what
// the same rows cost inserted in one statement (200k activities: 2.3 s against 0.17 s), and
// generating 20,000 deals took 50 s with the triggers against 27 s without any index.
import type SQLite from 'better-sqlite3';
import { SEARCH_COLUMNS, type SearchTable } from './search-word-index.js';

interface InsertTrigger {
  name: string;
  table: SearchTable;
  sql: string;
  lastRowid: number;
}

/**
 * Inside a transaction on `sqlite`: drops the word index's insert triggers and returns a function
 * that indexes every row inserted since, then puts the triggers back. Both happen in the caller's
 * transaction, so a load that fails or is killed rolls back with its triggers in place. Only rows
 * inserted between the two calls are indexed here: the load must not update searched columns of
 * rows it did not insert (the update and delete triggers stay in place for those anyway).
 */
export function deferWordIndex(sqlite: SQLite.Database): () => void {
  if (!sqlite.inTransaction) throw new Error('deferWordIndex needs an open transaction');
  const rows = sqlite
    .prepare("select name, tbl_name as \"table\", sql from sqlite_master where type = 'trigger' and name like 'search\\_%\\_insert' escape '\\'")
    .all() as Omit<InsertTrigger, 'lastRowid'>[];
  const triggers: InsertTrigger[] = rows
    .filter((t) => t.table in SEARCH_COLUMNS)
    .map((t) => ({ ...t, lastRowid: (sqlite.prepare(`select coalesce(max(rowid), 0) as m from "${t.table}"`).get() as { m: number }).m }));
  for (const t of triggers) sqlite.exec(`drop trigger "${t.name}"`);
  return () => {
    for (const t of triggers) {
      const columns = SEARCH_COLUMNS[t.table].join(', ');
      sqlite.prepare(`insert into search_${t.table}(rowid, ${columns}) select rowid, ${columns} from "${t.table}" where rowid > ?`).run(t.lastRowid);
      sqlite.exec(t.sql);
    }
  };
}
