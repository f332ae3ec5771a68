// Custom field definitions of deals, accounts and contacts, as the admin manages them (values live
// in each record's `custom` JSON column).
import type { Kysely, Selectable } from 'kysely';
import type { CustomField, CustomFieldEntity } from '../../api/pipelines.js';
import type { CustomFieldsTable } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';

export type CustomFieldRow = Selectable<CustomFieldsTable>;

export const toCustomField = (r: CustomFieldRow): CustomField => ({
  id: r.id,
  entity: r.entity as CustomFieldEntity,
  key: r.key,
  label: r.label,
  type: r.type,
  options: r.options ? (JSON.parse(r.options) as string[]) : null,
  position: r.position,
});

export function listFieldRows(db: Kysely<DB>, workspaceId: string, entity: CustomFieldEntity): Promise<CustomFieldRow[]> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', entity)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('label')
    .execute();
}

export const listDealFieldRows = (db: Kysely<DB>, workspaceId: string) => listFieldRows(db, workspaceId, 'deal');

export function findField(db: Kysely<DB>, workspaceId: string, entity: CustomFieldEntity | null, id: string): Promise<CustomFieldRow | undefined> {
  let q = db.selectFrom('custom_fields').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).where('archived_at', 'is', null);
  if (entity) q = q.where('entity', '=', entity);
  return q.executeTakeFirst();
}

/** Any definition with the key, retired ones included: a key is never reused for another meaning. */
export function findFieldByKey(db: Kysely<DB>, workspaceId: string, entity: CustomFieldEntity, key: string): Promise<CustomFieldRow | undefined> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', entity)
    .where('key', '=', key)
    .executeTakeFirst();
}

export const findDealFieldByKey = (db: Kysely<DB>, workspaceId: string, key: string) => findFieldByKey(db, workspaceId, 'deal', key);

export async function insertField(db: Kysely<DB>, row: CustomFieldRow): Promise<void> {
  await db.insertInto('custom_fields').values(row).execute();
}

export async function updateField(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  changes: Partial<Pick<CustomFieldRow, 'label' | 'options' | 'position' | 'archived_at'>>,
): Promise<void> {
  await db.updateTable('custom_fields').set(changes).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
