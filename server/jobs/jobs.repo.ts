// All SQL of the job queue. Claiming is the one engine difference: PostgreSQL takes due rows with
// FOR UPDATE SKIP LOCKED (many nodes, no waiting on each other); SQLite (one node, writers
// serialised) claims each candidate with an UPDATE guarded by the state it was read in, so a job
// claimed by another runner in between is simply skipped.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import type { JobSchedulesTable, JobsTable } from '../db/schema/jobs.js';
import type { DB } from '../db/schema.js';

export type JobRow = Selectable<JobsTable>;
export type ScheduleRow = Selectable<JobSchedulesTable>;

/** Inserts a job; with a singleton key already queued or running, does nothing and returns false. */
export async function insertJob(db: Kysely<DB>, row: JobRow): Promise<boolean> {
  const r = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** One part of a job's long text (jobs.service.ts#enqueue splits it). */
export async function insertJobTextPart(db: Kysely<DB>, jobId: string, part: number, body: string): Promise<void> {
  await db.insertInto('job_texts').values({ job_id: jobId, part, body }).execute();
}

export async function jobTextPart(db: Kysely<DB>, jobId: string, part: number): Promise<string | undefined> {
  const row = await db.selectFrom('job_texts').select('body').where('job_id', '=', jobId).where('part', '=', part).executeTakeFirst();
  return row?.body;
}

export async function countTextParts(db: Kysely<DB>, jobId: string): Promise<number> {
  const row = await db
    .selectFrom('job_texts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A job held back while its text arrived (an uploaded file) runs now, with its final payload. */
export async function releaseHeldJob(db: Kysely<DB>, jobId: string, payload: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ payload, run_at: now, updated_at: now })
    .where('id', '=', jobId)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A held job whose text never arrived whole goes, its parts with it. */
export async function deleteQueuedJob(db: Kysely<DB>, jobId: string): Promise<void> {
  await db.deleteFrom('job_texts').where('job_id', '=', jobId).execute();
  await db.deleteFrom('jobs').where('id', '=', jobId).where('state', '=', 'queued').execute();
}

/** A finished job's text is not needed again (the row goes later, with its retention). */
export async function deleteJobText(db: Kysely<DB>, jobId: string): Promise<void> {
  await db.deleteFrom('job_texts').where('job_id', '=', jobId).execute();
}

export function findLiveSingleton(db: Kysely<DB>, name: string, singletonKey: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('name', '=', name)
    .where('singleton_key', '=', singletonKey)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
}

/**
 * A job by id without its payload: an import's payload is its whole CSV (MBs), and reading it on
 * every poll of the job's progress took 100–550 ms of the event loop on SQLite during an import.
 */
export function findJob(db: Kysely<DB>, id: string): Promise<Omit<JobRow, 'payload'> | undefined> {
  return db
    .selectFrom('jobs')
    .select([
      'id',
      'workspace_id',
      'name',
      'state',
      'singleton_key',
      'run_at',
      'attempts',
      'max_attempts',
      'lease_until',
      'locked_by',
      'progress',
      'last_error',
      'created_by',
      'result',
      'created_at',
      'updated_at',
      'finished_at',
      'started_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Running jobs whose worker vanished on their last allowed attempt: failed, not retried forever. */
export async function failAbandoned(db: Kysely<DB>, names: readonly string[], now: number): Promise<void> {
  if (names.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ state: 'failed', last_error: 'the worker stopped during the last attempt (lease expired)', finished_at: now, updated_at: now, lease_until: null })
    .where('name', 'in', names)
    .where('state', '=', 'running')
    .where('lease_until', '<', now)
    .whereRef('attempts', '>=', 'max_attempts')
    .execute();
}

export interface ClaimRequest {
  names: readonly string[];
  now: number;
  limit: number;
  nodeId: string;
  leaseMs: (name: string) => number;
  /** The longest lease of the claimed names: held from the claim until each job's own is set. */
  maxLeaseMs: number;
}

/** Takes up to `limit` due jobs for this node: marks them running with a lease and counts the attempt. */
export async function claimJobs(db: Kysely<DB>, dialect: Dialect, req: ClaimRequest): Promise<JobRow[]> {
  if (req.names.length === 0) return [];
  // biome-ignore lint/suspicious/noExplicitAny: the same WHERE on the select (PostgreSQL) and the update (SQLite) builder
  const due = (q: any) =>
    q
      .where('name', 'in', req.names)
      // biome-ignore lint/suspicious/noExplicitAny: as above
      .where((eb: any) =>
        eb.or([eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', req.now)]), eb.and([eb('state', '=', 'running'), eb('lease_until', '<', req.now)])]),
      );
  const claimed: JobRow[] = [];
  if (dialect.engine === 'postgres') {
    const rows = await db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: sql`attempts + 1`,
        locked_by: req.nodeId,
        started_at: req.now,
        updated_at: req.now,
        lease_until: req.now + req.maxLeaseMs,
      })
      .where('id', 'in', due(db.selectFrom('jobs').select('id')).orderBy('run_at').limit(req.limit).forUpdate().skipLocked())
      .returningAll()
      .execute();
    claimed.push(...rows);
  } else {
    // Not the payload: the claim's update returns it, and an import's is its whole file.
    const candidates: Pick<JobRow, 'id' | 'state' | 'attempts'>[] = await due(db.selectFrom('jobs').select(['id', 'state', 'attempts']))
      .orderBy('run_at')
      .limit(req.limit)
      .execute();
    for (const c of candidates) {
      const row = await db
        .updateTable('jobs')
        .set({
          state: 'running',
          attempts: c.attempts + 1,
          locked_by: req.nodeId,
          started_at: req.now,
          updated_at: req.now,
          lease_until: req.now + req.maxLeaseMs,
        })
        .where('id', '=', c.id)
        .where('state', '=', c.state)
        .where('attempts', '=', c.attempts)
        .returningAll()
        .executeTakeFirst();
      if (row) claimed.push(row);
    }
  }
  for (const row of claimed) {
    row.lease_until = req.now + req.leaseMs(row.name);
    await db.updateTable('jobs').set({ lease_until: row.lease_until }).where('id', '=', row.id).where('locked_by', '=', req.nodeId).execute();
  }
  return claimed;
}

/** Guard for every write by the worker: it still holds this attempt (not taken over after its lease). */
function held(db: Kysely<DB>, job: Pick<JobRow, 'id' | 'attempts'>, nodeId: string) {
  return db.updateTable('jobs').where('id', '=', job.id).where('state', '=', 'running').where('locked_by', '=', nodeId).where('attempts', '=', job.attempts);
}

export async function completeJob(db: Kysely<DB>, job: JobRow, nodeId: string, now: number, result: string | null = null): Promise<boolean> {
  const r = await held(db, job, nodeId)
    .set({ state: 'done', finished_at: now, updated_at: now, lease_until: null, last_error: null, result })
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A failed attempt: queued again at `retryAt`, or failed for good when retryAt is null. */
export async function failAttempt(db: Kysely<DB>, job: JobRow, nodeId: string, now: number, error: string, retryAt: number | null): Promise<void> {
  await held(db, job, nodeId)
    .set(
      retryAt === null
        ? { state: 'failed', last_error: error, finished_at: now, updated_at: now, lease_until: null }
        : { state: 'queued', last_error: error, run_at: retryAt, updated_at: now, lease_until: null, locked_by: null, started_at: null },
    )
    .execute();
}

export async function renewLease(db: Kysely<DB>, job: JobRow, nodeId: string, now: number, leaseUntil: number, progress?: string): Promise<boolean> {
  const r = await held(db, job, nodeId)
    .set({ lease_until: leaseUntil, updated_at: now, ...(progress !== undefined && { progress }) })
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Finished jobs are kept a while for inspection, then removed. */
export async function deleteFinishedBefore(db: Kysely<DB>, before: number): Promise<void> {
  await db.deleteFrom('jobs').where('state', 'in', ['done', 'cancelled', 'failed']).where('finished_at', '<', before).execute();
}

export async function countByState(db: Kysely<DB>): Promise<{ name: string; state: string; count: number }[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['name', 'state', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['name', 'state'])
    .execute();
  return rows.map((r) => ({ name: r.name, state: r.state, count: Number(r.count) }));
}

// ——— schedules ———

export function schedulesOf(db: Kysely<DB>, name: string): Promise<ScheduleRow[]> {
  return db.selectFrom('job_schedules').selectAll().where('name', '=', name).execute();
}

export async function insertSchedule(db: Kysely<DB>, row: ScheduleRow): Promise<void> {
  await db
    .insertInto('job_schedules')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function resetSchedule(db: Kysely<DB>, key: string, cron: string, timezone: string, nextRunAt: number, now: number): Promise<void> {
  await db.updateTable('job_schedules').set({ cron, timezone, next_run_at: nextRunAt, updated_at: now }).where('key', '=', key).execute();
}

export function workspaceZones(db: Kysely<DB>): Promise<{ id: string; timezone: string }[]> {
  return db.selectFrom('workspaces').select(['id', 'timezone']).execute();
}

export function dueSchedules(db: Kysely<DB>, names: readonly string[], now: number): Promise<ScheduleRow[]> {
  if (names.length === 0) return Promise.resolve([]);
  return db.selectFrom('job_schedules').selectAll().where('name', 'in', names).where('next_run_at', '<=', now).orderBy('next_run_at').execute();
}

/** Moves a due schedule on; only the node whose update lands fires it. */
export async function advanceSchedule(db: Kysely<DB>, row: ScheduleRow, nextRunAt: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('job_schedules')
    .set({ next_run_at: nextRunAt, last_run_at: now, updated_at: now })
    .where('key', '=', row.key)
    .where('next_run_at', '=', row.next_run_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A user's live (queued or running) jobs among `names`, for the per-user limit on heavy jobs. */
export async function countLiveJobsOf(db: Kysely<DB>, userId: string, names: readonly string[]): Promise<number> {
  if (names.length === 0) return 0;
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', '=', userId)
    .where('state', 'in', ['queued', 'running'])
    .where('name', 'in', names)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ——— the operator's view (Settings → Background jobs) ———

/** The schedules that apply to a workspace: the system-wide ones and its own. */
export function workspaceSchedules(db: Kysely<DB>, workspaceId: string): Promise<ScheduleRow[]> {
  return db
    .selectFrom('job_schedules')
    .selectAll()
    .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
    .execute();
}

export type JobListRow = Omit<JobRow, 'payload' | 'progress' | 'result'> & { creator_name: string | null };

/** A workspace's jobs and the system's own (workspace null), newest first, without payloads. */
export function listWorkspaceJobs(
  db: Kysely<DB>,
  workspaceId: string,
  filter: { state?: string | undefined; name?: string | undefined; limit: number },
): Promise<JobListRow[]> {
  let q = db
    .selectFrom('jobs')
    .leftJoin('users', 'users.id', 'jobs.created_by')
    .select([
      'jobs.id',
      'jobs.workspace_id',
      'jobs.name',
      'jobs.state',
      'jobs.singleton_key',
      'jobs.run_at',
      'jobs.attempts',
      'jobs.max_attempts',
      'jobs.lease_until',
      'jobs.locked_by',
      'jobs.last_error',
      'jobs.created_by',
      'jobs.created_at',
      'jobs.updated_at',
      'jobs.started_at',
      'jobs.finished_at',
      'users.name as creator_name',
    ])
    .where((eb) => eb.or([eb('jobs.workspace_id', '=', workspaceId), eb('jobs.workspace_id', 'is', null)]));
  if (filter.state) q = q.where('jobs.state', '=', filter.state as JobRow['state']);
  if (filter.name) q = q.where('jobs.name', '=', filter.name);
  return q.orderBy('jobs.created_at', 'desc').orderBy('jobs.id', 'desc').limit(filter.limit).execute();
}

/**
 * The newest job of each name for one workspace, or for the system (workspaceId null): the
 * schedules' "last run".
 */
export async function lastJobsByName(db: Kysely<DB>, workspaceId: string | null, names: readonly string[]): Promise<Map<string, JobRow>> {
  if (names.length === 0) return new Map();
  const newest = db
    .selectFrom('jobs')
    .select(['name', (eb) => eb.fn.max('created_at').as('at')])
    .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .where('name', 'in', names)
    .groupBy('name')
    .as('newest');
  const rows = await db
    .selectFrom('jobs')
    .innerJoin(newest, (j) => j.onRef('newest.name', '=', 'jobs.name').onRef('newest.at', '=', 'jobs.created_at'))
    .selectAll('jobs')
    .where('jobs.workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .orderBy('jobs.id')
    .execute();
  return new Map(rows.map((r) => [r.name, r]));
}

/** Whether a job of this name is queued or running for the workspace. */
export async function hasLiveJob(db: Kysely<DB>, workspaceId: string, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return row !== undefined;
}

/** A failed job queued again with its attempts reset; false when it was no longer failed. */
export async function requeueFailed(db: Kysely<DB>, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_at: now, started_at: null, finished_at: null, lease_until: null, locked_by: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
