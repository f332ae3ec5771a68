// Word search over text columns, the same on both engines: every word of the query must start a
// word of the columns, and rows rank by how their title starts. Global search (crm/search.repo.ts)
// and lead search (alignment/lead-search.repo.ts) both ask this.
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Dialect, foldText, likeEscape } from './dialect.js';

/**
 * A query as search reads it: control characters (NUL, tabs, newlines) are spaces, so nothing typed
 * or pasted reaches the database as a byte it refuses; NFC and lower case, as dialect.folded reads
 * the columns ("CAFE\u0301" finds "Café").
 */
export function searchText(needle: string): string {
  return foldText(needle.replace(/\p{Cc}/gu, ' ')).trim();
}

/** The words of a query, as typed ("quantum onboarding" → quantum, onboarding); at most 8. */
export function wordsOf(needle: string): string[] {
  return searchText(needle)
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

const startsWith = (column: RawBuilder<string>, needle: string) => sql<boolean>`(${column} LIKE ${`${likeEscape(needle)}%`} ESCAPE '\\')`;

/**
 * 0: a title is the whole query; 1: a title starts with the whole query; 2: with its first word;
 * 3: the words are elsewhere. Titles and query compare folded, so case and accent forms do not count.
 */
export function rankOf(dialect: Dialect, titles: Expression<string | null>[], needle: string): RawBuilder<number> {
  const whole = searchText(needle);
  const first = wordsOf(needle)[0] ?? whole;
  const folded = titles.map((t) => dialect.folded(t));
  const any = (test: (t: RawBuilder<string>) => RawBuilder<boolean>) => sql.join(folded.map(test), sql` or `);
  return sql<number>`case when ${any((t) => sql<boolean>`(${t} = ${whole})`)} then 0 when ${any((t) => startsWith(t, whole))} then 1 when ${any((t) => startsWith(t, first))} then 2 else 3 end`;
}

/**
 * The columns as one text whose words each follow a space: punctuation that joins words in names,
 * emails and domains (- . @ , /) separates them, so "acme" finds "wile@acme.example".
 */
function wordText(columns: Expression<string | null>[]): RawBuilder<string> {
  const separated = (c: Expression<string | null>) =>
    sql`replace(replace(replace(replace(replace(coalesce(${c}, ''), '-', ' '), '.', ' '), '@', ' '), ',', ' '), '/', ' ')`;
  return sql<string>`(' ' || ${sql.join(columns.map(separated), sql` || ' ' || `)})`;
}

/**
 * Word-prefix, any-order matching: every word of the query starts a word somewhere in the columns
 * ("quantum onboarding" finds "Onboarding for Quantum Ltd"). One behaviour on both engines: a plain
 * LIKE over the same folded text (dialect.folded: NFC, every letter in lower case) with the query
 * folded the same way in JavaScript; LIKE's wildcards and the escape character are escaped.
 */
export function matches(dialect: Dialect, columns: Expression<string | null>[], needle: string): Expression<SqlBool> {
  const words = wordsOf(needle);
  if (words.length === 0) return sql<SqlBool>`1 = 0`;
  const text = dialect.folded(wordText(columns));
  // A "word" of symbols only (%, _, #) starts no word: it is found wherever it stands.
  return sql<SqlBool>`(${sql.join(
    words.map((w) => sql`(${text} LIKE ${`%${/[\p{L}\p{N}]/u.test(w) ? ' ' : ''}${likeEscape(w)}%`} ESCAPE '\\')`),
    sql` and `,
  )})`;
}
