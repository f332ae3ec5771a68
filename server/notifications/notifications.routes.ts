import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParams } from '../../api/common.js';
import {
  KindParams,
  MarkedRead,
  NoFields,
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationPreference,
  NotificationPreferencePatch,
  NotificationPreferences,
  UnreadCount,
  UnsubscribeForm,
  UnsubscribeQuery,
} from '../../api/notifications.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, type AppDeps, responses } from '../http/types.js';
import { escapeHtml } from './html.js';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationPreferences,
  setNotificationPreference,
  unreadCount,
  unsubscribe,
} from './notifications.service.js';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · Furrow</title></head><body style="font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</main></body></html>`;

export function registerNotificationRoutes(app: App, deps: AppDeps): void {
  const tags = ['notifications'];
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications: unread first, newest first',
        querystring: NotificationListQuery,
        response: responses({ 200: NotificationPage }),
      },
    },
    async (req) => listNotifications(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, summary: 'How many of your notifications are unread (the bell)', response: responses({ 200: UnreadCount }) } },
    async (req) => unreadCount(ctxOf(req)),
  );
  app.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: 'Mark all your notifications read', body: Type.Optional(NoFields), response: responses({ 200: MarkedRead }) } },
    async (req) => markAllNotificationsRead(ctxOf(req)),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: IdParams,
        body: Type.Optional(NoFields),
        response: responses({ 200: Notification }),
      },
    },
    async (req) => markNotificationRead(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/notifications/preferences',
    { schema: { tags, summary: 'Your channels per notification kind (the catalogue)', response: responses({ 200: NotificationPreferences }) } },
    async (req) => notificationPreferences(ctxOf(req)),
  );
  app.patch(
    '/api/v1/notifications/preferences/:kind',
    {
      schema: {
        tags,
        summary: 'Choose in-app and email for one kind (both off = off)',
        params: KindParams,
        body: NotificationPreferencePatch,
        response: responses({ 200: NotificationPreference }),
      },
    },
    async (req) => setNotificationPreference(ctxOf(req), req.params.kind, req.body),
  );

  // The email's unsubscribe link: no session. GET only asks (mail scanners follow links); the
  // button, and mail clients' one-click (RFC 8058), POST.
  const unsubscribeDeps = { db: deps.database.db, config: deps.config, now: deps.now };
  const invalid = page(
    'This link does not work',
    '<p>The unsubscribe link is not valid (it may be cut short). Change your email settings in Furrow under Settings → Notifications.</p>',
  );
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
    scope.get(
      '/api/v1/notifications/unsubscribe',
      {
        config: { public: true },
        schema: { tags, summary: 'Confirm page of an email’s unsubscribe link', querystring: UnsubscribeQuery, produces: ['text/html'] },
      },
      async (req, reply) => {
        const form = `<form method="post" action="/api/v1/notifications/unsubscribe?token=${encodeURIComponent(req.query.token)}"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">Stop these emails</button></form>`;
        return reply.type('text/html').send(page('Stop these emails?', `<p>You will still see these notifications in Furrow if they are on there.</p>${form}`));
      },
    );
    scope.post(
      '/api/v1/notifications/unsubscribe',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Turn one kind’s email off (signed link, no session)',
          querystring: UnsubscribeQuery,
          body: Type.Optional(UnsubscribeForm),
          consumes: ['application/x-www-form-urlencoded'],
          // A bad request answers in the one error shape (a string-only 400 printed it as "[object Object]"); a bad token, the page.
          response: { 200: Type.String(), 400: Type.Union([ErrorBody, Type.String()]) },
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const done = await unsubscribe(unsubscribeDeps, req.query.token);
        if (!done) return reply.status(400).type('text/html').send(invalid);
        return reply
          .type('text/html')
          .send(
            page(
              'Unsubscribed',
              `<p>You will no longer get emails for “${escapeHtml(done.label)}”. Turn them on again in Furrow under Settings → Notifications.</p>`,
            ),
          );
      },
    );
  });
}
