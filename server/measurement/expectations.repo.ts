// Expectations: a KPI, a scope, a period, a target and amber/red thresholds, with an owner.
import type { Kysely, Selectable, Updateable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { ExpectationStatusesTable, ExpectationsTable } from '../db/schema/measurement.js';
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

export function findExpectations(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<ExpectationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('expectations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('archived_at', 'is', null)
    .execute();
}

export type EvaluationRow = Selectable<ExpectationStatusesTable>;

/**
 * Records what the evaluation saw and says whether this call turned the expectation red: it was not
 * red before (or had never been evaluated), or red for an earlier period. The insert or the update
 * conditioned on the old status claims the transition, so of two nodes (or a rerun) evaluating at
 * once only one sees it: PostgreSQL makes the second wait for the row and re-check the condition.
 */
export async function recordEvaluation(db: Kysely<DB>, row: Omit<EvaluationRow, 'red_since'>): Promise<boolean> {
  const red = row.status === 'red';
  const inserted = await db
    .insertInto('expectation_statuses')
    .values({ ...row, red_since: red ? row.evaluated_at : null })
    .onConflict((oc) => oc.column('expectation_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return red;
  const base = db.updateTable('expectation_statuses').where('workspace_id', '=', row.workspace_id).where('expectation_id', '=', row.expectation_id);
  if (red) {
    const turned = await base
      .set({ status: 'red', period_key: row.period_key, evaluated_at: row.evaluated_at, red_since: row.evaluated_at })
      .where((eb) => eb.or([eb('status', '<>', 'red'), eb('period_key', '<>', row.period_key)]))
      .executeTakeFirst();
    if (Number(turned.numUpdatedRows) === 1) return true;
    await base.set({ evaluated_at: row.evaluated_at }).execute();
    return false;
  }
  await base.set({ status: row.status, period_key: row.period_key, evaluated_at: row.evaluated_at, red_since: null }).execute();
  return false;
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
