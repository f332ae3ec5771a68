// SQLite: a route that reads history runs its reads on the read worker's thread, so a long one (a
// CSO's discipline index at 100k deals took minutes) leaves the event loop free; a route not on
// the lists runs on the main connection. And every listed route is one the app registers, so a
// renamed route cannot silently fall back to the main thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import { type Database, openDatabase } from '../db/database.js';
import { describeEngines } from '../test/test-env.js';
import './auth-hook.js';
import { HEAVY_ROUTES, HISTORY_ROUTES, registerHeavyRequestLimit } from './heavy-requests.js';

// About a second of one core, whichever thread runs it.
const LONG_READ = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000) select count(*) as n from c';

describe('history reads off the main thread [sqlite file]', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'furrow-history-reads-'));
    database = openDatabase(`sqlite:${join(dir, 'h.db')}`, { poolSize: 1 });
    app = Fastify();
    app.decorateRequest('ctx', null);
    app.addHook('onRequest', async (request) => {
      request.ctx = { actor: { userId: 'u1' }, db: database.db } as unknown as Ctx;
    });
    registerHeavyRequestLimit(app, { database, config: { heavyRequestsPerUser: 3 } as Config }, new Set(), new Set(['GET /history']));
    const long = async (ctx: Ctx) => (await sql.raw<{ n: number }>(LONG_READ).execute(ctx.db)).rows[0];
    app.get('/history', async (request) => long(request.ctx as Ctx));
    app.get('/plain', async (request) => long(request.ctx as Ctx));
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Timer turns while the request runs: none when the read holds the main thread. */
  async function ticksDuring(url: string): Promise<number> {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ n: 3_000_000 });
    } finally {
      clearInterval(timer);
    }
    return ticks;
  }

  it('runs a listed route’s read on the worker while the event loop turns, and an unlisted one on the main thread', async () => {
    expect(await ticksDuring('/history')).toBeGreaterThan(10);
    expect(await ticksDuring('/plain')).toBeLessThanOrEqual(1);
  });
});

describeEngines('the heavy and history route lists', (env) => {
  it('name only routes the app registers', () => {
    const missing = [...HEAVY_ROUTES, ...HISTORY_ROUTES].filter((route) => {
      const [method, url] = route.split(' ') as ['GET', string];
      return !env().app.hasRoute({ method, url });
    });
    expect(missing).toEqual([]);
  });
});
