// Heavy reads (KPIs, dashboards, CSV exports): each user may have only so many in flight on this
// node (HEAVY_REQUESTS_PER_USER; more answer 429 with Retry-After), and on PostgreSQL they run on
// the small bulk pool, so ten stage-KPI calls from one user can never take every connection the
// deals list of another user needs. A client that goes away cancels its statements there
// (db/cancellable.ts) rather than leaving them to run to the statement timeout.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { rateLimited } from '../errors.js';

/** Routes (as registered, by method) whose work grows with the workspace's history. */
export const HEAVY_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/v1/kpis/:id',
  'GET /api/v1/kpis/:id/trend',
  'GET /api/v1/kpis/:id/records',
  'GET /api/v1/dashboard',
  'GET /api/v1/dashboard/funnel',
  'GET /api/v1/dashboard/leads',
  'GET /api/v1/exports/accounts.csv',
  'GET /api/v1/exports/contacts.csv',
  'GET /api/v1/exports/deals.csv',
  'GET /api/v1/exports/activities.csv',
]);

/**
 * Routes that also read history, not limited per user (Home asks several at once, and the web app
 * does not retry a 429), whose reads on SQLite still run on the read worker's thread like the
 * heavy routes': a CSO's Home at 100k deals asks the weekly discipline index of every team, and on
 * the main thread that stopped the event loop for minutes (/healthz unanswered). On PostgreSQL they
 * stay on the interactive pool, under its statement timeout.
 */
export const HISTORY_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/v1/discipline-index',
  'GET /api/v1/cramming',
  'GET /api/v1/harvest-plan',
  'GET /api/v1/expectations',
  'GET /api/v1/forecast',
  'GET /api/v1/forecast/accuracy',
  'GET /api/v1/process/adherence',
  'GET /api/v1/process/adherence/deals',
  'GET /api/v1/process/adherence/moves',
  'GET /api/v1/process/calibration',
  'GET /api/v1/process/calibration/deals',
  'GET /api/v1/coaching-agenda',
  'GET /api/v1/coaching-focus',
  'GET /api/v1/coaching-focus/top',
  'GET /api/v1/rhythm/digest',
  'GET /api/v1/ritual-occurrences/:id/agenda',
  'GET /api/v1/deals/board',
  'GET /api/v1/deals/board/column',
]);

const RETRY_AFTER_SECONDS = 2;

declare module 'fastify' {
  interface FastifyRequest {
    heavyUser: string | null;
    heavyCancel: (() => Promise<number>) | null;
  }
}

export function registerHeavyRequestLimit(
  app: FastifyInstance,
  deps: { database: Database; config: Config },
  routes: ReadonlySet<string> = HEAVY_ROUTES,
  historyRoutes: ReadonlySet<string> = HISTORY_ROUTES,
): void {
  const inFlight = new Map<string, number>();
  const release = (request: FastifyRequest) => {
    const user = request.heavyUser;
    if (!user) return;
    request.heavyUser = null;
    const n = (inFlight.get(user) ?? 1) - 1;
    if (n <= 0) inFlight.delete(user);
    else inFlight.set(user, n);
  };
  app.decorateRequest('heavyUser', null);
  app.decorateRequest('heavyCancel', null);
  app.addHook('onRequest', async (request) => {
    const ctx = request.ctx;
    const route = `${request.method} ${request.routeOptions.url}`;
    if (ctx && historyRoutes.has(route) && deps.database.offThreadReads) {
      request.ctx = { ...ctx, db: deps.database.offThreadReads };
      return;
    }
    if (!ctx || !routes.has(route)) return;
    const user = ctx.actor.userId;
    const n = inFlight.get(user) ?? 0;
    if (n >= deps.config.heavyRequestsPerUser) {
      throw rateLimited(
        `You have ${n} dashboard, KPI or export requests running (at most ${deps.config.heavyRequestsPerUser} at once); try again when one has finished`,
        RETRY_AFTER_SECONDS,
      );
    }
    inFlight.set(user, n + 1);
    request.heavyUser = user;
    // SQLite: the bulk connection is for imports (writes); reads go to the read worker's thread.
    const cancellable = deps.database.cancellableBulk();
    if (cancellable) {
      request.ctx = { ...ctx, db: cancellable.db };
      request.heavyCancel = cancellable.cancel;
    } else if (deps.database.offThreadReads) {
      request.ctx = { ...ctx, db: deps.database.offThreadReads };
    }
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => {
    const cancel = request.heavyCancel;
    request.heavyCancel = null;
    try {
      await cancel?.();
    } finally {
      release(request);
    }
  });
}
