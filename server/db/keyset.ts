// Keyset pagination: stable pages under concurrent inserts and fast at any depth (no OFFSET).
// The cursor carries the last row's sort value, its id and the order it was made for (a cursor
// replayed under another sort would compare a name with an instant); it is opaque to clients.
import { type Expression, sql } from 'kysely';
import { hasBadText } from '../../lib/input-rules.js';
import { invalidField } from '../errors.js';
import type { AnySelectQuery } from './query-types.js';

export interface PageRequest {
  /** Names the ordering (e.g. "-amount"); a cursor only continues the order it was made for. */
  order: string;
  sortExpr: Expression<unknown>;
  desc: boolean;
  idColumn: string;
  cursor: string | undefined;
  limit: number;
}

export function encodeCursor(sortValue: unknown, id: string, order: string): string {
  return Buffer.from(JSON.stringify([sortValue, id, order])).toString('base64url');
}

export function decodeCursor(cursor: string, order: string): [string | number, string] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // reported below
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    typeof value[1] !== 'string' ||
    typeof value[2] !== 'string' ||
    (typeof value[0] !== 'string' && typeof value[0] !== 'number') ||
    // A cursor is made by hand as easily as by the list: 1e308 or a NUL would reach the driver.
    (typeof value[0] === 'number' && !(Math.abs(value[0]) <= Number.MAX_SAFE_INTEGER)) ||
    value.some((v) => typeof v === 'string' && hasBadText(v))
  ) {
    throw invalidField('cursor', 'is not a cursor returned by this list');
  }
  if (value[2] !== order) throw invalidField('cursor', 'belongs to another sort order');
  return [value[0], value[1]];
}

/** Orders by the sort expression then id, continues after the cursor, and asks for one extra row. */
export function paginate<QB extends AnySelectQuery>(qb: QB, page: PageRequest): QB {
  const dir = page.desc ? sql`desc` : sql`asc`;
  const id = sql.ref(page.idColumn);
  let q = qb.select(sql<string | number>`${page.sortExpr}`.as('sort_key')) as QB;
  if (page.cursor) {
    const [value, lastId] = decodeCursor(page.cursor, page.order);
    const op = page.desc ? sql`<` : sql`>`;
    q = q.where(sql<boolean>`(${page.sortExpr} ${op} ${value} or (${page.sortExpr} = ${value} and ${id} ${op} ${lastId}))`) as QB;
  }
  return q
    .orderBy(sql`${page.sortExpr} ${dir}`)
    .orderBy(sql`${id} ${dir}`)
    .limit(page.limit + 1) as QB;
}

/** Cuts the extra row and builds the next cursor from the last row kept. */
export function pageOf<T extends { sort_key: string | number; id: string }>(rows: T[], limit: number, order: string): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1] as T;
  return { rows: kept, nextCursor: encodeCursor(last.sort_key, last.id, order) };
}

/** "-amount" → { field: 'amount', desc: true }, defaulting when absent. */
export function parseSort<F extends string>(sort: string | undefined, fallback: `${F}` | `-${F}`): { field: F; desc: boolean } {
  const s = sort ?? fallback;
  return s.startsWith('-') ? { field: s.slice(1) as F, desc: true } : { field: s as F, desc: false };
}

export interface ListPageRequest {
  /** One of the list's sort names, "-" first for descending; the list's default when absent. */
  sort?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * One page of a list under its allowlisted sorts: the sort parsed (or the default), rows ordered by
 * it then id after the cursor, the extra row cut into the next cursor. Every keyset list reads so.
 */
export async function sortedPage<Row, F extends string>(
  qb: AnySelectQuery,
  sorts: Record<F, Expression<unknown>>,
  request: ListPageRequest,
  opts: { fallback: `${F}` | `-${F}`; idColumn: string },
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const limit = request.limit ?? 50;
  const sort = parseSort<F>(request.sort, opts.fallback);
  const sortExpr = sorts[sort.field];
  // The routes' schemas allow only the list's sorts; a caller passing another is a bug, not input.
  if (!sortExpr) throw new Error(`unknown sort ${sort.field}`);
  const order = `${sort.desc ? '-' : ''}${sort.field}`;
  const rows = (await paginate(qb, { order, sortExpr, desc: sort.desc, idColumn: opts.idColumn, cursor: request.cursor, limit }).execute()) as (Row & {
    sort_key: string | number;
    id: string;
  })[];
  return pageOf(rows, limit, order);
}
