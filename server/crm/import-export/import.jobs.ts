// A long import (or dry run) as a background job: the request that asked answered 202 with the job
// id; this runs the same all-or-nothing import (import.service.ts#runImport) on the bulk
// connections, reports rows done/total while it runs, and stores the report as the job's result.
// At least once: a node killed mid-import never committed (one transaction) or, resumable, kept the
// batches before the one in hand; a rerun finds what was kept unchanged (imports match what they
// created) and writes the rest.
import { performance } from 'node:perf_hooks';
import type { ImportResult } from '../../../api/imports.js';
import type { Actor, Ctx } from '../../context.js';
import { systemActorFor } from '../../identity/auth.service.js';
import { defineJob } from '../../jobs/job.js';
import { publishProgress } from '../../jobs/jobs.service.js';
import { type ImportOptions, runImport } from './import.service.js';
import { PhaseRate } from './import-pace.js';

/** The file's text travels as the job's text; a path is the CLI's alone (it runs no job). */
export type ImportJobOptions = Omit<ImportOptions, 'onProgress' | 'writeDb' | 'csv' | 'batchRows'> & { csv: string };

export interface ImportJobPayload {
  userId: string;
  via: Actor['via'];
  /** The file itself is the job's text (EnqueueOptions.text), kept out of the job's row; `csv` only in jobs queued before that. */
  options: Omit<ImportJobOptions, 'csv'> & {
    csv?: string;
    /** Set while an uploaded file is stored (the job is held back); a job that runs with it set never got its whole file. */
    uploading?: boolean;
  };
}

/** What GET /api/v1/jobs/:id shows while an import runs. */
export interface ImportJobProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
  /** Rows a second in this phase so far, and the seconds it needs at that rate; null until it has run a second. */
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

/** Progress reaches the jobs table at most this often (on this node it is live at every row). */
const STORE_EVERY_MS = 500;

export const importJob = defineJob<ImportJobPayload>({
  name: 'crm.import',
  description: 'Imports a CSV file of records',
  retryLimit: 1,
  backoff: { delayMs: 5_000 },
  // The lease is renewed by the heartbeat, whose writes on SQLite wait for the import's own
  // transaction: long enough that a healthy import is never taken for a dead one.
  leaseMs: 60 * 60_000,
  handler: async (job): Promise<ImportResult> => {
    const workspaceId = job.workspaceId as string;
    const actor = await systemActorFor(job.db, workspaceId, job.payload.userId);
    if (!actor) throw new Error('the user who started this import is gone or disabled');
    // Reads and writes both on the bulk connections: on SQLite a worker thread's (a 20k-row file's
    // look-ups of existing records took ~150 ms of the event loop on the interactive connection).
    const ctx: Ctx = { db: job.bulk, dialect: job.dialect, actor: { ...actor, via: job.payload.via }, now: job.now, config: job.config, memo: new Map() };
    let storedAt = Number.NEGATIVE_INFINITY;
    const pace = new PhaseRate();
    // One store at a time; a newer value waits as `latest` and replaces any older one. On SQLite a
    // store waits for the import's (or another import's) transaction, and each rewrites the job's
    // row with its payload, the whole file: queued every 500 ms, they all ran at the commit.
    let storing: Promise<void> | null = null;
    let latest: ImportJobProgress | null = null;
    const store = (value: ImportJobProgress) => {
      storing = job
        .progress(value)
        .catch(() => {})
        .finally(() => {
          storing = null;
          const next = latest;
          latest = null;
          if (next) store(next);
        });
    };
    const { uploading, ...options } = job.payload.options;
    if (uploading) throw new Error('the file’s upload did not finish; import the file again');
    // The file's stored parts are read one at a time, as the import goes: never whole in memory.
    const csv = options.csv ?? (await job.textParts());
    if (csv === null) throw new Error('the file of this import is gone');
    const result = await runImport(ctx, {
      ...options,
      csv,
      writeDb: job.bulk,
      onProgress: (p) => {
        const t = performance.now();
        const { rate, secondsLeft } = pace.of(p);
        if (t - storedAt < STORE_EVERY_MS && p.done < p.total) return;
        storedAt = t;
        // Not awaited: while the rows are written, the jobs table can only be written after commit
        // (SQLite). The value is live on this node at once, also while an earlier store still waits
        // (it was not: the page showed the reading phase's last value until the commit).
        const value: ImportJobProgress = { phase: p.phase, done: p.done, total: p.total, rowsPerSecond: rate === null ? null : Math.round(rate), secondsLeft };
        publishProgress(job.id, value);
        if (storing) latest = value;
        else store(value);
      },
    });
    // The last value is stored before the job is marked done (a store after it is refused).
    while (storing) await storing;
    return result;
  },
});

/** Jobs that count against a user's limit of heavy jobs at once (HEAVY_JOBS_PER_USER). */
export const HEAVY_JOB_NAMES: readonly string[] = [importJob.name];
