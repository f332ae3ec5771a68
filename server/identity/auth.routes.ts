import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ErrorBody } from '../../api/common.js';
import { InvitationAccept, LoginBody, PasswordChange, SessionInfo, SetupBody, SetupStatus } from '../../api/identity.js';
import type { Config } from '../config.js';
import { ctxOf, SESSION_COOKIE } from '../http/auth-hook.js';
import { type App, type AppDeps, responses } from '../http/types.js';
import { hashSecret } from '../ids.js';
import { type AuthDeps, actorOf, login, logout } from './auth.service.js';
import { acceptInvitation } from './invitations.service.js';
import { changeOwnPassword, me } from './users.service.js';
import { getWorkspace, setupFirstWorkspace, setupNeeded } from './workspaces.service.js';

function setSessionCookie(reply: FastifyReply, config: Config, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: Math.floor(config.sessionTtlMs / 1000),
  });
}

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const authDeps: AuthDeps = { db: deps.database.db, config: deps.config, now: deps.now };
  const tags = ['auth'];

  const sessionInfo = async (ctx: ReturnType<typeof ctxOf>, csrfToken: string) => ({
    user: await me(ctx),
    workspace: await getWorkspace(ctx),
    csrfToken,
  });

  const signIn = async (reply: FastifyReply, email: string, password: string, ip: string, userAgent: string | null) => {
    const result = await login(authDeps, { email, password, ip, userAgent });
    setSessionCookie(reply, deps.config, result.sessionSecret);
    const ctx = {
      db: deps.database.db,
      dialect: deps.database.dialect,
      actor: actorOf(result.user, 'session'),
      now: deps.now,
      config: deps.config,
      memo: new Map(),
    };
    return sessionInfo(ctx, result.csrfToken);
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginBody,
        response: responses({ 200: SessionInfo, 429: ErrorBody }),
      },
    },
    async (request, reply) => {
      const info = await signIn(reply, request.body.email, request.body.password, request.ip, request.headers['user-agent'] ?? null);
      // The session this browser held before (another user's, or a planted one) ends here: one
      // browser, one live session.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await logout(authDeps, previous);
      return info;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'End the session on the server and clear the cookie', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await logout(authDeps, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    { schema: { tags, summary: 'The signed-in user, workspace and CSRF token', response: responses({ 200: SessionInfo }) } },
    async (request) => {
      const ctx = ctxOf(request);
      return sessionInfo(ctx, request.sessionCsrf ?? '');
    },
  );

  app.post(
    '/api/v1/auth/password',
    { schema: { tags, summary: 'Change your own password', body: PasswordChange, response: responses({ 204: Type.Null() }) } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const cookie = request.cookies[SESSION_COOKIE];
      const keep = ctx.actor.via === 'session' && cookie ? hashSecret(cookie) : null;
      await changeOwnPassword(ctx, request.body.currentPassword, request.body.newPassword, keep);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/setup',
    { config: { public: true }, schema: { tags, summary: 'Whether the first-run setup is still needed', response: { 200: SetupStatus } } },
    async () => ({ needed: await setupNeeded(deps.database.db) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'First run: create the workspace and its first admin, then sign in',
        body: SetupBody,
        response: responses({ 201: SessionInfo }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      await setupFirstWorkspace(
        deps.database,
        { name: b.workspaceName, currency: b.currency, timezone: b.timezone, admin: { email: b.email, name: b.name, password: b.password } },
        deps.now(),
      );
      const info = await signIn(reply, b.email, b.password, request.ip, request.headers['user-agent'] ?? null);
      return reply.status(201).send(info);
    },
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      config: { public: true },
      schema: { tags, summary: 'Accept an invitation: set a password and sign in', body: InvitationAccept, response: responses({ 201: SessionInfo }) },
    },
    async (request, reply) => {
      const user = await acceptInvitation(deps.database.db, request.body, deps.now());
      const info = await signIn(reply, user.email, request.body.password, request.ip, request.headers['user-agent'] ?? null);
      return reply.status(201).send(info);
    },
  );
}
