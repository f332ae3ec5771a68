// PostgreSQL: a heavy read whose client goes away is cancelled in the database, freeing its bulk
// connection at once (with a bulk pool of one, the next heavy read gets it) instead of running to
// its statement timeout. Real HTTP, a real disconnect, and pg_stat_activity as the witness.
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import { type Database, openDatabase } from '../db/database.js';
import './auth-hook.js';
import { registerHeavyRequestLimit } from './heavy-requests.js';

const pgUrl = inject('pgUrl');
const SLEEP = 'select pg_sleep(120) /* heavy-cancel-test */';

describe.skipIf(!pgUrl)('heavy reads cancelled when the client goes away [postgres]', () => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;

  const running = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from pg_stat_activity where state = 'active' and query like ${`${SLEEP}%`}`.execute(database.db)).rows[0]
        ?.n ?? 0,
    );

  beforeAll(async () => {
    database = openDatabase(pgUrl as string, { poolSize: 2, bulkPoolSize: 1 });
    app = Fastify();
    app.decorateRequest('ctx', null);
    app.addHook('onRequest', async (request) => {
      request.ctx = { actor: { userId: 'u1' }, db: database.db } as unknown as Ctx;
    });
    registerHeavyRequestLimit(app, { database, config: { heavyRequestsPerUser: 3 } as Config }, new Set(['GET /slow', 'GET /quick']));
    app.get('/slow', async (request) => {
      await sql.raw(SLEEP).execute((request.ctx as Ctx).db);
      return { done: true };
    });
    app.get('/quick', async (request) => (await sql<{ one: number }>`select 1 as one`.execute((request.ctx as Ctx).db)).rows[0]);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('stops the statement in PostgreSQL and hands the connection on', async () => {
    const client = new AbortController();
    const request = fetch(`${base}/slow`, { signal: client.signal }).catch((error: unknown) => error);
    await expect.poll(running, { timeout: 10_000, interval: 50 }).toBe(1);
    client.abort();
    expect(await request).toBeInstanceOf(Error);
    // Gone long before the two minutes it asked for.
    await expect.poll(running, { timeout: 10_000, interval: 50 }).toBe(0);
    const next = await fetch(`${base}/quick`);
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ one: 1 });
  });

  it('leaves a statement alone while its client waits', async () => {
    const cancellable = database.cancellableBulk();
    if (!cancellable) throw new Error('PostgreSQL has a cancellable bulk handle');
    const result = await sql<{ one: number }>`select 1 as one`.execute(cancellable.db);
    expect(result.rows).toEqual([{ one: 1 }]);
    // Nothing held any more: cancelling now asks PostgreSQL nothing, and refuses what comes next.
    expect(await cancellable.cancel()).toBe(0);
    await expect(sql`select 1`.execute(cancellable.db)).rejects.toMatchObject({ code: '57014' });
  });
});
