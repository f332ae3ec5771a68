import type { Activity, ActivityCreate, ActivityListQuery, ActivityPatch } from '../../api/activities.js';
import { type Ctx, inTransaction } from '../context.js';
import { invalidField, notFound, stale } from '../errors.js';
import { ownerScope, ownerScopeOrNull } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { emitWebhookEvent } from '../ops/webhooks.service.js';
import {
  ACTIVITY_TRACKED,
  type ActivityChanges,
  type ActivityRow,
  findActivity,
  findActivityRow,
  insertActivity,
  listActivities as listActivityRows,
  softDeleteActivity,
  updateActivity,
} from './activities.repo.js';
import { diffFields, initialFields } from './field-diff.js';
import { appendChanges } from './history.repo.js';
import { checkReferences } from './references.service.js';

function instant(text: string, field: string): number {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw invalidField(field, 'must be an ISO 8601 date-time');
  return ms;
}

/** The list's query with its instants read (400 naming `from` or `to` when one is not an instant); the export reads it the same way. */
export function activityFilterOf<Q extends Pick<ActivityListQuery, 'from' | 'to'>>(query: Q): Omit<Q, 'from' | 'to'> & { from?: number; to?: number } {
  const from = query.from === undefined ? undefined : instant(query.from, 'from');
  const to = query.to === undefined ? undefined : instant(query.to, 'to');
  return { ...query, from, to };
}

export async function listActivities(ctx: Ctx, query: ActivityListQuery): Promise<{ items: Activity[]; nextCursor: string | null }> {
  const filter = activityFilterOf(query);
  const scope = await ownerScope(ctx, 'activities', 'read');
  return listActivityRows(ctx.db, ctx.dialect, ctx.actor.workspaceId, scope, await ownerScopeOrNull(ctx, 'deals', 'read'), filter);
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  const scope = await ownerScope(ctx, 'activities', 'read');
  const activity = await findActivity(ctx.db, ctx.actor.workspaceId, scope, await ownerScopeOrNull(ctx, 'deals', 'read'), id);
  if (!activity) throw notFound('Activity');
  return activity;
}

type Links = Pick<ActivityRow, 'deal_id' | 'contact_id' | 'account_id'>;
type LinkInput = Pick<ActivityCreate, 'dealId' | 'contactId' | 'accountId'>;

/**
 * The links after applying input to current. New links must be visible to the caller (checked in
 * crm/references.service.ts, like every write's). A deal brings its account (and its contact when
 * none is set), and a contact its account, so the activity shows on the account's timeline and in
 * account-filtered lists without a second look-up.
 */
async function resolveLinks(ctx: Ctx, current: Links & { owner_id: string | null }, input: LinkInput & { ownerId?: string | undefined }): Promise<Links> {
  const next: Links = {
    deal_id: input.dealId !== undefined ? input.dealId : current.deal_id,
    contact_id: input.contactId !== undefined ? input.contactId : current.contact_id,
    account_id: input.accountId !== undefined ? input.accountId : current.account_id,
  };
  const found = await checkReferences(
    ctx,
    'activities',
    { ownerId: input.ownerId, dealId: input.dealId, contactId: input.contactId, accountId: input.accountId },
    { ownerId: current.owner_id, dealId: current.deal_id, contactId: current.contact_id, accountId: current.account_id },
  );
  const dealAccount = found.dealId?.accountId ?? null;
  const contactAccount = found.contactId?.accountId ?? null;
  if (found.dealId && input.contactId === undefined && next.contact_id === null) next.contact_id = found.dealId.contactId;
  if (dealAccount !== null && input.accountId && input.accountId !== dealAccount) throw invalidField('accountId', 'is not the account of the deal');
  if (input.accountId === undefined) next.account_id = dealAccount ?? (current.account_id === null ? contactAccount : null) ?? current.account_id;
  return next;
}

export async function createActivity(ctx: Ctx, input: ActivityCreate, via = 'api'): Promise<Activity> {
  return inTransaction(ctx, async (tx) => {
    const ownerId = input.ownerId ?? ctx.actor.userId;
    const links = await resolveLinks(tx, { deal_id: null, contact_id: null, account_id: null, owner_id: null }, { ...input, ownerId });
    const now = tx.now();
    const occurredAt = instant(input.occurredAt, 'occurredAt');
    // A note records something already known, and a past activity is being logged after the fact.
    const completed = input.completed ?? (input.type === 'note' || occurredAt <= now);
    const row: ActivityRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      type: input.type,
      subject: input.subject.trim(),
      body: input.body?.trim() || null,
      ...links,
      owner_id: ownerId,
      occurred_at: occurredAt,
      duration_minutes: input.durationMinutes ?? null,
      // Logged after the fact, it was done when it happened; done ahead of time, it was done now.
      completed_at: completed ? Math.min(occurredAt, now) : null,
      external_id: input.externalId?.trim() || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    await insertActivity(tx.db, row);
    await appendChanges(
      tx.db,
      { workspaceId: row.workspace_id, entity: 'activity', entityId: row.id, actorId: ctx.actor.userId, at: now, via },
      initialFields(row, ACTIVITY_TRACKED),
    );
    const created = await getActivity(tx, row.id);
    await emitWebhookEvent(tx, 'activity.created', created);
    return created;
  });
}

export async function updateActivityById(ctx: Ctx, id: string, patch: ActivityPatch, via = 'api'): Promise<Activity> {
  return inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'activities', 'update');
    const current = await findActivityRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Activity');
    const links = await resolveLinks(tx, current, patch);
    const now = tx.now();
    const changes: ActivityChanges = {
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.subject !== undefined && { subject: patch.subject.trim() }),
      ...(patch.body !== undefined && { body: patch.body?.trim() || null }),
      ...links,
      ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
      ...(patch.occurredAt !== undefined && { occurred_at: instant(patch.occurredAt, 'occurredAt') }),
      ...(patch.durationMinutes !== undefined && { duration_minutes: patch.durationMinutes }),
      // Completing keeps the first completion instant; a later "done" click does not move it.
      ...(patch.completed !== undefined && { completed_at: patch.completed ? (current.completed_at ?? now) : null }),
      ...(patch.externalId !== undefined && { external_id: patch.externalId?.trim() || null }),
    };
    if (!(await updateActivity(tx.db, ctx.actor.workspaceId, id, patch.version, changes, now))) throw stale('Activity', current.version);
    await appendChanges(
      tx.db,
      { workspaceId: ctx.actor.workspaceId, entity: 'activity', entityId: id, actorId: ctx.actor.userId, at: now, via },
      diffFields(current, changes, ACTIVITY_TRACKED),
    );
    const updated = await getActivity(tx, id);
    await emitWebhookEvent(tx, 'activity.updated', updated);
    return updated;
  });
}

export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'activities', 'delete');
    const current = await findActivityRow(tx.db, ctx.actor.workspaceId, scope, id);
    if (!current) throw notFound('Activity');
    const now = tx.now();
    await softDeleteActivity(tx.db, ctx.actor.workspaceId, id, now);
    await emitWebhookEvent(tx, 'activity.deleted', { id });
    await appendChanges(tx.db, { workspaceId: ctx.actor.workspaceId, entity: 'activity', entityId: id, actorId: ctx.actor.userId, at: now, via: 'api' }, [
      { field: 'deleted', from: null, to: '1' },
    ]);
  });
}
