// All SQL of the audit log. Insert and read only: there is no update, and delete is the purge.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { sortedPage } from '../db/keyset.js';
import type { AuditEntriesTable } from '../db/schema/ops.js';
import type { DB } from '../db/schema.js';

export type AuditRow = AuditEntriesTable;

export interface AuditFilter {
  workspaceId: string;
  actorId?: string | undefined;
  action?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

export async function insertAuditEntry(db: Kysely<DB>, row: AuditRow): Promise<void> {
  await db.insertInto('audit_entries').values(row).execute();
}

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_entries').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.fromMs !== undefined) q = q.where('at', '>=', f.fromMs);
  if (f.toMs !== undefined) q = q.where('at', '<', f.toMs);
  return q;
}

/** Newest first, keyset-paged on (at, id). */
export async function listAuditEntries(
  db: Kysely<DB>,
  f: AuditFilter,
  page: { limit: number; cursor: string | undefined },
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  return sortedPage<AuditRow, 'at'>(filtered(db, f), { at: sql.ref('at') }, page, { fallback: '-at', idColumn: 'id' });
}

/** Streams the whole filtered log in chunks, newest first, for the CSV export. */
export async function* allAuditEntries(db: Kysely<DB>, f: AuditFilter, chunk = 500): AsyncGenerator<AuditRow[]> {
  let cursor: string | undefined;
  do {
    const page = await listAuditEntries(db, f, { limit: chunk, cursor });
    yield page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Deletes entries older than the cutoff, every workspace; answers how many went. */
export async function purgeAuditEntries(db: Kysely<DB>, beforeMs: number): Promise<number> {
  const result = await db.deleteFrom('audit_entries').where('at', '<', beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
