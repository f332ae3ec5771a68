// Word search over text columns, the same on both engines: every word of the query must start a
// word of the columns, and rows rank by how their title starts. Global search (crm/search.repo.ts)
// and lead search (alignment/lead-search.repo.ts) both ask this.
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Dialect, likeEscape } from './dialect.js';
import type { AnyExpressionBuilder } from './query-types.js';

/** The words of a query, as typed ("quantum onboarding" → quantum, onboarding); at most 8. */
export function wordsOf(needle: string): string[] {
  return needle
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * Case-insensitive "starts with", used only to rank rows the word filter already found.
 * lower() on both sides reads the same on both engines, so it needs no dialect entry.
 */
function startsWith(column: Expression<string | null>, needle: string): RawBuilder<boolean> {
  return sql<boolean>`(lower(${column}) LIKE ${`${likeEscape(needle.toLowerCase())}%`} ESCAPE '\\')`;
}

/** 0: a title starts with the whole query; 1: with its first word; 2: the words are elsewhere. */
export function rankOf(prefixes: Expression<string | null>[], needle: string): RawBuilder<number> {
  const any = (text: string) =>
    sql.join(
      prefixes.map((p) => startsWith(p, text)),
      sql` or `,
    );
  const first = wordsOf(needle)[0] ?? needle;
  return sql<number>`case when ${any(needle.trim())} then 0 when ${any(first)} then 1 else 2 end`;
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
 * ("quantum onboarding" finds "Onboarding for Quantum Ltd"). One behaviour on both engines: the
 * dialect's case-insensitive LIKE over the same text.
 */
export function matches(eb: AnyExpressionBuilder, dialect: Dialect, columns: Expression<string | null>[], needle: string): Expression<SqlBool> {
  const text = wordText(columns);
  const words = wordsOf(needle);
  if (words.length === 0) return sql<SqlBool>`1 = 0`;
  // A "word" of symbols only (%, _, #) starts no word: it is found wherever it stands.
  return eb.and(words.map((w) => dialect.containsInsensitive(text, /[\p{L}\p{N}]/u.test(w) ? ` ${w}` : w)));
}
