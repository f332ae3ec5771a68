// Row types of the background job queue and its schedules (server/jobs/). Instants are epoch ms.
// workspace_id is null for system-wide jobs and schedules.

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: string;
  workspace_id: string | null;
  name: string;
  /** JSON of the job’s payload (a long text it works on is in job_texts). */
  payload: string;
  state: JobState;
  singleton_key: string | null;
  run_at: number;
  attempts: number;
  max_attempts: number;
  lease_until: number | null;
  locked_by: string | null;
  /** JSON a long job reports while it runs (readable by id). */
  progress: string | null;
  last_error: string | null;
  /** The user who asked for the job (imports, exports); null for system and scheduled jobs. */
  created_by: string | null;
  /** JSON of what the handler returned (an import's report), once done. */
  result: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  /** When the current (last) attempt was claimed by a runner; null while queued. */
  started_at: number | null;
}

/** A job's long text (an import's file), in parts in order; see migration 2026-12-13-10-job-texts. */
export interface JobTextsTable {
  job_id: string;
  part: number;
  /** The part as a JSON string (lossless for NUL and unpaired surrogates, which PostgreSQL's text refuses). */
  body: string;
}

export interface JobSchedulesTable {
  key: string;
  workspace_id: string | null;
  name: string;
  cron: string;
  timezone: string;
  next_run_at: number;
  last_run_at: number | null;
  created_at: number;
  updated_at: number;
}
