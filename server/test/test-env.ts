// One test body, looped over the engines: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
// Each test makes its own workspace, so tests never depend on order or on each other.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { ErrorBody, FieldProblem } from '../../api/common.js';
import type { GateBlockedDetails } from '../../api/deals.js';
import type { ImportResult } from '../../api/imports.js';
import type { ResponseBody } from '../../api/routes.js';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { Actor, Ctx } from '../context.js';
import { type Database, openDatabase } from '../db/database.js';
import type { Engine } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrator.js';
import type { Role } from '../db/schema/identity.js';
import type { App } from '../http/types.js';
import { hashPassword } from '../identity/passwords.js';
import { createWorkspace } from '../identity/workspaces.service.js';
import { hashSecret, newId, newSecret } from '../ids.js';
import { createScratchDatabase, dropScratchDatabase } from './pg-admin.js';

export const TEST_PASSWORD = 'correct horse battery';

let passwordHash: Promise<string> | undefined;
/** argon2id is slow by design; tests hash the shared password once per worker. */
const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** Bearer token acting as this user. */
  token: string;
}

export interface Clock {
  now: number;
}

/**
 * An error's details as tests read them: each kind of details the server sends (a field list, a gate's missing
 * criteria, an import's row errors, a bulk move's blocked deals), by its key; a test asserts the one it expects.
 */
interface TestErrorDetails extends GateBlockedDetails {
  fields: FieldProblem[];
  errors: ImportResult['errors'];
  deals: GateBlockedDetails[];
}

/** The one error shape (api/common.ts ErrorBody) with its details readable. */
export type TestError = Omit<ErrorBody['error'], 'details'> & { details: TestErrorDetails };

/**
 * A response: `body` is the route's success body (api/routes.ts, by method and URL) or, when the status is not
 * 2xx, the one error shape, read as `body.error?.…` (absent on success). The status is asserted first, so the
 * body is typed as the success it must be, rather than as a union every read would have to narrow.
 */
export interface Response<T = unknown> {
  status: number;
  body: T & { readonly error?: TestError };
  headers: LightMyRequestResponse['headers'];
}

/** Typed by the URL as written (`/api/v1/deals/${id}?limit=5`): unknown for a path no route declares a schema for. */
export interface Client {
  get<Url extends string>(url: Url): Promise<Response<ResponseBody<'GET', Url>>>;
  post<Url extends string>(url: Url, body?: unknown): Promise<Response<ResponseBody<'POST', Url>>>;
  patch<Url extends string>(url: Url, body?: unknown): Promise<Response<ResponseBody<'PATCH', Url>>>;
  put<Url extends string>(url: Url, body?: unknown): Promise<Response<ResponseBody<'PUT', Url>>>;
  delete<Url extends string>(url: Url): Promise<Response<ResponseBody<'DELETE', Url>>>;
}

export interface TestWorkspace {
  id: string;
  admin: TestUser;
  user(role: Role, options?: { teamId?: string | null; name?: string }): Promise<TestUser>;
  /** A team, optionally below a parent and managed by a user. */
  team(name: string, options?: { parentId?: string | null; managerId?: string | null }): Promise<string>;
  as(user: TestUser): Client;
  ctx(user: TestUser): Ctx;
}

export interface TestEnv {
  engine: Engine;
  database: Database;
  app: App;
  config: Config;
  clock: Clock;
  workspace(options?: { timezone?: string; currency?: string; fiscalYearStartMonth?: number }): Promise<TestWorkspace>;
  anonymous(): Client;
}

export function testEngines(): Engine[] {
  return inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

// The body's type is the route map's claim, checked against the routes (server/http/route-map.test.ts) and,
// for every answer, by the response schema Fastify serialises with.
function parse<T>(res: LightMyRequestResponse): Response<T> {
  const type = String(res.headers['content-type'] ?? '');
  const body: unknown = type.includes('json') && res.body ? res.json() : res.body;
  return { status: res.statusCode, body: body as Response<T>['body'], headers: res.headers };
}

export function clientFor(app: App, headers: Record<string, string>): Client {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<Response<T>> =>
    parse<T>(
      await app.inject({
        method,
        url,
        headers: { ...headers, ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      }),
    );
  return {
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body ?? {}),
    put: (url, body) => call('PUT', url, body ?? {}),
    delete: (url) => call('DELETE', url),
  };
}

export async function createTestEnv(
  engine: Engine,
  options: {
    webDir?: string;
    config?: Partial<Config> /** A SQLite file instead of :memory: (two connections, as in production). */;
    sqliteFile?: string;
    /** PostgreSQL: a migrated database of this environment's own, dropped on close (see describeEngines). */
    ownDatabase?: boolean;
    /** PostgreSQL: this migrated database instead of the run's (a cluster the test started itself), with its replica. */
    postgres?: { url: string; replicaUrl?: string };
  } = {},
): Promise<TestEnv & { close(): Promise<void> }> {
  const own =
    engine === 'postgres' && options.ownDatabase
      ? await createScratchDatabase(inject('pgAdminUrl') as string, 'furrow_own', inject('pgTemplateUrl') as string)
      : null;
  const url = engine === 'sqlite' ? (options.sqliteFile ?? ':memory:') : (own ?? options.postgres?.url ?? (inject('pgUrl') as string));
  const replicaUrl = options.postgres?.replicaUrl ?? null;
  const database = openDatabase(url, { poolSize: 4, replicaUrl });
  if (engine === 'sqlite') await migrateToLatest(database.db);
  const config = loadConfig(
    { NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE: 'true' },
    { databaseUrl: url, databaseReplicaUrl: replicaUrl, webDir: options.webDir ?? '/nonexistent', ...options.config },
  );
  const clock: Clock = { now: Date.UTC(2026, 10, 28, 10, 0, 0) };
  const now = () => clock.now;
  const app = await buildApp({ database, config, now });
  await app.ready();

  const makeCtx = (actor: Actor): Ctx => ({ db: database.db, dialect: database.dialect, actor, now, config, memo: new Map() });

  async function addUser(workspaceId: string, role: Role, teamId: string | null, name?: string): Promise<TestUser> {
    const id = newId();
    const email = `${role}-${id.slice(-12)}@example.test`;
    const token = `fw_${newSecret()}`;
    const at = clock.now;
    await database.db
      .insertInto('users')
      .values({
        id,
        workspace_id: workspaceId,
        email,
        name: name ?? `${role[0]?.toUpperCase()}${role.slice(1)} ${id.slice(-4)}`,
        role,
        team_id: teamId,
        password_hash: await testPasswordHash(),
        disabled_at: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await database.db
      .insertInto('api_tokens')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        user_id: id,
        name: 'test',
        token_hash: hashSecret(token),
        prefix: token.slice(0, 9),
        created_at: at,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    return { id, email, name: name ?? email, role, teamId, token };
  }

  return {
    engine,
    database,
    app,
    config,
    clock,
    anonymous: () => clientFor(app, {}),
    async workspace(wsOptions = {}) {
      const adminEmail = `admin-${newId().slice(-12)}@example.test`;
      const { workspaceId, adminId } = await createWorkspace(
        database.db,
        {
          name: `Test ${newId().slice(-6)}`,
          currency: wsOptions.currency ?? 'EUR',
          timezone: wsOptions.timezone ?? 'UTC',
          fiscalYearStartMonth: wsOptions.fiscalYearStartMonth,
          admin: { email: adminEmail, name: 'Ada Admin', password: TEST_PASSWORD },
        },
        clock.now,
      );
      const adminToken = `fw_${newSecret()}`;
      await database.db
        .insertInto('api_tokens')
        .values({
          id: newId(),
          workspace_id: workspaceId,
          user_id: adminId,
          name: 'test',
          token_hash: hashSecret(adminToken),
          prefix: adminToken.slice(0, 9),
          created_at: clock.now,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      const admin: TestUser = { id: adminId, email: adminEmail, name: 'Ada Admin', role: 'admin', teamId: null, token: adminToken };
      return {
        id: workspaceId,
        admin,
        user: (role, o = {}) => addUser(workspaceId, role, o.teamId ?? null, o.name),
        async team(name, o = {}) {
          const id = newId();
          await database.db
            .insertInto('teams')
            .values({
              id,
              workspace_id: workspaceId,
              name: `${name} ${id.slice(-6)}`,
              parent_id: o.parentId ?? null,
              manager_id: o.managerId ?? null,
              created_at: clock.now,
              updated_at: clock.now,
              version: 1,
            })
            .execute();
          return id;
        },
        as: (user) => clientFor(app, { authorization: `Bearer ${user.token}` }),
        ctx: (user) => makeCtx({ userId: user.id, workspaceId, role: user.role, teamId: user.teamId, name: user.name, email: user.email, via: 'system' }),
      };
    },
    async close() {
      await app.close();
      await database.close();
      if (own) await dropScratchDatabase(inject('pgAdminUrl') as string, own);
    },
  };
}

/**
 * Runs the suite once per engine; `env()` gives the engine's environment inside tests.
 * `ownDatabase`: for suites that run the job runner over the whole database (schedules plan for
 * every workspace). In the run's shared PostgreSQL database they would also work off every other
 * suite's workspaces and queued jobs, so their time would grow with the run; a copy of the
 * migrated template keeps them to their own fixture. SQLite is always private (:memory:).
 */
export function describeEngines(name: string, body: (env: () => TestEnv) => void): void;
export function describeEngines(name: string, options: { ownDatabase?: boolean; config?: Partial<Config> }, body: (env: () => TestEnv) => void): void;
export function describeEngines(
  name: string,
  bodyOrOptions: ((env: () => TestEnv) => void) | { ownDatabase?: boolean; config?: Partial<Config> },
  maybeBody?: (env: () => TestEnv) => void,
): void {
  const [options, body] = typeof bodyOrOptions === 'function' ? [{}, bodyOrOptions] : [bodyOrOptions, maybeBody as (env: () => TestEnv) => void];
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let current: (TestEnv & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        current = await createTestEnv(engine, { ownDatabase: options.ownDatabase, config: options.config });
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('test environment not ready');
        return current;
      });
    });
  }
}

/**
 * Narrows a body typed as a union of variants (a route answering one of several shapes, e.g. the
 * discipline index with or without its months) to the variant that has `key`; throws, failing the
 * test with the body, when it has not.
 */
export function variantWith<T extends object, K extends PropertyKey>(body: T, key: K): Extract<T, { [P in K]: unknown }> {
  if (!(key in body)) throw new Error(`expected a body with "${String(key)}", got ${JSON.stringify(body).slice(0, 500)}`);
  return body as Extract<T, { [P in K]: unknown }>;
}
