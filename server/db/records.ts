// The rules every editable record shares, written once. Optimistic concurrency: a row carries a
// `version`; an update names the version it was read at and applies only while the row is still
// there, so of two concurrent edits the second misses and its caller answers 409 stale.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AnyDb } from './query-types.js';
import type { DB } from './schema.js';

/** Tables whose rows are edited under a version, keyed by workspace and id. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { workspace_id: string; id: string; version: number } ? T : never;
}[keyof DB];

/** Columns that are null while the row is live (deleted_at, archived_at, ended_at, revoked_at …). */
type NullableColumn<T extends VersionedTable> = {
  [C in keyof DB[T]]: null extends DB[T][C] ? C : never;
}[keyof DB[T]] &
  string;

export interface VersionedKey {
  workspaceId: string;
  id: string;
  /** The version the caller read; the update applies only while the row is still at it. */
  version: number;
}

export interface VersionedOptions<T extends VersionedTable> {
  /** A column that is null while the row is live: a deleted, archived or ended row is not edited. */
  live?: NullableColumn<T>;
  /** Further equalities the row must still hold (e.g. the status a transition starts from). */
  expect?: Partial<Selectable<DB[T]>>;
}

/**
 * Applies `changes` to the row when workspace, id and version match (and, with `live`, the row is
 * not retired), bumps the version and stamps `updated_at` with `now` (null: the table has no
 * `updated_at`, or the changes carry it). Returns the updated row, or undefined when the row moved
 * on or is gone: the caller answers 409 stale (or 404 after a fresh read).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  key: VersionedKey,
  changes: Updateable<DB[T]>,
  now: number | null,
  opts: VersionedOptions<T> = {},
): Promise<Selectable<DB[T]> | undefined> {
  // Kysely types an update by its one table; this rule serves every versioned table (query-types.ts).
  let q = (db as unknown as AnyDb)
    .updateTable(table as string)
    .set({ ...(changes as Record<string, unknown>), ...(now === null ? {} : { updated_at: now }), version: key.version + 1 })
    .where('workspace_id', '=', key.workspaceId)
    .where('id', '=', key.id)
    .where('version', '=', key.version);
  if (opts.live) q = q.where(opts.live, 'is', null);
  for (const [column, value] of Object.entries(opts.expect ?? {})) q = q.where(column, '=', value);
  return (await q.returningAll().executeTakeFirst()) as Selectable<DB[T]> | undefined;
}
