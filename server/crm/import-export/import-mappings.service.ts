// The saved mappings of an entity: whoever may import it may list them (and save one by importing
// or checking with saveMappingAs, see import.service.ts). They are workspace settings, not records
// owned by anyone, so they follow the entity's import permission rather than a reach of their own.
import type { ImportEntity, ImportMappingList } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { reachOf } from '../../identity/policy.js';
import { importResource } from './fields.js';
import { listImportMappings } from './import-mappings.repo.js';

export async function importMappings(ctx: Ctx, entity: ImportEntity): Promise<ImportMappingList> {
  if (reachOf(ctx.actor.role, importResource(entity), 'create') === 'none') throw forbidden(`Your role cannot import ${entity}`);
  const rows = await listImportMappings(ctx.db, ctx.actor.workspaceId, entity);
  return {
    items: rows.map((r) => ({
      name: r.name,
      entity,
      mapping: JSON.parse(r.columns) as Record<string, string>,
      values: JSON.parse(r.value_map) as Record<string, Record<string, string>>,
      updatedAt: Number(r.updated_at),
      version: r.version,
    })),
  };
}
