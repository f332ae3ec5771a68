// The person's calendar feed: its state, a new secret address (shown once), revocation — and the
// feed itself, served without a session to calendar apps: the secret in the path is the credential.
import type { FastifyRequest } from 'fastify';
import { CalendarFeed, CalendarFeedCreated, FeedParams, FeedRegenerate } from '../../api/rituals.js';
import { AppError } from '../errors.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, type AppDeps, responses } from '../http/types.js';
import { feedText, myFeed, regenerateFeed, revokeFeed } from './calendar-feed.service.js';

function baseUrlOf(req: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.host}`;
}

export function registerCalendarFeedRoutes(app: App, deps: AppDeps): void {
  const tags = ['rhythm'];
  app.get(
    '/api/v1/calendar-feed',
    { schema: { tags, summary: 'Your calendar feed: whether an address is live, when it was last read', response: responses({ 200: CalendarFeed }) } },
    async (req) => myFeed(ctxOf(req)),
  );
  app.post(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'A new secret feed address (shown once; the previous one stops working)',
        body: FeedRegenerate,
        response: responses({ 201: CalendarFeedCreated }),
      },
    },
    async (req, reply) => reply.code(201).send(await regenerateFeed(ctxOf(req), baseUrlOf(req, deps.config.publicUrl))),
  );
  app.delete(
    '/api/v1/calendar-feed',
    { schema: { tags, summary: 'Revoke your feed address: calendar apps stop receiving updates', response: responses({ 200: CalendarFeed }) } },
    async (req) => revokeFeed(ctxOf(req)),
  );
  app.get(
    '/feeds/calendar/:token',
    {
      schema: {
        tags,
        summary: 'A person’s iCalendar feed (text/calendar): rituals, coaching sessions, planned meetings. The secret address is the credential.',
        params: FeedParams,
        security: [],
      },
      config: { public: true },
    },
    async (req, reply) => {
      const secret = req.params.token.replace(/\.ics$/, '');
      const text = await feedText(deps, secret, baseUrlOf(req, deps.config.publicUrl));
      if (text === null) throw new AppError('not_found', 'Calendar feed not found (revoked or never issued)');
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(text);
    },
  );
}
