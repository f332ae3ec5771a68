// Qualification frameworks (MEDDPICC, BANT, SPICED built in; custom ones by admins) and the
// scores of a deal on them: each element 0–3 with evidence; the total can gate a stage.

import type { Kysely } from 'kysely';
import type { QualificationFramework, QualificationFrameworkCreate, QualificationFrameworkPatch } from '../../api/qualification.js';
import { type Ctx, inTransaction, memo } from '../context.js';
import type { DB } from '../db/schema.js';
import { forbidden, invalidField, invalidInput, notFound, ruleViolation, stale } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { newId } from '../ids.js';
import { criteriaUsing } from './criteria.repo.js';
import {
  bumpFramework,
  type ElementRow,
  type FrameworkRow,
  findFramework,
  findFrameworkByKey,
  insertElementsIfMissing,
  insertFrameworkIfMissing,
  listElementRows,
  listFrameworkRows,
  toFramework,
  updateElement,
} from './qualification.repo.js';
import { BUILTIN_FRAMEWORKS } from './qualification-builtins.js';

export const slugKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'f_$1')
    .slice(0, 40) || 'element';

/** Inserts the built-in frameworks a workspace lacks. Idempotent: existing keys are skipped. */
export async function seedBuiltinFrameworks(db: Kysely<DB>, workspaceId: string, now: number): Promise<void> {
  for (const t of BUILTIN_FRAMEWORKS) {
    await insertFrameworkIfMissing(db, {
      id: newId(),
      workspace_id: workspaceId,
      key: t.key,
      name: t.name,
      description: t.description,
      builtin: 1,
      created_at: now,
      updated_at: now,
      archived_at: null,
      version: 1,
    });
    const f = await findFrameworkByKey(db, workspaceId, t.key);
    if (!f) continue;
    await insertElementsIfMissing(
      db,
      t.elements.map((e, i) => ({
        id: newId(),
        workspace_id: workspaceId,
        framework_id: f.id,
        key: e.key,
        label: e.label,
        description: e.description,
        position: i + 1,
        archived_at: null,
      })),
    );
  }
}

/**
 * Seeds the built-in frameworks the first time a workspace uses qualification, in one transaction
 * and safe under concurrency (inserts skip existing keys), so no migration has to know about workspaces.
 */
export function ensureBuiltinFrameworks(ctx: Ctx): Promise<void> {
  return memo(ctx, 'builtinFrameworks', async () => {
    const have = (await listFrameworkRows(ctx.db, ctx.actor.workspaceId)).filter((f) => f.builtin === 1).length;
    if (have >= BUILTIN_FRAMEWORKS.length) return;
    await inTransaction(ctx, (tx) => seedBuiltinFrameworks(tx.db, ctx.actor.workspaceId, tx.now()));
  });
}

function assertSalesRole(ctx: Ctx): void {
  if (ctx.actor.role === 'marketing') throw forbidden('Qualification is for sales roles');
}

export async function listFrameworks(ctx: Ctx): Promise<QualificationFramework[]> {
  assertSalesRole(ctx);
  await ensureBuiltinFrameworks(ctx);
  const rows = await listFrameworkRows(ctx.db, ctx.actor.workspaceId);
  const elements = await listElementRows(
    ctx.db,
    ctx.actor.workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toFramework(r, elements));
}

async function frameworkView(ctx: Ctx, id: string): Promise<QualificationFramework> {
  const f = await findFramework(ctx.db, ctx.actor.workspaceId, id);
  if (!f || f.archived_at !== null) throw notFound('Qualification framework');
  return toFramework(f, await listElementRows(ctx.db, ctx.actor.workspaceId, [id]));
}

/** Element keys: given or derived from the label; unique within the framework. */
function elementKeys(elements: QualificationFrameworkCreate['elements']): string[] {
  const keys = elements.map((e) => e.key ?? slugKey(e.label));
  const problems = keys.flatMap((k, i) => (keys.indexOf(k) !== i ? [{ field: `elements.${i}.key`, message: `${k} is used by another element` }] : []));
  if (problems.length > 0) throw invalidInput(problems);
  return keys;
}

export async function createFramework(ctx: Ctx, input: QualificationFrameworkCreate): Promise<QualificationFramework> {
  requireRole(ctx, 'admin');
  await ensureBuiltinFrameworks(ctx);
  const keys = elementKeys(input.elements);
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const key = input.key ?? slugKey(input.name);
    if (await findFrameworkByKey(tx.db, ws, key)) throw invalidField(input.key ? 'key' : 'name', `a framework with the key ${key} exists`);
    const now = tx.now();
    const id = newId();
    await insertFrameworkIfMissing(tx.db, {
      id,
      workspace_id: ws,
      key,
      name: input.name.trim(),
      description: input.description?.trim() || null,
      builtin: 0,
      created_at: now,
      updated_at: now,
      archived_at: null,
      version: 1,
    });
    await insertElementsIfMissing(
      tx.db,
      input.elements.map((e, i) => ({
        id: newId(),
        workspace_id: ws,
        framework_id: id,
        key: keys[i] as string,
        label: e.label.trim(),
        description: e.description?.trim() || null,
        position: i + 1,
        archived_at: null,
      })),
    );
    return frameworkView(tx, id);
  });
}

async function customFramework(ctx: Ctx, id: string, version: number): Promise<FrameworkRow> {
  const f = await findFramework(ctx.db, ctx.actor.workspaceId, id);
  if (!f || f.archived_at !== null) throw notFound('Qualification framework');
  if (f.builtin === 1) throw ruleViolation(`${f.name} is built in and cannot be changed; create a custom framework instead`);
  if (f.version !== version) throw stale('Qualification framework', f.version);
  return f;
}

export async function patchFramework(ctx: Ctx, id: string, patch: QualificationFrameworkPatch): Promise<QualificationFramework> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const f = await customFramework(tx, id, patch.version);
    const now = tx.now();
    if (patch.elements) {
      const keys = elementKeys(patch.elements);
      const existing = await listElementRows(tx.db, ws, [id]);
      const byKey = new Map(existing.map((e) => [e.key, e]));
      const fresh: ElementRow[] = [];
      for (const [i, e] of patch.elements.entries()) {
        const key = keys[i] as string;
        const old = byKey.get(key);
        const values = { label: e.label.trim(), description: e.description?.trim() || null, position: i + 1, archived_at: null };
        if (old) await updateElement(tx.db, old.id, values);
        else fresh.push({ id: newId(), workspace_id: ws, framework_id: id, key, ...values });
      }
      await insertElementsIfMissing(tx.db, fresh);
      // A retired element keeps its scores for history but no longer counts towards the total.
      for (const old of existing) if (!keys.includes(old.key) && old.archived_at === null) await updateElement(tx.db, old.id, { archived_at: now });
    }
    const ok = await bumpFramework(
      tx.db,
      ws,
      id,
      f.version,
      {
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.description !== undefined && { description: patch.description?.trim() || null }),
      },
      now,
    );
    if (!ok) throw stale('Qualification framework', f.version);
    return frameworkView(tx, id);
  });
}

export async function archiveFramework(ctx: Ctx, id: string, version: number): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const f = await customFramework(tx, id, version);
    const using = await criteriaUsing(tx.db, ctx.actor.workspaceId, { frameworkId: id });
    if (using.length > 0) {
      throw ruleViolation(`${f.name} is used by ${using.length} exit criteria; remove them first`, {
        criteria: using.map((c) => ({ id: c.id, label: c.label, stageId: c.stage_id })),
      });
    }
    if (!(await bumpFramework(tx.db, ctx.actor.workspaceId, id, version, { archived_at: tx.now() }, tx.now())))
      throw stale('Qualification framework', f.version);
  });
}
