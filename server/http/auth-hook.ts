// Authenticates every /api/v1 request (cookie session or Bearer token) and builds its Ctx.
// Cookie-authenticated writes must carry the session's CSRF token and a same-origin Origin.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { type AuthDeps, authenticateSession, authenticateToken } from '../identity/auth.service.js';

export const SESSION_COOKIE = 'furrow_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx | null;
    sessionCsrf: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without signing in (login, setup, health, invitation acceptance). */
    public?: boolean;
  }
}

/** The Ctx of an authenticated request; routes marked public never call this. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.ctx) throw new AppError('unauthenticated', 'Sign in first');
  return request.ctx;
}

function sameOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients and same-origin GET-initiated forms omit it
  if (config.publicUrl) return origin === config.publicUrl;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function registerAuthHook(app: FastifyInstance, deps: { database: Database; config: Config; now: () => number }): void {
  const authDeps: AuthDeps = { db: deps.database.db, config: deps.config, now: deps.now };
  app.decorateRequest('ctx', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const makeCtx = (actor: Ctx['actor']): Ctx => ({
      db: deps.database.db,
      dialect: deps.database.dialect,
      actor,
      now: deps.now,
      config: deps.config,
      memo: new Map(),
      ip: request.ip,
    });

    const authz = request.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      const actor = await authenticateToken(authDeps, authz.slice(7).trim());
      if (!actor) throw new AppError('unauthenticated', 'The API token is unknown or revoked');
      request.ctx = makeCtx(actor);
      return;
    }

    const isPublic = request.routeOptions.config?.public === true;
    const unsafe = !SAFE_METHODS.has(request.method);
    // Public writes (login, setup) still refuse cross-site posts: no logging a victim into an attacker's account.
    if (isPublic && unsafe && !sameOrigin(request, deps.config)) throw new AppError('forbidden', 'Cross-origin request refused');

    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await authenticateSession(authDeps, cookie) : null;
    if (session) {
      const csrfOk = !unsafe || (request.headers[CSRF_HEADER] === session.csrfToken && sameOrigin(request, deps.config));
      if (csrfOk) {
        request.ctx = makeCtx(session.actor);
        request.sessionCsrf = session.csrfToken;
        return;
      }
      if (!isPublic) throw new AppError('forbidden', 'Missing or wrong CSRF token; reload the page and try again');
    }
    if (isPublic) return;
    throw new AppError('unauthenticated', 'Sign in first');
  });
}
