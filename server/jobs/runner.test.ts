import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';
import type { Engine } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrator.js';
import { invalidInput } from '../errors.js';
import { newId } from '../ids.js';
import { testEngines } from '../test/test-env.js';
import { defineJob, defineSchedule, type JobDefinition } from './job.js';
import { findJob } from './jobs.repo.js';
import { enqueue, jobProgress } from './jobs.service.js';
import { createJobRunner } from './runner.js';

const config = loadConfig({ NODE_ENV: 'test' });
/** Each test names its jobs uniquely: other test files share the PostgreSQL database. */
const uniqueName = (what: string) => `test.${what}-${newId().slice(-10).toLowerCase()}`;

for (const engine of testEngines()) {
  describe(`job runner [${engine}]`, () => {
    let url: string;
    let a: Database;
    let b: Database;
    const clock = { now: Date.UTC(2027, 0, 10, 12, 0) };
    const now = () => clock.now;

    beforeAll(async () => {
      // Two connections (pools) on one database, as two app nodes have.
      url = engine === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'furrow-jobs-')), 'jobs.db') : (inject('pgUrl') as string);
      a = openDatabase(url, { poolSize: 4 });
      if (engine === 'sqlite') await migrateToLatest(a.db);
      b = openDatabase(url, { poolSize: 4 });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    const runnerOn = (database: Database, jobs: JobDefinition<any>[], extra = {}) => createJobRunner({ database, config, now, jobs, ...extra });

    it('runs an enqueued job with its payload, once, and records it done', async () => {
      const seen: unknown[] = [];
      const job = defineJob<{ n: number }>({ name: uniqueName('payload'), handler: async (run) => void seen.push(run.payload) });
      const id = await enqueue({ db: a.db, now }, job, { n: 7 });
      const runner = runnerOn(a, [job]);
      expect(await runner.runDue()).toEqual({ ran: 1, failed: 0 });
      expect(await runner.runDue()).toEqual({ ran: 0, failed: 0 });
      expect(seen).toEqual([{ n: 7 }]);
      expect((await findJob(a.db, id))?.state).toBe('done');
    });

    it('runs each job exactly once with two runners on one database', async () => {
      const runs = new Map<string, number>();
      const handler = async (run: { id: string }) => {
        runs.set(run.id, (runs.get(run.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
      };
      const name = uniqueName('once');
      const jobA = defineJob({ name, handler });
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push(await enqueue({ db: a.db, now }, jobA, { i }));
      const one = runnerOn(a, [jobA], { concurrency: 3 });
      const two = runnerOn(b, [defineJob({ name, handler })], { concurrency: 3 });
      const [r1, r2] = await Promise.all([one.runDue(), two.runDue()]);
      expect(r1.ran + r2.ran).toBe(40);
      expect(ids.filter((id) => runs.get(id) !== 1)).toEqual([]);
      if (engine === 'postgres') expect(Math.min(r1.ran, r2.ran)).toBeGreaterThan(0);
    });

    it('fails a job refused for its input at once: a retry would be refused the same way', async () => {
      let calls = 0;
      const refused = defineJob({
        name: uniqueName('refused'),
        retryLimit: 2,
        handler: async () => {
          calls++;
          throw invalidInput([{ field: 'mapping', message: 'maps no column to name' }], 'The columns cannot be mapped to deals');
        },
      });
      const id = await enqueue({ db: a.db, now }, refused, {});
      expect((await runnerOn(a, [refused]).runDue()).failed).toBe(1);
      expect(await findJob(a.db, id)).toMatchObject({ state: 'failed', attempts: 1, last_error: 'The columns cannot be mapped to deals' });
      clock.now += 3600_000;
      expect((await runnerOn(a, [refused]).runDue()).ran).toBe(0);
      expect(calls).toBe(1);
    });

    it('retries a failing job with backoff, then fails it for good when retries run out', async () => {
      let calls = 0;
      const flaky = defineJob({
        name: uniqueName('flaky'),
        retryLimit: 2,
        backoff: { delayMs: 1000, exponential: true },
        handler: async () => {
          calls++;
          throw new Error(`boom ${calls}`);
        },
      });
      const id = await enqueue({ db: a.db, now }, flaky, {});
      const runner = runnerOn(a, [flaky]);
      const start = clock.now;
      expect((await runner.runDue()).failed).toBe(1);
      let row = await findJob(a.db, id);
      expect(row).toMatchObject({ state: 'queued', attempts: 1, last_error: 'boom 1', run_at: start + 1000 });
      expect((await runner.runDue()).ran).toBe(0); // not due before its backoff
      clock.now = start + 1000;
      await runner.runDue();
      row = await findJob(a.db, id);
      expect(row).toMatchObject({ state: 'queued', attempts: 2, run_at: start + 1000 + 2000 });
      clock.now = start + 3000;
      await runner.runDue();
      expect(await findJob(a.db, id)).toMatchObject({ state: 'failed', attempts: 3, last_error: 'boom 3' });
      clock.now += 3600_000;
      expect((await runner.runDue()).ran).toBe(0);
      expect(calls).toBe(3);
    });

    it('waits for a delayed job, and a singleton key keeps one live job', async () => {
      let calls = 0;
      const job = defineJob({ name: uniqueName('later'), handler: async () => void calls++ });
      const first = await enqueue({ db: a.db, now }, job, {}, { delayMs: 60_000, singletonKey: 'k' });
      expect(await enqueue({ db: a.db, now }, job, {}, { singletonKey: 'k' })).toBe(first);
      const runner = runnerOn(a, [job]);
      expect((await runner.runDue()).ran).toBe(0);
      clock.now += 60_000;
      expect((await runner.runDue()).ran).toBe(1);
      // Done: the key is free again.
      expect(await enqueue({ db: a.db, now }, job, {}, { singletonKey: 'k' })).not.toBe(first);
      expect(calls).toBe(1);
    });

    it('an enqueue inside a rolled-back transaction leaves no job', async () => {
      const job = defineJob({ name: uniqueName('rollback'), handler: async () => {} });
      let id = '';
      await expect(
        a.db.transaction().execute(async (trx) => {
          id = await enqueue({ db: trx, now }, job, {});
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await findJob(a.db, id)).toBeUndefined();
    });

    it('a long job reports progress, readable by id while it runs', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let reported: () => void = () => {};
      const progressed = new Promise<void>((r) => {
        reported = r;
      });
      const job = defineJob({
        name: uniqueName('long'),
        handler: async (run) => {
          await run.progress({ done: 3, total: 10 });
          reported();
          await gate;
        },
      });
      const id = await enqueue({ db: a.db, now }, job, {});
      const running = runnerOn(a, [job]).runDue();
      await progressed;
      expect(await jobProgress({ db: b.db, now }, id)).toMatchObject({ state: 'running', attempts: 1, progress: { done: 3, total: 10 } });
      release();
      await running;
      expect(await jobProgress({ db: b.db, now }, id)).toMatchObject({ state: 'done', progress: { done: 3, total: 10 } });
    });

    it('a job whose worker process is killed mid-job runs again on another node after its lease', async () => {
      const name = uniqueName('killed');
      const id = await enqueue({ db: a.db, now: Date.now }, defineJob({ name, handler: async () => {} }), {});
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/jobs/testing/dying-worker.ts', url, name], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
        child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      expect(await findJob(a.db, id)).toMatchObject({ state: 'running', attempts: 1, locked_by: 'dying-node' });

      let ran = 0;
      const survivor = runnerOn(b, [defineJob({ name, handler: async () => void ran++ })]);
      const saved = clock.now;
      clock.now = Date.now() + 30_000; // lease (60 s) still held: nobody takes it
      expect((await survivor.runDue()).ran).toBe(0);
      clock.now = Date.now() + 61_000;
      expect((await survivor.runDue()).ran).toBe(1);
      expect(ran).toBe(1);
      expect(await findJob(a.db, id)).toMatchObject({ state: 'done', attempts: 2 });
      clock.now = saved;
    }, 60_000);

    it('a worker that lost its lease cannot overwrite the outcome of the attempt that took over', async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let started: () => void = () => {};
      const inHandler = new Promise<void>((r) => {
        started = r;
      });
      const name = uniqueName('stale');
      const slow = defineJob({
        name,
        leaseMs: 10_000,
        retryLimit: 1,
        handler: async () => {
          started();
          await gate;
        },
      });
      const id = await enqueue({ db: a.db, now }, slow, {});
      const stuck = runnerOn(a, [slow]).runDue();
      await inHandler;
      clock.now += 10_001;
      const fails = defineJob({ name, leaseMs: 10_000, retryLimit: 1, handler: async () => Promise.reject(new Error('second attempt failed')) });
      await runnerOn(b, [fails]).runDue();
      release();
      await stuck;
      expect(await findJob(a.db, id)).toMatchObject({ state: 'failed', attempts: 2, last_error: 'second attempt failed' });
    });
  });
}

describe('schedules in the workspace time zone', () => {
  for (const engine of testEngines() as Engine[]) {
    it(`fires each workspace's schedule once at 09:00 local across both DST changes [${engine}]`, async () => {
      const url = engine === 'sqlite' ? ':memory:' : (inject('pgUrl') as string);
      const database = openDatabase(url, { poolSize: 4 });
      if (engine === 'sqlite') await migrateToLatest(database.db);
      const clock = { now: Date.UTC(2027, 2, 26, 12, 0) };
      const berlin = newId();
      const tokyo = newId();
      for (const [id, timezone] of [
        [berlin, 'Europe/Berlin'],
        [tokyo, 'Asia/Tokyo'],
      ] as const) {
        await database.db
          .insertInto('workspaces')
          .values({ id, name: id, slug: `s-${id}`, currency: 'EUR', timezone, fiscal_year_start_month: 1, created_at: clock.now, version: 1 })
          .execute();
      }
      const fired: { ws: string | null; at: number }[] = [];
      const job = defineJob<Record<string, never>>({
        name: uniqueName('daily'),
        handler: async (run) => void fired.push({ ws: run.workspaceId, at: clock.now }),
      });
      const schedule = defineSchedule({ job, cron: '0 9 * * *', scope: 'workspace' });
      const runners = [0, 1].map(() => createJobRunner({ database, config, now: () => clock.now, jobs: [job], schedules: [schedule] }));
      // Half-hour ticks over 4 days around the spring change (28 March 2027), two nodes each tick.
      const tickUntil = async (end: number) => {
        while (clock.now < end) {
          clock.now += 30 * 60_000;
          await Promise.all(runners.map((r) => r.runDue()));
        }
      };
      await tickUntil(Date.UTC(2027, 2, 30, 12, 0));
      const iso = (ws: string) => fired.filter((f) => f.ws === ws).map((f) => new Date(f.at).toISOString());
      // 09:00 CET is 08:00Z; from 28 March, 09:00 CEST is 07:00Z. Each day once, though two nodes tick.
      expect(iso(berlin)).toEqual(['2027-03-27T08:00:00.000Z', '2027-03-28T07:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-03-30T07:00:00.000Z']);
      expect(iso(tokyo)).toEqual(['2027-03-27T00:00:00.000Z', '2027-03-28T00:00:00.000Z', '2027-03-29T00:00:00.000Z', '2027-03-30T00:00:00.000Z']);

      // Autumn: back to 08:00Z after 31 October 2027; the app was down for a day in between.
      fired.length = 0;
      clock.now = Date.UTC(2027, 9, 29, 12, 0);
      await tickUntil(Date.UTC(2027, 10, 1, 12, 0));
      expect(iso(berlin)).toEqual([
        '2027-10-29T12:30:00.000Z', // the missed runs since March fire once, not once each
        '2027-10-30T07:00:00.000Z',
        '2027-10-31T08:00:00.000Z',
        '2027-11-01T08:00:00.000Z',
      ]);
      await database.db.deleteFrom('job_schedules').where('name', '=', job.name).execute();
      await database.close();
    }, 120_000);
  }
});
