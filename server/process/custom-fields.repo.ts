// Deal custom field definitions, as the process admin manages them (values live on deals.custom).
import type { Kysely, Selectable } from 'kysely';
import type { CustomField } from '../../api/pipelines.js';
import type { CustomFieldsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';

export type CustomFieldRow = Selectable<CustomFieldsTable>;

export const toCustomField = (r: CustomFieldRow): CustomField => ({
  id: r.id,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options ? (JSON.parse(r.options) as string[]) : null,
  position: r.position,
});

export function listDealFieldRows(db: Kysely<DB>, workspaceId: string): Promise<CustomFieldRow[]> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', 'deal')
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('label')
    .execute();
}

export function findDealField(db: Kysely<DB>, workspaceId: string, id: string): Promise<CustomFieldRow | undefined> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', 'deal')
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** Any definition with the key, retired ones included: a key is never reused for another meaning. */
export function findDealFieldByKey(db: Kysely<DB>, workspaceId: string, key: string): Promise<CustomFieldRow | undefined> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', 'deal')
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertDealField(db: Kysely<DB>, row: CustomFieldRow): Promise<void> {
  await db.insertInto('custom_fields').values(row).execute();
}

export async function updateDealField(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  changes: Partial<Pick<CustomFieldRow, 'label' | 'options' | 'position' | 'archived_at'>>,
): Promise<void> {
  await db.updateTable('custom_fields').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
