// No request freezes the server: while one user imports 20,000 deals on SQLite (a file, two
// connections, as in production), /healthz and another user's deal list keep answering. Probed
// over real HTTP for as long as the job runs; the test waits for the job's states, not for time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../api/jobs.js';
import { createJobRunner, type JobRunner } from '../../jobs/runner.js';
import { createTestEnv, type TestEnv } from '../../test/test-env.js';
import { importJob } from './import.jobs.js';
import { importProgress, jobUrl } from './testing/import-answers.js';

const ROWS = 20_000;
/** Per-probe p99 bound; before this work /healthz went unanswered for the whole write (25 s). */
const P99_BOUND_MS = 500;
/**
 * Worst single probe. A quiet machine stays far below; on a CI box at 8× its cores' load the
 * commit of the 20k-row transaction (one synchronous fsync) was measured at 3.5 s.
 */
const MAX_BOUND_MS = 5000;

describe('availability during a 20k-row import [sqlite file]', () => {
  let env: TestEnv & { close(): Promise<void> };
  let dir: string;
  let base: string;
  let runner: JobRunner;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'furrow-avail-'));
    env = await createTestEnv('sqlite', { sqliteFile: join(dir, 'furrow.db') });
    base = (await env.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    runner = createJobRunner({ database: env.database, config: env.config, now: () => env.clock.now, jobs: [importJob], pollMs: 50 });
  });

  afterAll(async () => {
    await runner?.stop();
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  it('answers /healthz and another user’s reads (p99 under 500 ms) while the import checks and writes', async () => {
    const w = await env.workspace();
    const importer = await w.user('rep');
    const reader = await w.user('rep');
    const csv = ['Name,Amount,Close Date,Stage', ...Array.from({ length: ROWS }, (_, i) => `Imported deal ${i},${1000 + i},2027-01-15,`)].join('\n');
    const started = await w.as(importer).post('/api/v1/imports/deals', { csv });
    expect(started.status).toBe(202);
    const jobPath = jobUrl(started.body);

    const timed = async (path: string, token?: string) => {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
      const body: unknown = await res.json();
      return { ms: performance.now() - t, status: res.status, body };
    };
    const health: number[] = [];
    const reads: number[] = [];
    const phases = new Set<string>();
    let writingProbes = 0;
    runner.start();
    for (;;) {
      const h = await timed('/healthz');
      expect(h.status).toBe(200);
      health.push(h.ms);
      const r = await timed('/api/v1/deals?limit=5', reader.token);
      expect(r.status).toBe(200);
      reads.push(r.ms);
      // Fetched over HTTP, not through the typed client: the jobs route answers a JobProgress (api/routes.ts).
      const polled = (await timed(jobPath, importer.token)).body as JobProgress;
      const progress = importProgress(polled);
      if (progress?.phase) phases.add(progress.phase);
      if (polled.state === 'running' && progress?.phase === 'writing' && progress.done < progress.total) writingProbes++;
      if (polled.state === 'done' || polled.state === 'failed') {
        expect(polled.state).toBe('done');
        expect(polled.result).toMatchObject({ ok: true, created: ROWS });
        break;
      }
    }
    const max = (xs: number[]) => Math.max(...xs);
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
    console.log(
      `healthz during a ${ROWS}-row import: ${health.length} probes, p50 ${p(health, 0.5).toFixed(1)} ms, p99 ${p(health, 0.99).toFixed(1)} ms, max ${max(health).toFixed(1)} ms; ` +
        `deals list: p50 ${p(reads, 0.5).toFixed(1)} ms, max ${max(reads).toFixed(1)} ms; probes while writing: ${writingProbes}`,
    );
    // The probes really ran while rows were being written (not only before or after).
    expect(writingProbes).toBeGreaterThan(3);
    expect(phases.has('writing')).toBe(true);
    expect(p(health, 0.99)).toBeLessThan(P99_BOUND_MS);
    expect(max(health)).toBeLessThan(MAX_BOUND_MS);
    expect(p(reads, 0.99)).toBeLessThan(P99_BOUND_MS);
  }, 900_000);
});
