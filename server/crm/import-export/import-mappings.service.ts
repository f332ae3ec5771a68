// The saved mappings of an entity: whoever may import it may list them (and save one by importing
// or checking with saveMappingAs, see import.service.ts). They are workspace settings, not records
// owned by anyone, so they follow the entity's import permission rather than a reach of their own.
import type { ImportEntity, ImportMappingList } from '../../../api/imports.js';
import { normaliseHeader } from '../../../lib/csv.js';
import type { Ctx } from '../../context.js';
import { forbidden, invalidInput } from '../../errors.js';
import { reachOf } from '../../identity/policy.js';
import { newId } from '../../ids.js';
import { importResource } from './fields.js';
import { findImportMapping, listImportMappings, saveImportMapping } from './import-mappings.repo.js';

/** Field → value in the file → value in Furrow. */
type ValueMapping = Record<string, Record<string, string>>;

/** Saved mapping names compare without case or extra spaces. */
const mappingNameKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The saved mapping merged under the caller's: saved columns the file lacks are left aside (the next
 * export may drop a column), and so are saved values of fields no column feeds.
 */
export async function withSavedMapping(
  ctx: Ctx,
  entity: ImportEntity,
  savedMapping: string | undefined,
  mapping: Record<string, string> | undefined,
  headers: readonly string[],
): Promise<{ mapping: Record<string, string> | undefined; savedValues: ValueMapping }> {
  if (savedMapping === undefined) return { mapping, savedValues: {} };
  const saved = await findImportMapping(ctx.db, ctx.actor.workspaceId, entity, mappingNameKey(savedMapping));
  if (!saved) {
    throw invalidInput(
      [{ field: 'savedMapping', message: `no saved ${entity} mapping is named "${savedMapping}"` }],
      `No saved ${entity} mapping is named "${savedMapping}"`,
    );
  }
  const present = new Set(headers.map(normaliseHeader));
  const columns = Object.fromEntries(Object.entries(JSON.parse(saved.columns) as Record<string, string>).filter(([h]) => present.has(normaliseHeader(h))));
  return { mapping: { ...columns, ...mapping }, savedValues: JSON.parse(saved.value_map) as ValueMapping };
}

export function mergeValues(saved: ValueMapping, given: ValueMapping | undefined, mapped: ReadonlySet<string>): ValueMapping {
  const merged: ValueMapping = {};
  for (const [field, pairs] of Object.entries(saved)) if (mapped.has(field)) merged[field] = { ...pairs };
  for (const [field, pairs] of Object.entries(given ?? {})) merged[field] = { ...merged[field], ...pairs };
  return merged;
}

/** Saves (or replaces) the columns and values a run used under a name; returns the name as saved. */
export async function saveMapping(ctx: Ctx, entity: ImportEntity, nameGiven: string, columns: Record<string, string>, values: ValueMapping): Promise<string> {
  const name = nameGiven.trim();
  await saveImportMapping(ctx.db, {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    entity,
    name,
    name_key: mappingNameKey(name),
    columns: JSON.stringify(columns),
    value_map: JSON.stringify(values),
    updated_by: ctx.actor.userId,
    created_at: ctx.now(),
    updated_at: ctx.now(),
  });
  return name;
}

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
