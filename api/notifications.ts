// The in-app inbox and notification preferences.
import { type Static, Type } from 'typebox';
import { Id, Instant, NullableInstant, Page, UserRef } from './common.js';

export const NotificationRecord = Type.Object(
  {
    type: Type.String({ description: 'deal, account, …' }),
    id: Id,
    name: Type.String(),
    path: Type.String({ description: 'Path of the record in the web app, e.g. /deals/…' }),
  },
  { description: 'The record the notification is about; null when you cannot read it (any more)' },
);

export const Notification = Type.Object({
  id: Id,
  kind: Type.String({ description: 'A kind from GET /api/v1/notifications/preferences' }),
  title: Type.String(),
  record: Type.Union([NotificationRecord, Type.Null()]),
  actor: Type.Union([UserRef, Type.Null()]),
  createdAt: Instant,
  readAt: NullableInstant,
});
export type Notification = Static<typeof Notification>;

export const NotificationPage = Page(Notification);
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
  },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCount>;

export const MarkedRead = Type.Object({ updated: Type.Integer({ minimum: 0 }) });

export const NotificationPreference = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  inApp: Type.Boolean(),
  email: Type.Boolean(),
});
export type NotificationPreference = Static<typeof NotificationPreference>;

export const NotificationPreferences = Type.Object({
  items: Type.Array(NotificationPreference),
  emailConfigured: Type.Boolean({ description: 'False when the server has no SMTP settings: email choices are kept but nothing is sent' }),
});
export type NotificationPreferences = Static<typeof NotificationPreferences>;

export const NotificationPreferencePatch = Type.Object(
  { inApp: Type.Optional(Type.Boolean()), email: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type NotificationPreferencePatch = Static<typeof NotificationPreferencePatch>;

export const KindParams = Type.Object({ kind: Type.String({ minLength: 1, maxLength: 100 }) });

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 1000 }) });

/** Marking read needs no fields; send {} (or nothing). */
export const NoFields = Type.Object({}, { additionalProperties: false });

/** What a mail client's one-click unsubscribe posts (RFC 8058), form-encoded; the token is in the URL. */
export const UnsubscribeForm = Type.Object({ 'List-Unsubscribe': Type.Optional(Type.Literal('One-Click')) });
