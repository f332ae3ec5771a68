// Deal custom field definitions (admin). A field a gate requires cannot be retired, and a key is
// never reused, so history and CSV columns (custom.<key>) keep one meaning.
import type { CustomField, CustomFieldCreate, CustomFieldPatch } from '../../api/pipelines.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, forbidden, invalidField, notFound, ruleViolation } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { newId } from '../ids.js';
import { criteriaUsing } from './criteria.repo.js';
import { findDealField, findDealFieldByKey, insertDealField, listDealFieldRows, toCustomField, updateDealField } from './custom-fields.repo.js';

function checkOptions(type: string, options: readonly string[] | undefined): string[] | null {
  if (type !== 'select') {
    if (options !== undefined) throw invalidField('options', 'only a select field has options');
    return null;
  }
  if (!options || options.length === 0) throw invalidField('options', 'a select field needs at least one option');
  const trimmed = options.map((o) => o.trim());
  const dup = trimmed.findIndex((o, i) => trimmed.indexOf(o) !== i);
  if (dup >= 0) throw invalidField(`options.${dup}`, 'is listed twice');
  return trimmed;
}

export async function listDealFields(ctx: Ctx): Promise<CustomField[]> {
  if (ctx.actor.role === 'marketing') throw forbidden('Deal fields are for sales roles');
  return dealFieldsInUse(ctx);
}

/**
 * The fields in use (retired ones left out), in the admin's order: what every path that checks,
 * imports or exports deal values reads. No role check: whoever may write the deal may fill them.
 */
export async function dealFieldsInUse(ctx: Ctx): Promise<CustomField[]> {
  return (await listDealFieldRows(ctx.db, ctx.actor.workspaceId)).map(toCustomField);
}

export async function createDealField(ctx: Ctx, input: CustomFieldCreate): Promise<CustomField> {
  requireRole(ctx, 'admin');
  const options = checkOptions(input.type, input.options);
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const existing = await findDealFieldByKey(tx.db, ws, input.key);
    if (existing) {
      throw existing.archived_at === null
        ? invalidField('key', 'another deal field has this key')
        : invalidField('key', 'was used by a retired field; pick another key so old history keeps its meaning');
    }
    const position = input.position ?? (await listDealFieldRows(tx.db, ws)).length;
    const row = {
      id: newId(),
      workspace_id: ws,
      entity: 'deal' as const,
      key: input.key,
      label: input.label.trim(),
      type: input.type,
      options: options ? JSON.stringify(options) : null,
      position,
      created_at: tx.now(),
      archived_at: null,
    };
    try {
      await insertDealField(tx.db, row);
    } catch (error) {
      if (tx.dialect.isUniqueViolation(error)) throw conflict('Another deal field with this key was just created');
      throw error;
    }
    return toCustomField(row);
  });
}

export async function patchDealField(ctx: Ctx, id: string, patch: CustomFieldPatch): Promise<CustomField> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const row = await findDealField(tx.db, ws, id);
    if (!row) throw notFound('Deal field');
    const options = patch.options !== undefined ? checkOptions(row.type, patch.options) : undefined;
    await updateDealField(tx.db, ws, id, {
      ...(patch.label !== undefined && { label: patch.label.trim() }),
      ...(options !== undefined && { options: options ? JSON.stringify(options) : null }),
      ...(patch.position !== undefined && { position: patch.position }),
    });
    const after = await findDealField(tx.db, ws, id);
    if (!after) throw notFound('Deal field');
    return toCustomField(after);
  });
}

export async function archiveDealField(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const row = await findDealField(tx.db, ws, id);
    if (!row) throw notFound('Deal field');
    const using = await criteriaUsing(tx.db, ws, { field: `custom.${row.key}` });
    if (using.length > 0) {
      throw ruleViolation(`${row.label} is required by ${using.length} exit criteria; remove them first`, {
        criteria: using.map((c) => ({ id: c.id, label: c.label, stageId: c.stage_id })),
      });
    }
    await updateDealField(tx.db, ws, id, { archived_at: tx.now() });
  });
}
