import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../../api/contacts.js';
import { type Ctx, inTransaction } from '../context.js';
import { invalidField, invalidInput, notFound, stale } from '../errors.js';
import { SHARED_ACCOUNTS_READABLE } from '../identity/policy.js';
import { ownerScope } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { emitWebhookEvent } from '../ops/webhooks.service.js';
import { fieldsInUse } from '../process/custom-fields.service.js';
import {
  CONTACT_TRACKED,
  type ContactChanges,
  type ContactRow,
  findContact,
  findContactRow,
  insertContact,
  listContacts as listContactRows,
  softDeleteContact,
  updateContact,
} from './contacts.repo.js';
import { type CustomFieldDef, type CustomValue, customChanges, parseCustomJson, validateCustomValues } from './custom-values.js';
import { diffFields, initialFields } from './field-diff.js';
import { appendChanges } from './history.repo.js';
import { checkReferences, NOT_VISIBLE } from './references.service.js';

/** The workspace's contact custom fields in use, in their order (the admin defines them with the deal fields). */
export function contactCustomFields(ctx: Ctx): Promise<CustomFieldDef[]> {
  return fieldsInUse(ctx, 'contact');
}

async function checkCustom(ctx: Ctx, values: Record<string, CustomValue>): Promise<Record<string, CustomValue>> {
  const result = validateCustomValues(await contactCustomFields(ctx), values);
  if (result.problems.length > 0) throw invalidInput(result.problems);
  return result.values;
}

/** Contacts of shared accounts are readable wherever the shared account is. */
const readsShared = (ctx: Ctx) => SHARED_ACCOUNTS_READABLE.includes(ctx.actor.role);

export async function listContacts(ctx: Ctx, query: ContactListQuery): Promise<{ items: Contact[]; nextCursor: string | null }> {
  const scope = await ownerScope(ctx, 'contacts', 'read');
  return listContactRows(ctx.db, ctx.dialect, ctx.actor.workspaceId, scope, readsShared(ctx), query);
}

export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  const scope = await ownerScope(ctx, 'contacts', 'read');
  const contact = await findContact(ctx.db, ctx.actor.workspaceId, scope, readsShared(ctx), id);
  if (!contact) throw notFound('Contact');
  return contact;
}

/** A readable contact, for linking to it; a 400 naming the field otherwise, the same as for a missing one. */
export async function assertReadableContact(ctx: Ctx, id: string, field = 'contactId'): Promise<Contact> {
  const scope = await ownerScope(ctx, 'contacts', 'read');
  const contact = await findContact(ctx.db, ctx.actor.workspaceId, scope, readsShared(ctx), id);
  if (!contact) throw invalidField(field, NOT_VISIBLE.contacts);
  return contact;
}

/** Emails are matched (duplicates, lead intake, imports) case-insensitively, so they are stored lowercase. */
const normaliseEmail = (e: string | null | undefined) => (e == null ? null : e.trim().toLowerCase() || null);
const cleanText = (t: string | null | undefined) => t?.trim() || null;

export async function createContact(ctx: Ctx, input: ContactCreate, via = 'api'): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const ownerId = input.ownerId ?? ctx.actor.userId;
    await checkReferences(tx, 'contacts', { ownerId, accountId: input.accountId });
    const custom = input.custom ? await checkCustom(tx, input.custom) : {};
    const now = tx.now();
    const row: ContactRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      account_id: input.accountId ?? null,
      first_name: input.firstName.trim(),
      last_name: input.lastName.trim(),
      email: normaliseEmail(input.email),
      phone: cleanText(input.phone),
      title: cleanText(input.title),
      owner_id: ownerId,
      custom: JSON.stringify(custom),
      external_id: cleanText(input.externalId),
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    await insertContact(tx.db, row);
    await appendChanges(tx.db, { workspaceId: row.workspace_id, entity: 'contact', entityId: row.id, actorId: ctx.actor.userId, at: now, via }, [
      ...initialFields(row, CONTACT_TRACKED),
      ...customChanges({}, custom),
    ]);
    const created = await getContact(tx, row.id);
    await emitWebhookEvent(tx, 'contact.created', created);
    return created;
  });
}

export async function updateContactById(ctx: Ctx, id: string, patch: ContactPatch, via = 'api'): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'contacts', 'update');
    const current = await findContactRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Contact');
    // Only a new link is checked: a contact keeps its account even if that account later leaves the caller's reach.
    await checkReferences(tx, 'contacts', { ownerId: patch.ownerId, accountId: patch.accountId }, { ownerId: current.owner_id, accountId: current.account_id });
    const beforeCustom = parseCustomJson(current.custom);
    const custom = patch.custom ? { ...beforeCustom, ...(await checkCustom(tx, patch.custom)) } : beforeCustom;
    const changes: ContactChanges = {
      ...(patch.firstName !== undefined && { first_name: patch.firstName.trim() }),
      ...(patch.lastName !== undefined && { last_name: patch.lastName.trim() }),
      ...(patch.accountId !== undefined && { account_id: patch.accountId }),
      ...(patch.email !== undefined && { email: normaliseEmail(patch.email) }),
      ...(patch.phone !== undefined && { phone: cleanText(patch.phone) }),
      ...(patch.title !== undefined && { title: cleanText(patch.title) }),
      ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
      ...(patch.externalId !== undefined && { external_id: cleanText(patch.externalId) }),
      ...(patch.custom !== undefined && { custom: JSON.stringify(custom) }),
    };
    const now = tx.now();
    if (!(await updateContact(tx.db, ctx.actor.workspaceId, id, patch.version, changes, now))) throw stale('Contact', current.version);
    await appendChanges(tx.db, { workspaceId: ctx.actor.workspaceId, entity: 'contact', entityId: id, actorId: ctx.actor.userId, at: now, via }, [
      ...diffFields(current, changes, CONTACT_TRACKED),
      ...customChanges(beforeCustom, custom),
    ]);
    const updated = await getContact(tx, id);
    await emitWebhookEvent(tx, 'contact.updated', updated);
    return updated;
  });
}

export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'contacts', 'delete');
    const current = await findContactRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Contact');
    const now = tx.now();
    await softDeleteContact(tx.db, ctx.actor.workspaceId, id, now);
    await emitWebhookEvent(tx, 'contact.deleted', { id });
    await appendChanges(tx.db, { workspaceId: ctx.actor.workspaceId, entity: 'contact', entityId: id, actorId: ctx.actor.userId, at: now, via: 'api' }, [
      { field: 'deleted', from: null, to: '1' },
    ]);
  });
}
