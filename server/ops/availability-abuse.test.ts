// Availability under abuse (issue 17): while one rep imports 20,000 deals, another dry-runs a
// 20 MB file, the CSO downloads every activity as CSV and ten stage KPIs are asked for at once,
// /healthz keeps answering — on a SQLite file (two connections, as in production) and on
// PostgreSQL. Probed over real HTTP, one probe after another, for as long as any of that runs; the
// loop waits for the jobs' states and the responses, never for time. FURROW_GAP_LOG=1 prints every
// event-loop stall over 40 ms with what was running, to find the next cause.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../api/jobs.js';
import { seedDemo } from '../cli/demo-seed.js';
import { importJob } from '../crm/import-export/import.jobs.js';
import { jobReport } from '../crm/import-export/testing/import-answers.js';
import { hashSecret, newId, newSecret } from '../ids.js';
import { createJobRunner, type JobRunner } from '../jobs/runner.js';
import { createTestEnv, type TestEnv, testEngines } from '../test/test-env.js';

const IMPORT_ROWS = 20_000;
/** The dry run's file size: the 20 MB (FURROW_ABUSE_DRY_RUN_BYTES to try another). */
const DRY_RUN_BYTES = Number(process.env.FURROW_ABUSE_DRY_RUN_BYTES ?? 20_000_000);
/** Seeded history: deals (with their stage moves) and about ten activities each, for the KPIs and the export. */
const SEED_DEALS = 2_000;
/**
 * p99 bound of /healthz (or three times its p99 with nothing running, on a machine loaded that much).
 * The target is 100 ms, met on this machine at load ~5 (docs/reliability.md); a CI box at several
 * times its cores' load must not fail on scheduling alone.
 */
const P99_BOUND_MS = 200;
const STAGE_KPIS = ['time_in_stage', 'stage_conversion'];
/** Probes answered while stage KPIs run before the rounds of ten stop. */
const KPI_PROBES = 10;
/** Probes with nothing running: what this machine answers right now. */
const BASELINE_PROBES = 50;

interface Figures {
  probes: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function tokenFor(env: TestEnv, workspaceId: string, userId: string): Promise<string> {
  const token = `fw_${newSecret()}`;
  await env.database.db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      user_id: userId,
      name: 'abuse',
      token_hash: hashSecret(token),
      prefix: token.slice(0, 9),
      created_at: env.clock.now,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

/** A deal file of about `bytes`, every row valid (a dry run checks all of them). */
function dealsCsv(rows: number, prefix: string, pad = ''): string {
  return ['Name,Amount,Close Date,Next Step', ...Array.from({ length: rows }, (_, i) => `${prefix} ${i},${1000 + i},2027-01-15,${pad}${i}`)].join('\n');
}

for (const engine of testEngines()) {
  describe(`availability under abuse [${engine}]`, () => {
    let env: TestEnv & { close(): Promise<void> };
    let dir: string | null = null;
    let base: string;
    let runner: JobRunner;

    beforeAll(async () => {
      if (engine === 'sqlite') dir = mkdtempSync(join(tmpdir(), 'furrow-abuse-'));
      env = await createTestEnv(engine, dir ? { sqliteFile: join(dir, 'furrow.db') } : { ownDatabase: true });
      base = (await env.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
      runner = createJobRunner({ database: env.database, config: env.config, now: () => env.clock.now, jobs: [importJob], pollMs: 50 });
    }, 600_000);

    afterAll(async () => {
      await runner?.stop();
      await env?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 600_000);

    it(`answers /healthz (p99 under ${P99_BOUND_MS} ms) through a 20k import, a 20 MB dry run, a full activity export and ten stage KPIs`, async () => {
      const { workspaceId } = await seedDemo(env.database, { now: env.clock.now, scale: { deals: SEED_DEALS, activitiesPerDeal: 10 } });
      const users = await env.database.db
        .selectFrom('users')
        .select(['id', 'email', 'role'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('email')
        .execute();
      const reps = users.filter((u) => u.role === 'rep');
      const cso = users.find((u) => u.email.startsWith('cso@'));
      if (!cso || reps.length < 12) throw new Error('the scale seed has a CSO and at least 12 reps');
      const token = (u: { id: string }) => tokenFor(env, workspaceId, u.id);
      const [importer, dryRunner, exporter] = await Promise.all([token(reps[0] as { id: string }), token(reps[1] as { id: string }), token(cso)]);
      // Ten people each asking once (one person's tenth would be refused: HEAVY_REQUESTS_PER_USER).
      const kpiTokens = await Promise.all(reps.slice(2, 12).map(token));

      const call = (path: string, bearer: string, body?: unknown) =>
        fetch(`${base}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      // Rows of ~250 bytes (a long next step) in the dry run's file.
      const pad = 'Call the buyer back about the pilot scope and the security review. '.repeat(3);
      const dryRunCsv = dealsCsv(Math.round(DRY_RUN_BYTES / (pad.length + 50)), 'Checked deal', pad);
      // The two files' request bodies are encoded before the probes start: client and server share
      // this process, and fetch copying and encoding 20 MB (~150 ms) is not the server's time.
      const importBody = Buffer.from(JSON.stringify({ csv: dealsCsv(IMPORT_ROWS, 'Imported deal') }));
      const dryRunBody = Buffer.from(JSON.stringify({ csv: dryRunCsv, dryRun: true }));

      const health: number[] = [];
      const slowProbes: string[] = [];
      const probe = async () => {
        const t = performance.now();
        const res = await fetch(`${base}/healthz`);
        await res.arrayBuffer();
        const took = performance.now() - t;
        health.push(took);
        if (took > 60) slowProbes.push(`${took.toFixed(0)} ms from ${(t / 1000).toFixed(2)} s`);
        expect(res.status).toBe(200);
      };
      for (let i = 0; i < BASELINE_PROBES; i++) await probe();
      const baseline = percentile(health, 0.99);
      health.length = 0;
      const running = { import: true, dryRun: true, export: true, kpis: true };
      const during = { import: 0, dryRun: 0, export: 0, kpis: 0 };
      const gaps = startGapMonitor(running);

      const started = await Promise.all([
        postBody(`${base}/api/v1/imports/deals`, importer, importBody),
        postBody(`${base}/api/v1/imports/deals`, dryRunner, dryRunBody),
      ]);
      const [importJobUrl, dryRunJobUrl] = started.map((res) => {
        expect(res.status, res.body).toBe(202);
        return (JSON.parse(res.body) as { location: string }).location;
      }) as [string, string];
      runner.start();
      let exportBytes = 0;
      let exportLines = 0;
      const exported = (async () => {
        const res = await call('/api/v1/exports/activities.csv', exporter);
        expect(res.status).toBe(200);
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          exportBytes += chunk.value.length;
          for (const b of chunk.value) if (b === 10) exportLines++;
        }
        running.export = false;
      })();
      // Ten at once, again until enough probes have run during them (each round takes a moment).
      let kpiRounds = 0;
      const kpis = (async () => {
        const answers: number[] = [];
        do {
          kpiRounds++;
          const round = await Promise.all(
            kpiTokens.map(async (t, i) => {
              const res = await call(`/api/v1/kpis/${STAGE_KPIS[i % 2]}`, t);
              await res.arrayBuffer();
              return res.status;
            }),
          );
          answers.push(...round);
        } while (during.kpis < KPI_PROBES && running.import);
        running.kpis = false;
        return answers;
      })();
      const jobState = async (url: string, bearer: string) => (await (await call(url, bearer)).json()) as JobProgress;
      const finished = async (url: string, bearer: string, key: 'import' | 'dryRun') => {
        if (!running[key]) return;
        const job = await jobState(url, bearer);
        if (job.state === 'done' || job.state === 'failed') running[key] = false;
      };

      while (Object.values(running).some(Boolean)) {
        await probe();
        for (const key of Object.keys(during) as (keyof typeof during)[]) if (running[key]) during[key]++;
        await finished(importJobUrl, importer, 'import');
        await finished(dryRunJobUrl, dryRunner, 'dryRun');
      }
      await exported;
      const kpiStatuses = await kpis;
      gaps.stop();
      if (process.env.FURROW_GAP_LOG) console.log(`probes over 60 ms (clock as the stalls'):\n${slowProbes.join('\n')}`);

      const figures: Figures = { probes: health.length, p50: percentile(health, 0.5), p99: percentile(health, 0.99), max: Math.max(...health) };
      console.log(
        `[${engine}] healthz p99 with nothing running ${baseline.toFixed(1)} ms; under abuse: ${figures.probes} probes, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms; ` +
          `probes during import ${during.import}, dry run (${(dryRunCsv.length / 1e6).toFixed(1)} MB) ${during.dryRun}, export (${exportLines - 1} activities, ${(exportBytes / 1e6).toFixed(1)} MB) ${during.export}, KPIs (${kpiRounds} rounds of ten) ${during.kpis}; ` +
          `event-loop stalls over 40 ms: ${gaps.count}, longest ${gaps.longest.toFixed(0)} ms; of them with the process on the CPU: ${gaps.busy}, longest ${gaps.longestBusy.toFixed(0)} ms; load average ${loadavg()[0]?.toFixed(1)}`,
      );

      const imported = await jobState(importJobUrl, importer);
      expect(imported).toMatchObject({ state: 'done', result: { ok: true, created: IMPORT_ROWS } });
      const checked = await jobState(dryRunJobUrl, dryRunner);
      expect(checked).toMatchObject({ state: 'done', result: { ok: true, dryRun: true, created: jobReport(checked).rows } });
      expect(exportLines - 1).toBeGreaterThan(SEED_DEALS * 5);
      expect(kpiStatuses).toEqual(Array(10 * kpiRounds).fill(200));
      // The probes really ran while each load did.
      for (const count of Object.values(during)) expect(count).toBeGreaterThan(3);
      // On a machine so loaded that the probes are slow with nothing running, three times that.
      expect(figures.p99).toBeLessThan(Math.max(P99_BOUND_MS, 3 * baseline));
    }, 900_000);
  });
}

/** A POST of a body already encoded, written to the socket as it is (fetch copies it twice). */
function postBody(url: string, bearer: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Every setInterval turn that came late by over 40 ms, with what was running then (FURROW_GAP_LOG=1
 * lists them). A stall is counted as the process's own when it used the CPU for at least half of it
 * (all its threads); otherwise the machine's other work held it off the CPU.
 */
function startGapMonitor(running: Record<string, boolean>) {
  const EVERY = 10;
  let last = performance.now();
  let cpu = process.cpuUsage();
  const stalls: string[] = [];
  const state = { count: 0, longest: 0, busy: 0, longestBusy: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last - EVERY;
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    last = now;
    if (gap <= 40) return;
    const cpuMs = (used.user + used.system) / 1000;
    const busy = cpuMs >= gap / 2;
    state.count++;
    state.longest = Math.max(state.longest, gap);
    if (busy) {
      state.busy++;
      state.longestBusy = Math.max(state.longestBusy, gap);
    }
    const active = Object.entries(running)
      .filter(([, on]) => on)
      .map(([k]) => k);
    stalls.push(`${gap.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms) at ${(now / 1000).toFixed(2)} s (${active.join(' ')})`);
  }, EVERY);
  return {
    get count() {
      return state.count;
    },
    get longest() {
      return state.longest;
    },
    get busy() {
      return state.busy;
    },
    get longestBusy() {
      return state.longestBusy;
    },
    stop: () => {
      clearInterval(timer);
      if (process.env.FURROW_GAP_LOG) console.log(`stalls:\n${stalls.join('\n')}`);
    },
  };
}
