// What the mapping screen needs: the fields of an entity (with the workspace's custom fields,
// their labels and types) and each preset's header mapping.
import type { ImportEntity, ImportFields } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { reachOf } from '../../identity/policy.js';
import { fieldsInUse } from '../../process/custom-fields.service.js';
import type { CustomFieldDef } from '../custom-values.js';
import { CUSTOM_ENTITY, fieldsOf, importResource } from './fields.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

/** The workspace's custom fields of an entity's records, in their order (none for entities without). */
export async function entityCustomFields(ctx: Ctx, entity: ImportEntity): Promise<CustomFieldDef[]> {
  const kind = CUSTOM_ENTITY[entity];
  return kind === null ? [] : fieldsInUse(ctx, kind);
}

export async function importFields(ctx: Ctx, entity: ImportEntity): Promise<ImportFields> {
  if (reachOf(ctx.actor.role, importResource(entity), 'create') === 'none') throw forbidden(`Your role cannot import ${entity}`);
  const custom = await entityCustomFields(ctx, entity);
  return {
    entity,
    fields: fieldsOf(entity, custom).map((f) => ({
      key: f.key,
      label: f.label,
      required: f.required,
      type: f.custom?.type ?? f.kind,
      custom: f.custom !== undefined,
      ...(f.custom?.options && { options: f.custom.options }),
    })),
    presets: Object.fromEntries(PRESET_NAMES.map((name) => [name, PRESETS[name][entity]])),
  };
}
