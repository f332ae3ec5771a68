// The jobs API: a long job's progress by id for whoever started it, and the operator's view of the
// queue (schedules, recent jobs, run now, retry) for the workspace admin.

import { Type } from 'typebox';
import { JobAccepted, JobList, JobListQuery, JobParams, JobProgress, JobScheduleList, JobScheduleParams } from '../../api/jobs.js';
import { NoFields } from '../../api/notifications.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { visibleJob } from './jobs.service.js';
import { listJobs, listSchedules, retryJob, runScheduleNow } from './jobs-admin.service.js';

export function registerJobRoutes(app: App): void {
  const tags = ['jobs'];
  app.get(
    '/api/v1/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A background job you started (an import, a dry run): state, progress and result',
        description:
          'state is queued → running → done (or failed after its retries, with lastError). progress is what the job last reported ' +
          '(an import: { phase: "checking" | "writing", done, total } in rows); result is set once done (an import: its ImportResult, ' +
          'ok=false with every error when a row was bad and nothing was written). Visible to the user who started the job and to ' +
          'the workspace admins; anyone else gets 404, as for a job that does not exist. Poll every second or two.',
        params: JobParams,
        response: responses({ 200: JobProgress }),
      },
    },
    async (req) => visibleJob(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags,
        summary: "The workspace's background jobs, newest first, without payloads (admin)",
        querystring: JobListQuery,
        response: responses({ 200: JobList }),
      },
    },
    async (req) => listJobs(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/jobs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Queue a failed job again, its attempts reset (admin; audited)',
        description: '409 when the job is not failed (or the same job is already queued); 404 for a job of another workspace.',
        params: JobParams,
        body: Type.Optional(NoFields),
        response: responses({ 200: JobAccepted }),
      },
    },
    async (req) => retryJob(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/job-schedules',
    {
      schema: {
        tags,
        summary: 'The recurring schedules that apply to the workspace, with their next run and last job here (admin)',
        response: responses({ 200: JobScheduleList }),
      },
    },
    async (req) => listSchedules(ctxOf(req)),
  );
  app.post(
    '/api/v1/job-schedules/:name/run',
    {
      schema: {
        tags,
        summary: "Run a schedule's job now for this workspace (admin; audited)",
        description: 'Answers 202 with the job id; 409 while a job of that name is queued or running here. Poll GET /api/v1/jobs/{jobId}.',
        params: JobScheduleParams,
        body: Type.Optional(NoFields),
        response: responses({ 202: JobAccepted }),
      },
    },
    async (req, reply) => {
      const job = await runScheduleNow(ctxOf(req), req.params.name);
      return reply.status(202).header('location', job.location).send(job);
    },
  );
}
