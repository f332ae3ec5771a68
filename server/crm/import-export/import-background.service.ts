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
  // Refused before queueing, as the synchronous path would refuse it.
  if (reachOf(ctx.actor.role, importResource(options.entity), 'create') === 'none') throw forbidden(`Your role cannot import ${options.entity}`);
  const id = await inTransaction(ctx, async (tx) => {
    const lock = tx.dialect.transactionLock(HEAVY_JOBS_LOCK);
    if (lock) await lock.execute(tx.db);
    const live = await liveJobsOf(tx, tx.actor.userId, HEAVY_JOB_NAMES);
    if (live >= tx.config.heavyJobsPerUser) {
      throw rateLimited(
        `You already have ${live} import${live === 1 ? '' : 's'} queued or running (at most ${tx.config.heavyJobsPerUser} at once); try again when it has finished`,
        RETRY_AFTER_SECONDS,
      );
    }
    const { csv, ...rest } = importOptions;
    return enqueue(
      tx,
      importJob,
      { userId: tx.actor.userId, via: tx.actor.via, options: rest },
      { workspaceId: tx.actor.workspaceId, createdBy: tx.actor.userId, text: csv },
    );
  });
  return { kind: 'queued', job: { jobId: id, state: 'queued', location: `/api/v1/jobs/${id}` } };
}
