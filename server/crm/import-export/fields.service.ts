// What the mapping screen needs: the fields of an entity and each preset's header mapping.
import type { ImportEntity, ImportFields } from '../../../api/imports.js';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { reachOf } from '../../identity/policy.js';
import { FIELDS } from './fields.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

export function importFields(ctx: Ctx, entity: ImportEntity): ImportFields {
  if (reachOf(ctx.actor.role, entity, 'create') === 'none') throw forbidden(`Your role cannot import ${entity}`);
  return {
    entity,
    fields: FIELDS[entity].map((f) => ({ key: f.key, label: f.label, required: f.required })),
    presets: Object.fromEntries(PRESET_NAMES.map((name) => [name, PRESETS[name][entity]])),
  };
}
