// An import's answers read with their api/ types, for the import tests: the 202 job it started (polled
// by its location), the job's report, and the 422 report of a refused file.
import { expect } from 'vitest';
import type { ImportRefused, ImportResult } from '../../../../api/imports.js';
import type { JobAccepted, JobProgress } from '../../../../api/jobs.js';
import { variantWith } from '../../../test/test-env.js';
import type { ImportJobProgress } from '../import.jobs.js';

/** An import's answer at once (200): its report. Fails the test when the import answered 202 with a job instead. */
export function reportOf(body: ImportResult | JobAccepted): ImportResult {
  return variantWith(body, 'ok');
}

/**
 * The URL a background import's 202 (JobAccepted) points at, checked to be the job's own and typed as the
 * jobs route, so polling it reads a JobProgress. Fails the test when the body is a report, not a job.
 */
export function jobUrl(body: ImportResult | JobAccepted): `/api/v1/jobs/${string}` {
  const accepted = variantWith(body, 'location');
  const url = `/api/v1/jobs/${accepted.jobId}` as const;
  expect(accepted.location).toBe(url);
  return url;
}

/** An import job's report: api/jobs.ts types a job's result as unknown (each job its own); an import's is its ImportResult. */
export function jobReport(job: JobProgress): ImportResult {
  if (job.result === null) throw new Error(`the job has no result yet (state ${job.state})`);
  return job.result as ImportResult;
}

/**
 * An import job's progress, null before it reports. api/jobs.ts types a job's progress as unknown (each job
 * its own) and no api/ schema declares an import's: this checks it is the server's ImportJobProgress.
 */
export function importProgress(job: JobProgress): ImportJobProgress | null {
  const p = job.progress;
  if (p === null) return null;
  if (
    typeof p !== 'object' ||
    !('phase' in p && 'done' in p && 'total' in p) ||
    (p.phase !== 'reading' && p.phase !== 'checking' && p.phase !== 'writing') ||
    typeof p.done !== 'number' ||
    typeof p.total !== 'number' ||
    !('rowsPerSecond' in p && 'secondsLeft' in p) ||
    (p.rowsPerSecond !== null && typeof p.rowsPerSecond !== 'number') ||
    (p.secondsLeft !== null && typeof p.secondsLeft !== 'number')
  ) {
    throw new Error(`not an import's progress: ${JSON.stringify(p)}`);
  }
  return { phase: p.phase, done: p.done, total: p.total, rowsPerSecond: p.rowsPerSecond, secondsLeft: p.secondsLeft };
}

/** A (non-dry-run) import with a bad row is refused: 422 rule_violation, the report in details. */
export function refused(res: { status: number; body: unknown }): ImportResult {
  expect(res.status).toBe(422);
  // The route's 422 is ImportRefused (api/imports.ts): its details are the whole report, where the client's
  // error type (TestError) knows only a report's row errors.
  const body = res.body as ImportRefused;
  expect(body.error.code).toBe('rule_violation');
  return body.error.details;
}
