// Saved import mappings: read by name, listed per entity, saved by name (a second save under the
// same name replaces the first and bumps its version).
import type { Kysely, Selectable } from 'kysely';
import type { ImportMappingsTable } from '../../db/schema/crm.js';
import type { DB } from '../../db/schema.js';

export type ImportMappingRow = Selectable<ImportMappingsTable>;
type Entity = ImportMappingsTable['entity'];

export function findImportMapping(db: Kysely<DB>, workspaceId: string, entity: Entity, nameKey: string): Promise<ImportMappingRow | undefined> {
  return db
    .selectFrom('import_mappings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', entity)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
}

export function listImportMappings(db: Kysely<DB>, workspaceId: string, entity: Entity): Promise<ImportMappingRow[]> {
  return db.selectFrom('import_mappings').selectAll().where('workspace_id', '=', workspaceId).where('entity', '=', entity).orderBy('name_key').execute();
}

/** Inserts or replaces by (workspace, entity, name): one statement, so two saves at once cannot both insert. */
export async function saveImportMapping(db: Kysely<DB>, row: Omit<ImportMappingRow, 'version'>): Promise<void> {
  await db
    .insertInto('import_mappings')
    .values({ ...row, version: 1 })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'entity', 'name_key']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        columns: eb.ref('excluded.columns'),
        value_map: eb.ref('excluded.value_map'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb(eb.ref('import_mappings.version'), '+', 1),
      })),
    )
    .execute();
}
