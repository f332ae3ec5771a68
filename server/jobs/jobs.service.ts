// Enqueueing and reading jobs. enqueue takes any ctx with a database handle, so a use case
// enqueues inside its own transaction: the job exists exactly when the change that asked for it
// committed (no email about a deal move that rolled back).
import type { Kysely } from 'kysely';
import type { JobProgress } from '../../api/jobs.js';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import { notFound } from '../errors.js';
import { timeSlicer } from '../event-loop.js';
import { ownerScopeOrNull, scopeIncludes } from '../identity/visibility.js';
import { newId } from '../ids.js';
import type { JobDefinition } from './job.js';
import {
  countByState,
  countLiveJobsOf,
  countTextParts,
  deleteQueuedJob,
  findJob,
  findLiveSingleton,
  insertJob,
  insertJobTextPart,
  jobTextPart,
  releaseHeldJob,
} from './jobs.repo.js';

export interface EnqueueOptions {
  /** Workspace the job works for; null (default) for a system-wide job. */
  workspaceId?: string | null;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
  /** Run no earlier than this instant (wins over delayMs). */
  runAt?: number;
  /** While a job with this name and key is queued or running, enqueueing again returns that job. */
  singletonKey?: string;
  /** The user who asked for it: only they (and the workspace's admins) may read it by id. */
  createdBy?: string | null;
  /**
   * A long text the job works on (an import's file), kept beside the job's row in parts, not in its
   * payload: the row is rewritten by every claim, lease renewal and progress store. The handler
   * reads it with `job.textParts()`.
   */
  text?: string;
}

/** Characters per part of a job's text: each part's insert or read is one short statement. */
export const JOB_TEXT_PART = 256 * 1024;

/**
 * Progress of the jobs running on this node, as last reported: read before the jobs table, whose
 * copy may lag (on SQLite a job holding a write transaction cannot write its progress until it
 * commits). Entries go when the job ends.
 */
const liveProgress = new Map<string, unknown>();

export function publishProgress(id: string, value: unknown): void {
  liveProgress.set(id, value);
}

export function forgetProgress(id: string): void {
  liveProgress.delete(id);
}

export interface JobsCtx {
  readonly db: Kysely<DB>;
  readonly now: () => number;
}

/** Queues a job and returns its id (the live job's id when the singleton key is taken). */
export async function enqueue<P>(ctx: JobsCtx, job: JobDefinition<P>, payload: P, options: EnqueueOptions = {}): Promise<string> {
  const now = ctx.now();
  const id = newId();
  const inserted = await insertJob(ctx.db, {
    id,
    workspace_id: options.workspaceId ?? null,
    name: job.name,
    payload: JSON.stringify(payload ?? {}),
    state: 'queued',
    singleton_key: options.singletonKey ?? null,
    run_at: options.runAt ?? now + (options.delayMs ?? 0),
    attempts: 0,
    max_attempts: job.retryLimit + 1,
    lease_until: null,
    locked_by: null,
    progress: null,
    last_error: null,
    created_by: options.createdBy ?? null,
    result: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
    started_at: null,
  });
  if (inserted && options.text !== undefined) await storeJobText(ctx.db, id, options.text);
  if (inserted || !options.singletonKey) return id;
  const live = await findLiveSingleton(ctx.db, job.name, options.singletonKey);
  return live?.id ?? id;
}

/**
 * The text in parts, each inserted in its own turn of the event loop: a 20 MB file written as one
 * statement held SQLite's (synchronous) handle for over 100 ms.
 */
async function storeJobText(db: Kysely<DB>, jobId: string, text: string): Promise<void> {
  const pause = timeSlicer();
  // Each part is stored as a JSON string: a file's NUL or unpaired surrogate (which the import
  // reports on its line) cannot be stored as text in PostgreSQL, and a surrogate pair cut in two
  // comes back whole when the parts are joined.
  for (let part = 0, at = 0; at < text.length || part === 0; part++, at += JOB_TEXT_PART) {
    await insertJobTextPart(db, jobId, part, JSON.stringify(text.slice(at, at + JOB_TEXT_PART)));
    await pause();
  }
}

/** A job's text a part at a time, in order (a big import's file, read as it goes). */
export async function* readJobTextParts(db: Kysely<DB>, jobId: string): AsyncGenerator<string> {
  for (let part = 0; ; part++) {
    const body = await jobTextPart(db, jobId, part);
    if (body === undefined) return;
    yield JSON.parse(body) as string;
  }
}

/** A job enqueued held back (runAt later) while its text was stored: it runs now, with this payload. */
export function releaseJob(ctx: JobsCtx, jobId: string, payload: unknown): Promise<boolean> {
  return releaseHeldJob(ctx.db, jobId, JSON.stringify(payload), ctx.now());
}

/** A held job whose text did not arrive whole: it and its parts go (it never ran). */
export function dropHeldJob(ctx: JobsCtx, jobId: string): Promise<void> {
  return deleteQueuedJob(ctx.db, jobId);
}

export function countJobTextParts(db: Kysely<DB>, jobId: string): Promise<number> {
  return countTextParts(db, jobId);
}

/**
 * Stores a text arriving as a stream (an uploaded file) as the job's parts, a part at a time: the
 * text is never whole in memory. Returns the characters stored; the caller releases the job after.
 */
export async function storeJobTextStream(db: Kysely<DB>, jobId: string, chunks: AsyncIterable<string>): Promise<number> {
  let part = 0;
  let pending = '';
  let stored = 0;
  const flush = async (all: boolean) => {
    while (pending.length >= JOB_TEXT_PART || (all && (pending.length > 0 || part === 0))) {
      let end = Math.min(pending.length, JOB_TEXT_PART);
      // Never end a part on the first half of a surrogate pair: the pair is kept whole in the next.
      const last = pending.charCodeAt(end - 1);
      if (end < pending.length && last >= 0xd800 && last <= 0xdbff) end--;
      await insertJobTextPart(db, jobId, part++, JSON.stringify(pending.slice(0, end)));
      stored += end;
      pending = pending.slice(end);
      if (all && pending.length === 0) return;
    }
  };
  for await (const chunk of chunks) {
    pending += chunk;
    await flush(false);
  }
  await flush(true);
  return stored;
}

/**
 * A job's state and progress by id, for a long job's caller to poll. Callers check that the job
 * belongs to the asking workspace (workspaceId) before showing it.
 */
export async function jobProgress(ctx: JobsCtx, id: string): Promise<(JobProgress & { workspaceId: string | null; createdBy: string | null }) | null> {
  const row = await findJob(ctx.db, id);
  if (!row) return null;
  const live = row.state === 'running' ? liveProgress.get(id) : undefined;
  return {
    id: row.id,
    name: row.name,
    workspaceId: row.workspace_id,
    createdBy: row.created_by,
    state: row.state,
    attempts: row.attempts,
    progress: live !== undefined ? live : row.progress === null ? null : JSON.parse(row.progress),
    result: row.result === null ? null : JSON.parse(row.result),
    lastError: row.last_error,
    runAt: new Date(row.run_at).toISOString(),
    startedAt: row.started_at === null ? null : new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}

/** How many of `names` the user has queued or running (the per-user limit on heavy jobs). */
export function liveJobsOf(ctx: JobsCtx, userId: string, names: readonly string[]): Promise<number> {
  return countLiveJobsOf(ctx.db, userId, names);
}

/**
 * A job by id for the API, as the policy table's `jobs` row says (its creator; an admin every job of
 * the workspace); anyone else gets 404, as for a job that does not exist.
 */
export async function visibleJob(ctx: Ctx, id: string): Promise<JobProgress> {
  const [job, scope] = await Promise.all([jobProgress(ctx, id), ownerScopeOrNull(ctx, 'jobs', 'read')]);
  const mine = job && scope && job.workspaceId === ctx.actor.workspaceId && (scope.all || (job.createdBy !== null && scopeIncludes(scope, job.createdBy)));
  if (!job || !mine) throw notFound('Job');
  const { workspaceId: _w, createdBy: _c, ...shown } = job;
  return shown;
}

/** Jobs by name and state, across workspaces: the queue's gauge for /metrics. */
export function jobCounts(db: Kysely<DB>): Promise<{ name: string; state: string; count: number }[]> {
  return countByState(db);
}
