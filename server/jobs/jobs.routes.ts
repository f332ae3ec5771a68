// GET /api/v1/jobs/:id — a long job's state, progress and result, for the caller who started it.
import { JobParams, JobProgress } from '../../api/jobs.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { visibleJob } from './jobs.service.js';

export function registerJobRoutes(app: App): void {
  app.get(
    '/api/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
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
}
