// Quotas: one amount per scope (rep, team, workspace) and period (month, fiscal quarter, fiscal year).
import type { Kysely, Selectable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { QuotasTable, TargetScopeType } from '../db/schema/measurement.js';
import type { DB } from '../db/schema.js';

export type QuotaRow = Selectable<QuotasTable>;

export interface QuotaFilter {
  workspaceId: string;
  periodKeys?: readonly string[];
  scopeType?: TargetScopeType;
  scopeIds?: readonly string[];
}

export function listQuotaRows(db: Kysely<DB>, f: QuotaFilter): Promise<QuotaRow[]> {
  let q = db.selectFrom('quotas').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.periodKeys) q = f.periodKeys.length === 0 ? q.where('id', '=', '') : q.where('period_key', 'in', [...f.periodKeys]);
  if (f.scopeType) q = q.where('scope_type', '=', f.scopeType);
  if (f.scopeIds) q = f.scopeIds.length === 0 ? q.where('id', '=', '') : q.where('scope_id', 'in', [...f.scopeIds]);
  return q.orderBy('period_key').orderBy('scope_type').orderBy('scope_id').execute();
}

/** Quotas of a scope's own row for each period key. */
export async function ownQuotas(db: Kysely<DB>, workspaceId: string, type: TargetScopeType, id: string, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('quotas')
    .select(['period_key', 'amount'])
    .where('workspace_id', '=', workspaceId)
    .where('scope_type', '=', type)
    .where('scope_id', '=', id)
    .where('period_key', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.period_key, Number(r.amount)]));
}

export function findQuota(db: Kysely<DB>, workspaceId: string, id: string): Promise<QuotaRow | undefined> {
  return db.selectFrom('quotas').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function findQuotaByScope(
  db: Kysely<DB>,
  workspaceId: string,
  type: TargetScopeType,
  scopeId: string,
  periodKey: string,
): Promise<QuotaRow | undefined> {
  return db
    .selectFrom('quotas')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('scope_type', '=', type)
    .where('scope_id', '=', scopeId)
    .where('period_key', '=', periodKey)
    .executeTakeFirst();
}

export async function insertQuota(db: Kysely<DB>, row: QuotaRow): Promise<void> {
  await db.insertInto('quotas').values(row).execute();
}

export async function updateQuotaAmount(db: Kysely<DB>, workspaceId: string, id: string, version: number, amount: number, now: number): Promise<boolean> {
  return (await updateVersioned(db, 'quotas', { workspaceId, id, version }, { amount }, now)) !== undefined;
}

export async function deleteQuota(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('quotas').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
