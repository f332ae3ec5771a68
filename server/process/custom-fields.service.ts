// Custom field definitions of deals, accounts and contacts (admin). A deal field a gate requires
// cannot be retired, and a key is never reused within its kind of record, so history and CSV
// columns (custom.<key>) keep one meaning.
import type { CustomField, CustomFieldCreate, CustomFieldEntity, CustomFieldPatch } from '../../api/pipelines.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, forbidden, invalidField, notFound, ruleViolation } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { newId } from '../ids.js';
import { criteriaUsing } from './criteria.repo.js';
import { findField, findFieldByKey, insertField, listFieldRows, toCustomField, updateField } from './custom-fields.repo.js';

const NOUN: Record<CustomFieldEntity, string> = { deal: 'deal', account: 'account', contact: 'contact' };

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

export async function listFields(ctx: Ctx, entity: CustomFieldEntity): Promise<CustomField[]> {
  if (entity === 'deal' && ctx.actor.role === 'marketing') throw forbidden('Deal fields are for sales roles');
  return fieldsInUse(ctx, entity);
}

export const listDealFields = (ctx: Ctx) => listFields(ctx, 'deal');

/**
 * The fields in use (retired ones left out), in the admin's order: what every path that checks,
 * imports or exports a record's values reads. No role check: whoever may write the record may fill them.
 */
export async function fieldsInUse(ctx: Ctx, entity: CustomFieldEntity): Promise<CustomField[]> {
  return (await listFieldRows(ctx.db, ctx.actor.workspaceId, entity)).map(toCustomField);
}

export const dealFieldsInUse = (ctx: Ctx) => fieldsInUse(ctx, 'deal');

export async function createField(ctx: Ctx, input: CustomFieldCreate): Promise<CustomField> {
  requireRole(ctx, 'admin');
  const entity = input.entity ?? 'deal';
  const options = checkOptions(input.type, input.options);
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const existing = await findFieldByKey(tx.db, ws, entity, input.key);
    if (existing) {
      throw existing.archived_at === null
        ? invalidField('key', `another ${NOUN[entity]} field has this key`)
        : invalidField('key', 'was used by a retired field; pick another key so old history keeps its meaning');
    }
    const position = input.position ?? (await listFieldRows(tx.db, ws, entity)).length;
    const row = {
      id: newId(),
      workspace_id: ws,
      entity,
      key: input.key,
      label: input.label.trim(),
      type: input.type,
      options: options ? JSON.stringify(options) : null,
      position,
      created_at: tx.now(),
      archived_at: null,
    };
    try {
      await insertField(tx.db, row);
    } catch (error) {
      if (tx.dialect.isUniqueViolation(error)) throw conflict(`Another ${NOUN[entity]} field with this key was just created`);
      throw error;
    }
    return toCustomField(row);
  });
}

/** `entity` null: the field of any kind with this id (the custom-fields routes); 'deal' for the deal-fields routes. */
export async function patchField(ctx: Ctx, entity: CustomFieldEntity | null, id: string, patch: CustomFieldPatch): Promise<CustomField> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const row = await findField(tx.db, ws, entity, id);
    if (!row) throw notFound('Custom field');
    const options = patch.options !== undefined ? checkOptions(row.type, patch.options) : undefined;
    await updateField(tx.db, ws, id, {
      ...(patch.label !== undefined && { label: patch.label.trim() }),
      ...(options !== undefined && { options: options ? JSON.stringify(options) : null }),
      ...(patch.position !== undefined && { position: patch.position }),
    });
    const after = await findField(tx.db, ws, entity, id);
    if (!after) throw notFound('Custom field');
    return toCustomField(after);
  });
}

export async function archiveField(ctx: Ctx, entity: CustomFieldEntity | null, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const row = await findField(tx.db, ws, entity, id);
    if (!row) throw notFound('Custom field');
    // Exit criteria name deal fields only.
    const using = row.entity === 'deal' ? await criteriaUsing(tx.db, ws, { field: `custom.${row.key}` }) : [];
    if (using.length > 0) {
      throw ruleViolation(`${row.label} is required by ${using.length} exit criteria; remove them first`, {
        criteria: using.map((c) => ({ id: c.id, label: c.label, stageId: c.stage_id })),
      });
    }
    await updateField(tx.db, ws, id, { archived_at: tx.now() });
  });
}
