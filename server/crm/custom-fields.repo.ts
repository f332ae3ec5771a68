import type { Kysely, Selectable } from 'kysely';
import type { CustomFieldsTable, EntityType } from '../db/schema/crm.js';
import type { DB } from '../db/schema.js';

export type CustomFieldRow = Selectable<CustomFieldsTable>;

export function listCustomFieldRows(db: Kysely<DB>, workspaceId: string, entity: EntityType): Promise<CustomFieldRow[]> {
  return db
    .selectFrom('custom_fields')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', entity)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('key')
    .execute();
}
