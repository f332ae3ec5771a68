// The job runner: fires due schedules, claims due jobs and runs their handlers. One per app node;
// any number of nodes share one PostgreSQL database (claims skip each other's rows). start()/stop()
// follow the app; tests call runDue() with an injected clock instead, so nothing waits for time.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError, type ErrorCode } from '../errors.js';
import { newId } from '../ids.js';
import { nextRun, parseCron } from './cron.js';
import { backoffDelay, type JobDefinition, type JobRun, type ScheduleDefinition } from './job.js';
import {
  advanceSchedule,
  claimJobs,
  completeJob,
  deleteFinishedBefore,
  deleteJobText,
  dueSchedules,
  failAbandoned,
  failAttempt,
  insertSchedule,
  type JobRow,
  renewLease,
  resetSchedule,
  schedulesOf,
  workspaceZones,
} from './jobs.repo.js';
import { countJobTextParts, enqueue, forgetProgress, publishProgress, readJobTextParts } from './jobs.service.js';

export interface RunnerOptions {
  database: Pick<Database, 'db' | 'dialect'> & Partial<Pick<Database, 'bulk'>>;
  config: Config;
  now: () => number;
  // biome-ignore lint/suspicious/noExplicitAny: jobs with different payloads; each is typed where it is defined and enqueued
  jobs: readonly JobDefinition<any>[];
  schedules?: readonly ScheduleDefinition[];
  /** Names this node in locked_by; unique per process. */
  nodeId?: string;
  /** How often start() looks for due work. */
  pollMs?: number;
  /** Jobs run at the same time on this node. */
  concurrency?: number;
  /** Finished jobs are deleted this long after they finished. */
  keepFinishedMs?: number;
  log?: (message: string, extra?: Record<string, unknown>) => void;
}

export interface RunResult {
  ran: number;
  failed: number;
}

export interface JobRunner {
  readonly nodeId: string;
  start(): void;
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
  /** Fires due schedules, then runs due jobs until none is due now (by the injected clock). */
  runDue(options?: { maxJobs?: number }): Promise<RunResult>;
}

const SYSTEM = '*';

/**
 * A job refused for what it was asked (its input, the user's reach) would be refused the same way
 * again: it fails at once, not after a retry (a background import whose columns map to nothing
 * failed, waited 5 s, and failed again).
 */
const REFUSALS: readonly ErrorCode[] = ['invalid_input', 'forbidden', 'rule_violation', 'payload_too_large'];
function refusedForGood(error: unknown): boolean {
  return error instanceof AppError && REFUSALS.includes(error.code);
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const { database, config, now } = options;
  const { db, dialect } = database;
  const bulk = database.bulk ?? db;
  const nodeId = options.nodeId ?? `node-${newId().slice(-10)}`;
  const byName = new Map(options.jobs.map((j) => [j.name, j]));
  if (byName.size !== options.jobs.length) throw new Error('two jobs share a name');
  const schedules = options.schedules ?? [];
  for (const s of schedules) if (!byName.has(s.job.name)) throw new Error(`schedule for unregistered job ${s.job.name}`);
  const names = [...byName.keys()];
  const maxLeaseMs = Math.max(0, ...options.jobs.map((j) => j.leaseMs));
  const concurrency = options.concurrency ?? 2;
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<unknown> | null = null;
  let stopping = false;
  let lastSync = Number.NEGATIVE_INFINITY;
  let lastCleanup = Number.NEGATIVE_INFINITY;

  /** Creates missing schedule rows (new workspaces) and re-times rows whose zone or cron changed. */
  async function syncSchedules(at: number): Promise<void> {
    const zones = schedules.some((s) => s.scope === 'workspace') ? await workspaceZones(db) : [];
    for (const def of schedules) {
      const cron = parseCron(def.cron);
      const want = def.scope === 'system' ? [{ id: null, timezone: 'UTC' }] : zones;
      const have = new Map((await schedulesOf(db, def.job.name)).map((r) => [r.key, r]));
      for (const w of want) {
        const key = `${def.job.name}:${w.id ?? SYSTEM}`;
        const row = have.get(key);
        if (!row) {
          await insertSchedule(db, {
            key,
            workspace_id: w.id,
            name: def.job.name,
            cron: def.cron,
            timezone: w.timezone,
            next_run_at: nextRun(cron, w.timezone, at),
            last_run_at: null,
            created_at: at,
            updated_at: at,
          });
        } else if (row.cron !== def.cron || row.timezone !== w.timezone) {
          await resetSchedule(db, key, def.cron, w.timezone, nextRun(cron, w.timezone, at), at);
        }
      }
    }
  }

  /** Each due schedule fires once across all nodes; missed runs (the app was down) fire once, not once each. */
  async function fireSchedules(at: number): Promise<void> {
    const crons = new Map(schedules.map((s) => [s.job.name, parseCron(s.cron)]));
    for (const row of await dueSchedules(db, [...crons.keys()], at)) {
      const cron = crons.get(row.name);
      const job = byName.get(row.name);
      if (!cron || !job) continue;
      await db.transaction().execute(async (trx) => {
        if (!(await advanceSchedule(trx, row, nextRun(cron, row.timezone, at), at))) return;
        await enqueue({ db: trx, now: () => at }, job, {}, { workspaceId: row.workspace_id, singletonKey: `${row.key}@${row.next_run_at}` });
      });
    }
  }

  async function runOne(row: JobRow): Promise<boolean> {
    const def = byName.get(row.name) as JobDefinition<unknown>;
    let lost = false;
    const heartbeat = setInterval(
      () => {
        const t = now();
        renewLease(db, row, nodeId, t, t + def.leaseMs)
          .then((held) => {
            lost ||= !held;
          })
          .catch(() => {});
      },
      Math.max(1000, Math.floor(def.leaseMs / 3)),
    );
    heartbeat.unref();
    let hasText = false;
    const run: JobRun<unknown> = {
      id: row.id,
      name: row.name,
      payload: JSON.parse(row.payload),
      workspaceId: row.workspace_id,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      db,
      bulk,
      dialect,
      config,
      now,
      async progress(value) {
        publishProgress(row.id, value);
        const t = now();
        if (!(await renewLease(db, row, nodeId, t, t + def.leaseMs, JSON.stringify(value)))) lost = true;
      },
      async textParts() {
        const count = await countJobTextParts(db, row.id);
        if (count === 0) return null;
        hasText = true;
        return { count, parts: () => readJobTextParts(db, row.id) };
      },
      log: (message, extra) => log(`[job ${row.name} ${row.id}] ${message}`, extra),
    };
    try {
      const result = await def.handler(run);
      clearInterval(heartbeat);
      forgetProgress(row.id);
      // A worker that lost its lease (taken over by another node) records nothing: the other attempt decides.
      const stored = result === undefined ? null : JSON.stringify(result);
      const completed = await completeJob(db, row, nodeId, now(), stored);
      if (!completed && !lost) log(`[job ${row.name} ${row.id}] finished after losing its lease`);
      // Done for good (a failed job keeps its text for a retry from the operator's view). Only a job
      // that read a text has one: every other job's completion costs no extra statement.
      if (completed && hasText) await deleteJobText(db, row.id);
      return true;
    } catch (error) {
      clearInterval(heartbeat);
      forgetProgress(row.id);
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = row.attempts < row.max_attempts && !refusedForGood(error) ? now() + backoffDelay(def.backoff, row.attempts) : null;
      log(`[job ${row.name} ${row.id}] attempt ${row.attempts} failed: ${message}${retryAt === null ? ' (no retries left)' : ''}`);
      await failAttempt(db, row, nodeId, now(), message.slice(0, 2000), retryAt);
      return false;
    }
  }

  async function runDue({ maxJobs = Number.POSITIVE_INFINITY } = {}): Promise<RunResult> {
    const at = now();
    // Workspaces appear and change zone rarely: the schedule table is brought in line once a minute.
    if (schedules.length > 0 && at - lastSync >= 60_000) {
      await syncSchedules(at);
      lastSync = at;
    }
    await fireSchedules(at);
    const result: RunResult = { ran: 0, failed: 0 };
    while (result.ran < maxJobs && !stopping) {
      const t = now();
      await failAbandoned(db, names, t);
      const limit = Math.min(concurrency, maxJobs - result.ran);
      const rows = await claimJobs(db, dialect, { names, now: t, limit, nodeId, leaseMs: (n) => byName.get(n)?.leaseMs ?? maxLeaseMs, maxLeaseMs });
      if (rows.length === 0) break;
      const outcomes = await Promise.all(rows.map(runOne));
      result.ran += rows.length;
      result.failed += outcomes.filter((ok) => !ok).length;
    }
    if (at - lastCleanup >= 3600_000) {
      await deleteFinishedBefore(db, at - (options.keepFinishedMs ?? 7 * 86_400_000));
      lastCleanup = at;
    }
    return result;
  }

  return {
    nodeId,
    runDue,
    start() {
      if (timer) return;
      stopping = false;
      const tick = () => {
        if (busy) return;
        busy = runDue()
          .catch((error) => log(`job runner tick failed: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            busy = null;
          });
      };
      timer = setInterval(tick, options.pollMs ?? 1000);
      timer.unref();
      tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await busy;
    },
  };
}
