// Which imports answer at once and which run as a background job. A file over the configured row
// count (or any file the caller asks to run in the background) becomes a job: the caller gets its
// id at once and polls GET /api/v1/jobs/:id for progress and the report. Each user may have only so
// many heavy jobs queued or running (HEAVY_JOBS_PER_USER): one user cannot fill the queue.
import type { ImportResult } from '../../../api/imports.js';
import type { JobAccepted } from '../../../api/jobs.js';
import { type Ctx, inTransaction } from '../../context.js';
import { forbidden, rateLimited } from '../../errors.js';
import { reachOf } from '../../identity/policy.js';
import { enqueue, liveJobsOf } from '../../jobs/jobs.service.js';
import { importResource } from './fields.js';
import { HEAVY_JOB_NAMES, type ImportJobOptions, importJob } from './import.jobs.js';
import { runImport } from './import.service.js';

/** Serialises the count-then-enqueue of heavy jobs on PostgreSQL (SQLite writers are serialised already). */
const HEAVY_JOBS_LOCK = 60_001;

/** How long a refused caller is told to wait: an import of a few thousand rows takes about this long. */
const RETRY_AFTER_SECONDS = 15;

export type StartedImport = { kind: 'done'; result: ImportResult } | { kind: 'queued'; job: JobAccepted };

/** Data rows in the file, counted by line ends (a quoted cell with line breaks counts high: it only moves the file to the background). */
export function dataRowsOf(csv: string): number {
  let lines = 0;
  for (let i = csv.indexOf('\n'); i !== -1; i = csv.indexOf('\n', i + 1)) lines++;
  if (!csv.endsWith('\n')) lines++;
  return Math.max(0, lines - 1);
}

export async function startImport(ctx: Ctx, options: ImportJobOptions & { background?: boolean | undefined }): Promise<StartedImport> {
  const { background, ...importOptions } = options;
  if (!background && dataRowsOf(options.csv) <= ctx.config.importSyncMaxRows) return { kind: 'done', result: await runImport(ctx, importOptions) };
  const { csv, ...rest } = importOptions;
  const id = await enqueueImport(ctx, rest, { text: csv });
  return { kind: 'queued', job: accepted(id) };
}

export const accepted = (id: string): JobAccepted => ({ jobId: id, state: 'queued', location: `/api/v1/jobs/${id}` });

/**
 * Queues an import job once the caller may import and has no other heavy job too many. With `text`
 * the file is stored with it; `held`, the job waits (runAt later) for its file to be stored as it
 * uploads, and runs once import-upload.service.ts releases it.
 */
export async function enqueueImport(ctx: Ctx, options: Omit<ImportJobOptions, 'csv'>, file: { text: string } | { held: true }): Promise<string> {
  // Refused before queueing, as the synchronous path would refuse it.
  if (reachOf(ctx.actor.role, importResource(options.entity), 'create') === 'none') throw forbidden(`Your role cannot import ${options.entity}`);
  return inTransaction(ctx, async (tx) => {
    const lock = tx.dialect.transactionLock(HEAVY_JOBS_LOCK);
    if (lock) await lock.execute(tx.db);
    const live = await liveJobsOf(tx, tx.actor.userId, HEAVY_JOB_NAMES);
    if (live >= tx.config.heavyJobsPerUser) {
      throw rateLimited(
        `You already have ${live} import${live === 1 ? '' : 's'} queued or running (at most ${tx.config.heavyJobsPerUser} at once); try again when it has finished`,
        RETRY_AFTER_SECONDS,
      );
    }
    const held = 'held' in file;
    return enqueue(
      tx,
      importJob,
      { userId: tx.actor.userId, via: tx.actor.via, options: held ? { ...options, uploading: true } : options },
      { workspaceId: tx.actor.workspaceId, createdBy: tx.actor.userId, ...(held ? { runAt: tx.now() + UPLOAD_WINDOW_MS } : { text: file.text }) },
    );
  });
}

/**
 * How long a held job waits for its upload: the request that stores the file releases it at once
 * when done; one that died mid-upload leaves a job that runs after this, finds no whole file and fails
 * (and frees the user's heavy-job slot).
 */
const UPLOAD_WINDOW_MS = 30 * 60_000;
