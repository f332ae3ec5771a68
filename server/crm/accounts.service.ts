import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '../../api/accounts.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, invalidInput, notFound, stale } from '../errors.js';
import { SHARED_ACCOUNTS_READABLE } from '../identity/policy.js';
import { ownerScope, ownerScopeOrNull } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { emitWebhookEvent } from '../ops/webhooks.service.js';
import { fieldsInUse } from '../process/custom-fields.service.js';
import {
  ACCOUNT_TRACKED,
  type AccountChanges,
  type AccountReader,
  type AccountRow,
  accountHasOpenWork,
  findAccount,
  findAccountRow,
  insertAccount,
  listAccounts as listAccountRows,
  softDeleteAccount,
  updateAccount,
} from './accounts.repo.js';
import { type CustomFieldDef, type CustomValue, customChanges, parseCustomJson, validateCustomValues } from './custom-values.js';
import { diffFields, initialFields } from './field-diff.js';
import { appendChanges } from './history.repo.js';
import { checkReferences } from './references.service.js';

/** The workspace's account custom fields in use, in their order (the admin defines them with the deal fields). */
export function accountCustomFields(ctx: Ctx): Promise<CustomFieldDef[]> {
  return fieldsInUse(ctx, 'account');
}

async function checkCustom(ctx: Ctx, values: Record<string, CustomValue>): Promise<Record<string, CustomValue>> {
  const result = validateCustomValues(await accountCustomFields(ctx), values);
  if (result.problems.length > 0) throw invalidInput(result.problems);
  return result.values;
}

const readsShared = (ctx: Ctx) => SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role);

/** The caller's reach over accounts, and over the deals an account's open-deal count may include. */
async function readerOf(ctx: Ctx): Promise<AccountReader> {
  return {
    scope: await ownerScope(ctx, 'accounts', 'read'),
    includeShared: readsShared(ctx),
    dealScope: await ownerScopeOrNull(ctx, 'deals', 'read'),
  };
}

export async function listAccounts(ctx: Ctx, query: AccountListQuery): Promise<{ items: Account[]; nextCursor: string | null }> {
  return listAccountRows(ctx.db, ctx.dialect, ctx.actor.workspaceId, await readerOf(ctx), query);
}

export async function getAccount(ctx: Ctx, id: string): Promise<Account> {
  const account = await findAccount(ctx.db, ctx.actor.workspaceId, await readerOf(ctx), id);
  if (!account) throw notFound('Account');
  return account;
}

const normaliseDomain = (d: string | null | undefined) =>
  d == null
    ? d
    : d
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '') || null;

export async function createAccount(ctx: Ctx, input: AccountCreate, via = 'api'): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    const ownerId = input.ownerId ?? ctx.actor.userId;
    await checkReferences(tx, 'accounts', { ownerId });
    const custom = input.custom ? await checkCustom(tx, input.custom) : {};
    const now = tx.now();
    const row: AccountRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      name: input.name.trim(),
      domain: normaliseDomain(input.domain) ?? null,
      industry: input.industry?.trim() || null,
      size: input.size ?? null,
      country: input.country?.trim() || null,
      owner_id: ownerId,
      shared: input.shared ? 1 : 0,
      custom: JSON.stringify(custom),
      external_id: input.externalId?.trim() || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    await insertAccount(tx.db, row);
    await appendChanges(tx.db, { workspaceId: row.workspace_id, entity: 'account', entityId: row.id, actorId: ctx.actor.userId, at: now, via }, [
      ...initialFields(row, ACCOUNT_TRACKED),
      ...customChanges({}, custom),
    ]);
    const created = await getAccount(tx, row.id);
    await emitWebhookEvent(tx, 'account.created', created);
    return created;
  });
}

export async function updateAccountById(ctx: Ctx, id: string, patch: AccountPatch, via = 'api'): Promise<Account> {
  return inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'accounts', 'update');
    const current = await findAccountRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Account');
    await checkReferences(tx, 'accounts', { ownerId: patch.ownerId }, { ownerId: current.owner_id });
    const beforeCustom = parseCustomJson(current.custom);
    const custom = patch.custom ? { ...beforeCustom, ...(await checkCustom(tx, patch.custom)) } : beforeCustom;
    const changes: AccountChanges = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.domain !== undefined && { domain: normaliseDomain(patch.domain) ?? null }),
      ...(patch.industry !== undefined && { industry: patch.industry?.trim() || null }),
      ...(patch.size !== undefined && { size: patch.size }),
      ...(patch.country !== undefined && { country: patch.country?.trim() || null }),
      ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
      ...(patch.shared !== undefined && { shared: patch.shared ? 1 : 0 }),
      ...(patch.externalId !== undefined && { external_id: patch.externalId?.trim() || null }),
      ...(patch.custom !== undefined && { custom: JSON.stringify(custom) }),
    };
    const now = tx.now();
    if (!(await updateAccount(tx.db, ctx.actor.workspaceId, id, patch.version, changes, now))) throw stale('Account', current.version);
    await appendChanges(tx.db, { workspaceId: ctx.actor.workspaceId, entity: 'account', entityId: id, actorId: ctx.actor.userId, at: now, via }, [
      ...diffFields(current, changes, ACCOUNT_TRACKED),
      ...customChanges(beforeCustom, custom),
    ]);
    const updated = await getAccount(tx, id);
    await emitWebhookEvent(tx, 'account.updated', updated);
    return updated;
  });
}

export async function deleteAccount(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'accounts', 'delete');
    const current = await findAccountRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Account');
    if (await accountHasOpenWork(tx.db, ctx.actor.workspaceId, id)) throw conflict('This account has open deals; close or move them first');
    const now = tx.now();
    await softDeleteAccount(tx.db, ctx.actor.workspaceId, id, now);
    await emitWebhookEvent(tx, 'account.deleted', { id });
    await appendChanges(tx.db, { workspaceId: ctx.actor.workspaceId, entity: 'account', entityId: id, actorId: ctx.actor.userId, at: now, via: 'api' }, [
      { field: 'deleted', from: null, to: '1' },
    ]);
  });
}
