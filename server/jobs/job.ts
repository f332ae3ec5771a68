// The one job interface. A capability defines its jobs here-style (defineJob / defineSchedule),
// lists them in jobs/registry.ts, and enqueues with jobs.service.ts#enqueue inside its own
// transaction. Handlers run at least once, so they must be idempotent.
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Dialect } from '../db/dialect.js';
import type { DB } from '../db/schema.js';
import { parseCron } from './cron.js';

/** What a handler gets: the job, the database (not in a transaction), the clock and config. */
export interface JobRun<P> {
  readonly id: string;
  readonly name: string;
  readonly payload: P;
  /** Null for a system-wide job. */
  readonly workspaceId: string | null;
  /** 1 on the first try. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly db: Kysely<DB>;
  /** Connections for long work (database.ts#bulk): an import writes here. */
  readonly bulk: Kysely<DB>;
  readonly dialect: Dialect;
  readonly config: Config;
  readonly now: () => number;
  /**
   * Publishes progress, readable by id while the job runs: at once on this node (jobProgress reads
   * it), and in the jobs table, which also extends the lease; the promise is that write. A job that
   * holds a write transaction on SQLite must not await it (the write waits for that transaction).
   */
  progress(value: unknown): Promise<void>;
  /**
   * The text it was enqueued with (EnqueueOptions.text: an import's file) a part at a time, never
   * whole, with the number of parts; null if none. `parts()` may be read again from the start.
   */
  textParts(): Promise<{ count: number; parts: () => AsyncIterable<string> } | null>;
  log(message: string, extra?: Record<string, unknown>): void;
}

export interface Backoff {
  /** Delay before the first retry; doubled on every further one when exponential. */
  readonly delayMs: number;
  readonly exponential: boolean;
  readonly maxDelayMs: number;
}

export interface JobDefinition<P = unknown> {
  /** Unique, dotted by capability: 'identity.delete-expired-sessions', 'notifications.email'. */
  readonly name: string;
  /** One line for the operator's view (Settings → Background jobs). */
  readonly description: string;
  /** What it resolves to (an import's report) is stored as the job's result, readable by id. */
  readonly handler: (job: JobRun<P>) => Promise<unknown>;
  /** Retries after the first attempt (0 = run once). */
  readonly retryLimit: number;
  readonly backoff: Backoff;
  /** How long a running job is held before another worker may take it over (the worker died). */
  readonly leaseMs: number;
}

export function defineJob<P>(def: {
  name: string;
  description?: string;
  handler: (job: JobRun<P>) => Promise<unknown>;
  retryLimit?: number;
  backoff?: Partial<Backoff>;
  leaseMs?: number;
}): JobDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(def.name)) throw new Error(`job name "${def.name}" must be capability.kebab-case`);
  return {
    name: def.name,
    description: def.description ?? '',
    handler: def.handler,
    retryLimit: def.retryLimit ?? 3,
    backoff: { delayMs: 30_000, exponential: true, maxDelayMs: 3600_000, ...def.backoff },
    leaseMs: def.leaseMs ?? 5 * 60_000,
  };
}

/** The delay before retry number `retry` (1-based). */
export function backoffDelay(backoff: Backoff, retry: number): number {
  const delay = backoff.exponential ? backoff.delayMs * 2 ** (retry - 1) : backoff.delayMs;
  return Math.min(delay, backoff.maxDelayMs);
}

export interface ScheduleDefinition {
  readonly job: JobDefinition<Record<string, never>>;
  /** Five-field cron, on the wall clock of the workspace's time zone (UTC for system schedules). */
  readonly cron: string;
  /** One schedule per workspace (the job runs with that workspace id), or one for the whole system. */
  readonly scope: 'workspace' | 'system';
}

export function defineSchedule(def: ScheduleDefinition): ScheduleDefinition {
  parseCron(def.cron); // a bad expression fails at start-up, not at 3 a.m.
  return def;
}
