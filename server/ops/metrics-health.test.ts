// /metrics: exposed in development, off in production without METRICS_TOKEN, Bearer-protected with
// it. /readyz: 200 when the schema is current, 503 naming the reason otherwise.
import { expect, inject, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateDown, migrateToLatest } from '../db/migrator.js';
import { newId } from '../ids.js';
import { defineJob } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { createScratchDatabase, dropScratchDatabase } from '../test/pg-admin.js';
import { describeEngines } from '../test/test-env.js';

const TOKEN = 'metrics-token-0123456789';

describeEngines('metrics and health', (env) => {
  const appWith = async (vars: Record<string, string>) => {
    const config = loadConfig(vars, { databaseUrl: env().config.databaseUrl, webDir: '/nonexistent', logLevel: 'silent' });
    const app = await buildApp({ database: env().database, config, now: Date.now });
    await app.ready();
    return app;
  };

  it('exposes request rate, latency by route pattern, errors by class, event-loop lag, jobs and the pool in development', async () => {
    const app = await appWith({ NODE_ENV: 'development' });
    try {
      const w = await env().workspace();
      const headers = { authorization: `Bearer ${w.admin.token}` };
      // Queue depth and failures: two queued jobs and one out of retries, of a name no other test uses.
      const jobsCtx = { db: env().database.db, now: () => env().clock.now };
      const probe = defineJob<Record<string, never>>({ name: `test.metrics-${newId().slice(-8).toLowerCase()}`, handler: async () => undefined });
      const later = env().clock.now + 86_400_000;
      for (let i = 0; i < 3; i++) await enqueue(jobsCtx, probe, {}, { workspaceId: w.id, runAt: later });
      await env()
        .database.db.updateTable('jobs')
        .set({ state: 'failed', finished_at: env().clock.now })
        .where('id', '=', (await env().database.db.selectFrom('jobs').select('id').where('name', '=', probe.name).executeTakeFirstOrThrow()).id)
        .execute();
      expect((await app.inject({ method: 'GET', url: '/api/v1/users/01nope', headers })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode).toBe(200);
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      const text = res.body;
      expect(text).toMatch(/furrow_http_requests_total\{method="GET",route="\/api\/v1\/users\/:id",status_class="4xx"\} 1/);
      expect(text).toMatch(/furrow_http_requests_total\{method="GET",route="\/api\/v1\/users",status_class="2xx"\} 1/);
      expect(text).toMatch(/furrow_http_errors_total\{status_class="4xx",route="\/api\/v1\/users\/:id"\} 1/);
      expect(text).toMatch(/furrow_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/users"\}/);
      expect(text).not.toContain('01nope');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
      expect(text).toContain('# TYPE furrow_jobs gauge');
      expect(text).toContain(`furrow_jobs{name="${probe.name}",state="queued"} 2`);
      expect(text).toContain(`furrow_jobs{name="${probe.name}",state="failed"} 1`);
      if (env().engine === 'postgres') expect(text).toMatch(/furrow_db_pool_connections\{state="total"\} \d+/);
      else expect(text).not.toContain('furrow_db_pool_connections');
    } finally {
      await app.close();
    }
  });

  it('is off in production without METRICS_TOKEN and asks for the Bearer token with it', async () => {
    const off = await appWith({ NODE_ENV: 'production' });
    try {
      expect((await off.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
    const guarded = await appWith({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
    try {
      expect((await guarded.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
      expect((await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      const ok = await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('furrow_http_requests_total');
    } finally {
      await guarded.close();
    }
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('answers /healthz and /readyz when the schema is current', async () => {
    const anon = env().anonymous();
    expect((await anon.get('/healthz')).status).toBe(200);
    const ready = await anon.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: env().engine });
  });

  it('answers /readyz 503 when migrations are behind or the database is gone', async () => {
    const pgAdmin = inject('pgAdminUrl');
    const url = env().engine === 'sqlite' ? ':memory:' : await createScratchDatabase(pgAdmin as string);
    const database = openDatabase(url, { poolSize: 2 });
    try {
      await migrateToLatest(database.db);
      const [reverted] = await migrateDown(database.db);
      const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: url, webDir: '/nonexistent' });
      const app = await buildApp({ database, config, now: Date.now });
      try {
        const behind = await app.inject({ method: 'GET', url: '/readyz' });
        expect(behind.statusCode).toBe(503);
        expect(behind.json()).toMatchObject({ status: 'not_ready', reason: '1 migration(s) not applied' });
        expect(reverted).toContain(behind.json().pendingMigrations[0]);
        await migrateToLatest(database.db);
        expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        await database.close();
        const gone = await app.inject({ method: 'GET', url: '/readyz' });
        expect(gone.statusCode).toBe(503);
        expect(gone.json().reason).toBe('database unreachable');
      } finally {
        await app.close();
      }
    } finally {
      await database.close().catch(() => {});
      if (env().engine === 'postgres') await dropScratchDatabase(pgAdmin as string, url);
    }
  });
});
