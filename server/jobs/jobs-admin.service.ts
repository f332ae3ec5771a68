// The operator's view of the queue (Settings → Background jobs): the schedules that apply to the
// workspace with their last run, the workspace's recent jobs, "run now" and "retry". Only a role
// whose `jobs` reach for update is "all" operates the queue (the admin); a creator reads their own
// job by id (jobs.service.ts#visibleJob) but never lists or re-runs the workspace's jobs.
import type { JobAccepted, JobList, JobListQuery, JobScheduleList, JobSummary } from '../../api/jobs.js';
import { type Ctx, inTransaction } from '../context.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { audit } from '../ops/audit.service.js';
import { nextRun, parseCron } from './cron.js';
import { findJob, findLiveSingleton, hasLiveJob, type JobListRow, lastJobsByName, listWorkspaceJobs, requeueFailed, workspaceSchedules } from './jobs.repo.js';
import { enqueue } from './jobs.service.js';
import { SCHEDULES } from './registry.js';

const accepted = (jobId: string): JobAccepted => ({ jobId, state: 'queued', location: `/api/v1/jobs/${jobId}` });
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

async function assertOperator(ctx: Ctx, op: 'create' | 'update' = 'update'): Promise<void> {
  const scope = await ownerScope(ctx, 'jobs', op);
  if (!scope.all) throw forbidden('Only an administrator operates the background jobs');
}

export async function listSchedules(ctx: Ctx): Promise<JobScheduleList> {
  await assertOperator(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const namesOf = (scope: 'workspace' | 'system') => SCHEDULES.filter((s) => s.scope === scope).map((s) => s.job.name);
  const [workspace, rows, lastHere, lastSystem] = await Promise.all([
    getWorkspace(ctx),
    workspaceSchedules(ctx.db, workspaceId),
    lastJobsByName(ctx.db, workspaceId, namesOf('workspace')),
    lastJobsByName(ctx.db, null, namesOf('system')),
  ]);
  return {
    items: SCHEDULES.map((def) => {
      // The runner writes a schedule's row at start-up and re-times it within a minute of a change of
      // zone; until then the next run is computed here, the way the runner will (runner.ts#syncSchedules).
      const timezone = def.scope === 'system' ? 'UTC' : workspace.timezone;
      const row = rows.find((r) => r.name === def.job.name && (def.scope === 'system' ? r.workspace_id === null : r.workspace_id === workspaceId));
      const current = row && row.cron === def.cron && row.timezone === timezone ? row : undefined;
      const job = (def.scope === 'system' ? lastSystem : lastHere).get(def.job.name);
      return {
        name: def.job.name,
        description: def.job.description,
        scope: def.scope,
        cron: def.cron,
        timezone,
        nextRunAt: new Date(current ? current.next_run_at : nextRun(parseCron(def.cron), timezone, ctx.now())).toISOString(),
        lastJob: job ? { id: job.id, state: job.state, finishedAt: iso(job.finished_at), attempts: job.attempts, lastError: job.last_error } : null,
      };
    }),
  };
}

const toSummary = (r: JobListRow): JobSummary => ({
  id: r.id,
  name: r.name,
  state: r.state,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: new Date(r.run_at).toISOString(),
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
  lastError: r.last_error,
  createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
  scope: r.workspace_id === null ? 'system' : 'workspace',
});

export async function listJobs(ctx: Ctx, q: JobListQuery): Promise<JobList> {
  await assertOperator(ctx);
  const rows = await listWorkspaceJobs(ctx.db, ctx.actor.workspaceId, { state: q.state, name: q.name, limit: q.limit ?? 50 });
  return { items: rows.map(toSummary) };
}

/**
 * Queues a scheduled job for this workspace now. The singleton key makes two clicks (or two
 * admins) queue it once; a job of that name already queued or running answers 409.
 */
export async function runScheduleNow(ctx: Ctx, name: string): Promise<JobAccepted> {
  await assertOperator(ctx, 'create');
  const def = SCHEDULES.find((s) => s.job.name === name);
  if (!def) throw notFound('Schedule');
  // A system schedule works for every workspace: one workspace's admin sees it but does not fire it.
  if (def.scope === 'system') throw forbidden('A system-wide schedule runs on its own for every workspace');
  const workspaceId = ctx.actor.workspaceId;
  return inTransaction(ctx, async (tx) => {
    if (await hasLiveJob(tx.db, workspaceId, name)) throw conflict(`${name} is already queued or running`);
    const singletonKey = `run-now:${workspaceId}`;
    const jobId = await enqueue(tx, def.job, {}, { workspaceId, singletonKey, createdBy: ctx.actor.userId });
    // A request racing this one past the check finds the key taken and gets the same job's id.
    await audit(tx, 'job.run_now', { targetType: 'job', targetId: jobId, summary: `Ran ${name} now`, details: { name } });
    return accepted(jobId);
  });
}

/** Queues a failed job of this workspace again, with its attempts reset. */
export async function retryJob(ctx: Ctx, id: string): Promise<JobAccepted> {
  await assertOperator(ctx);
  return inTransaction(ctx, async (tx) => {
    const job = await findJob(tx.db, id);
    // System jobs (workspace null) are listed but answer like another workspace's: no one
    // workspace's admin re-runs housekeeping that works across all of them.
    if (!job || job.workspace_id !== ctx.actor.workspaceId) throw notFound('Job');
    if (job.state !== 'failed') throw conflict(`Only a failed job can be retried; this one is ${job.state}`);
    if (job.singleton_key && (await findLiveSingleton(tx.db, job.name, job.singleton_key))) throw conflict('The same job is already queued or running');
    if (!(await requeueFailed(tx.db, id, tx.now()))) throw conflict('The job is no longer failed');
    await audit(tx, 'job.retried', { targetType: 'job', targetId: id, summary: `Retried ${job.name}`, details: { name: job.name, lastError: job.last_error } });
    return accepted(id);
  });
}
