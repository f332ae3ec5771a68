// Expectations: a KPI, a scope, a period, a target and amber/red thresholds, with an owner.
import type { Kysely, Selectable, Updateable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { ExpectationsTable } from '../db/schema/measurement.js';
import type { DB } from '../db/schema.js';

export type ExpectationRow = Selectable<ExpectationsTable>;

export function listExpectationRows(db: Kysely<DB>, workspaceId: string): Promise<ExpectationRow[]> {
  return db
    .selectFrom('expectations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('kpi_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findExpectation(db: Kysely<DB>, workspaceId: string, id: string): Promise<ExpectationRow | undefined> {
  return db
    .selectFrom('expectations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export async function insertExpectation(db: Kysely<DB>, row: ExpectationRow): Promise<void> {
  await db.insertInto('expectations').values(row).execute();
}

export async function updateExpectation(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: Updateable<ExpectationsTable>,
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'expectations', { workspaceId, id, version }, changes, now, { live: 'archived_at' })) !== undefined;
}

export async function archiveExpectation(db: Kysely<DB>, workspaceId: string, id: string, now: number): Promise<void> {
  await db.updateTable('expectations').set({ archived_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
