// What the mapping screen needs: the fields of an entity (with the workspace's custom deal fields,
// their labels and types) and each preset's header mapping.
import type { ImportEntity, ImportFields } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { reachOf } from '../../identity/policy.js';
import { dealCustomFields } from '../deals.service.js';
import { fieldsOf, importResource } from './fields.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

export async function importFields(ctx: Ctx, entity: ImportEntity): Promise<ImportFields> {
  if (reachOf(ctx.actor.role, importResource(entity), 'create') === 'none') throw forbidden(`Your role cannot import ${entity}`);
  const custom = entity === 'deals' ? await dealCustomFields(ctx) : [];
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
