// Enqueueing and reading jobs. enqueue takes any ctx with a database handle, so a use case
// enqueues inside its own transaction: the job exists exactly when the change that asked for it
// committed (no email about a deal move that rolled back).
import type { Kysely } from 'kysely';
import type { JobProgress } from '../../api/jobs.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';
import type { JobDefinition } from './job.js';
import { findJob, findLiveSingleton, insertJob } from './jobs.repo.js';

export interface EnqueueOptions {
  /** Workspace the job works for; null (default) for a system-wide job. */
  workspaceId?: string | null;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
  /** Run no earlier than this instant (wins over delayMs). */
  runAt?: number;
  /** While a job with this name and key is queued or running, enqueueing again returns that job. */
  singletonKey?: string;
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
    created_at: now,
    updated_at: now,
    finished_at: null,
  });
  if (inserted || !options.singletonKey) return id;
  const live = await findLiveSingleton(ctx.db, job.name, options.singletonKey);
  return live?.id ?? id;
}

/**
 * A job's state and progress by id, for a long job's caller to poll. Callers check that the job
 * belongs to the asking workspace (workspaceId) before showing it.
 */
export async function jobProgress(ctx: JobsCtx, id: string): Promise<(JobProgress & { workspaceId: string | null }) | null> {
  const row = await findJob(ctx.db, id);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    workspaceId: row.workspace_id,
    state: row.state,
    attempts: row.attempts,
    progress: row.progress === null ? null : JSON.parse(row.progress),
    lastError: row.last_error,
    runAt: new Date(row.run_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}
