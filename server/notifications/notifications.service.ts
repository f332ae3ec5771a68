// Notifications: raising one (notify, inside the caller's transaction), the recipient's inbox,
// and per-kind preferences. Everything here acts for ctx.actor as the recipient; nobody reads
// another person's notifications.

import type { Kysely } from 'kysely';
import type {
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationPreference,
  NotificationPreferencePatch,
  NotificationPreferences,
} from '../../api/notifications.js';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import { decodeCursor, encodeCursor } from '../db/keyset.js';
import type { DB } from '../db/schema.js';
import { invalidField, notFound } from '../errors.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { enqueue } from '../jobs/jobs.service.js';
import { notificationEmailJob } from './email.jobs.js';
import type { Channels, NotificationKind } from './kind.js';
import { KINDS, kindById } from './kinds.js';
import { countUnread, findNotification, inboxPhase, insertNotification, markRead, preferencesOf, upsertPreference } from './notifications.repo.js';
import { renderForRecipient } from './render.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/** The recipient's channels for a kind: their choice, else the kind's defaults. */
// biome-ignore lint/suspicious/noExplicitAny: kinds with different payloads; each is typed where it is defined and sent
export async function channelsFor(db: Kysely<DB>, workspaceId: string, userId: string, kind: NotificationKind<any>): Promise<Channels> {
  const row = (await preferencesOf(db, workspaceId, userId)).find((p) => p.kind === kind.id);
  return row ? { inApp: row.in_app === 1, email: row.email === 1 } : kind.defaults;
}

export interface NotifyInput<D> {
  recipientId: string;
  recordId: string;
  data: D;
}

/**
 * Raises a notification for one recipient, in ctx's transaction: the inbox row, and the email
 * job when they want email and SMTP is configured. Nobody is notified of their own action.
 * Returns the notification id, or null when nothing was raised.
 */
export async function notify<D>(ctx: Ctx, kind: NotificationKind<D>, input: NotifyInput<D>): Promise<string | null> {
  if (input.recipientId === ctx.actor.userId) return null;
  const channels = await channelsFor(ctx.db, ctx.actor.workspaceId, input.recipientId, kind);
  if (!channels.inApp && !channels.email) return null;
  const id = newId();
  await insertNotification(ctx.db, {
    id,
    workspace_id: ctx.actor.workspaceId,
    recipient_id: input.recipientId,
    kind: kind.id,
    record_type: kind.record.type,
    record_id: input.recordId,
    actor_id: ctx.actor.userId,
    data: JSON.stringify(input.data ?? {}),
    in_app: channels.inApp ? 1 : 0,
    created_at: ctx.now(),
    read_at: null,
    emailed_at: null,
  });
  if (channels.email && ctx.config.smtp) {
    await enqueue(ctx, notificationEmailJob, { notificationId: id }, { workspaceId: ctx.actor.workspaceId, singletonKey: id });
  }
  return id;
}

const PHASES = ['unread', 'read'] as const;

/** The caller's inbox: every unread notification (newest first) before the read ones. */
export async function listNotifications(ctx: Ctx, query: NotificationListQuery): Promise<NotificationPage> {
  const limit = query.limit ?? 20;
  let phase: (typeof PHASES)[number] = 'unread';
  let after: [number, string] | null = null;
  if (query.cursor) {
    const decoded = PHASES.map((p) => {
      try {
        return [p, decodeCursor(query.cursor as string, p)] as const;
      } catch {
        return null;
      }
    }).find((d) => d !== null);
    if (!decoded) throw invalidField('cursor', 'is not a cursor returned by this list');
    phase = decoded[0];
    after = [Number(decoded[1][0]), decoded[1][1]];
  }
  const recipients = await ownerScope(ctx, 'notifications', 'read');
  const rows: Awaited<ReturnType<typeof inboxPhase>> = [];
  const phases = query.unread ? (['unread'] as const) : PHASES;
  for (const p of phases.slice(phases.indexOf(phase as never))) {
    const got = await inboxPhase(ctx.db, ctx.actor.workspaceId, recipients, p, p === phase ? after : null, limit + 1 - rows.length);
    rows.push(...got);
    if (rows.length > limit) break;
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last.created_at, last.id, last.read_at === null ? 'unread' : 'read') : null;
  return { items: await renderForRecipient(ctx, page), nextCursor };
}

export async function unreadCount(ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await countUnread(ctx.db, ctx.actor.workspaceId, await ownerScope(ctx, 'notifications', 'read')) };
}

/** Marks one of the caller's notifications read; another person's answers 404 like a missing one. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  const scope = await ownerScope(ctx, 'notifications', 'update');
  await markRead(ctx.db, ctx.actor.workspaceId, scope, ctx.now(), id);
  const row = await findNotification(ctx.db, id);
  if (!row || row.workspace_id !== ctx.actor.workspaceId || !scopeIncludes(scope, row.recipient_id) || row.in_app !== 1) throw notFound('Notification');
  const [item] = await renderForRecipient(ctx, [row]);
  return item as Notification;
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<{ updated: number }> {
  return { updated: await markRead(ctx.db, ctx.actor.workspaceId, await ownerScope(ctx, 'notifications', 'update'), ctx.now()) };
}

export async function notificationPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  const rows = new Map((await preferencesOf(ctx.db, ctx.actor.workspaceId, ctx.actor.userId)).map((r) => [r.kind, r]));
  const items = KINDS.map((k): NotificationPreference => {
    const row = rows.get(k.id);
    return { kind: k.id, label: k.label, inApp: row ? row.in_app === 1 : k.defaults.inApp, email: row ? row.email === 1 : k.defaults.email };
  });
  return { items, emailConfigured: ctx.config.smtp !== null };
}

export async function setNotificationPreference(ctx: Ctx, kindId: string, patch: NotificationPreferencePatch): Promise<NotificationPreference> {
  const kind = kindById(kindId);
  if (!kind) throw notFound('Notification kind');
  const current = await channelsFor(ctx.db, ctx.actor.workspaceId, ctx.actor.userId, kind);
  const next = { inApp: patch.inApp ?? current.inApp, email: patch.email ?? current.email };
  await upsertPreference(ctx.db, {
    user_id: ctx.actor.userId,
    kind: kind.id,
    workspace_id: ctx.actor.workspaceId,
    in_app: next.inApp ? 1 : 0,
    email: next.email ? 1 : 0,
    updated_at: ctx.now(),
  });
  return { kind: kind.id, label: kind.label, ...next };
}

export interface UnsubscribeDeps {
  db: Kysely<DB>;
  config: Config;
  now: () => number;
}

/** From an email's link, no session: turns that kind's email off. Null when the token is not valid. */
export async function unsubscribe(deps: UnsubscribeDeps, token: string): Promise<{ label: string } | null> {
  if (!deps.config.smtp) return null;
  const claim = readUnsubscribeToken(deps.config.smtp.linkSecret, token);
  const kind = claim && kindById(claim.kind);
  if (!claim || !kind) return null;
  const current = await channelsFor(deps.db, claim.workspaceId, claim.userId, kind);
  await upsertPreference(deps.db, {
    user_id: claim.userId,
    kind: kind.id,
    workspace_id: claim.workspaceId,
    in_app: current.inApp ? 1 : 0,
    email: 0,
    updated_at: deps.now(),
  });
  return { label: kind.label };
}
