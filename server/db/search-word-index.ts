// Search's word index (migration 2026-12-14-10-search-word-index, decision 0207): a filter that
// keeps every row the query's words could match and drops most others through an index, so a search
// reads the rows near its hits, not a workspace's whole table. It never decides a match —
// text-search.ts#matches does, as before — so it must keep every row `matches` keeps. A word the
// index cannot promise that for is not looked up (dialect.wordIndexed); with no word left there is
// no filter, and the search reads every row in scope as it did without the index.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './dialect.js';
import { wordsOf } from './text-search.js';

/** The searched columns of each indexed table, exactly as the migration indexed them. */
export const SEARCH_COLUMNS = {
  accounts: ['name', 'domain'],
  contacts: ['first_name', 'last_name', 'email'],
  deals: ['name'],
  leads: ['first_name', 'last_name', 'company', 'email'],
  activities: ['subject', 'body'],
} as const;

export type SearchTable = keyof typeof SEARCH_COLUMNS;

/** Rows of `table` (as `alias`) whose indexed words could hold every query word; null: no filter. */
export function wordIndexFilter(dialect: Dialect, table: SearchTable, alias: string, needle: string): RawBuilder<SqlBool> | null {
  return dialect.wordIndexed(table, SEARCH_COLUMNS[table], alias, wordsOf(needle));
}

/**
 * Deals whose name or account's name could hold every query word. A deal matches on both
 * (crm/search.repo.ts), so each word is looked up in the deals' and in the accounts' index.
 */
export function dealWordIndexFilter(dialect: Dialect, alias: string, workspaceId: string, needle: string): RawBuilder<SqlBool> | null {
  const perWord: RawBuilder<SqlBool>[] = [];
  for (const word of wordsOf(needle)) {
    const byName = dialect.wordIndexed('deals', SEARCH_COLUMNS.deals, 'n', [word]);
    const byAccount = dialect.wordIndexed('accounts', SEARCH_COLUMNS.accounts, 'a', [word]);
    if (byName === null || byAccount === null) continue;
    // The index lookups go first, unfiltered by workspace (the query around them filters it): a
    // workspace condition beside them made SQLite walk the workspace's every deal instead.
    perWord.push(sql<SqlBool>`${sql.ref(`${alias}.id`)} in (
      select n.id from deals n where ${byName}
      union all
      select n.id from deals n where n.workspace_id = ${workspaceId} and n.account_id in (select a.id from accounts a where ${byAccount}))`);
  }
  return perWord.length === 0 ? null : sql<SqlBool>`(${sql.join(perWord, sql` and `)})`;
}

/** A query narrowed by one of the filters above, or left as it is when there is none. */
export function narrowedBy(filter: RawBuilder<SqlBool> | null) {
  return <QB extends { where(e: () => RawBuilder<SqlBool>): QB }>(qb: QB): QB => (filter === null ? qb : qb.where(() => filter));
}
