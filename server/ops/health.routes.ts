// /readyz: may this node take traffic? The database answers and its schema is the one this build
// expects. /healthz (liveness) stays in app.ts and stays cheap.
import { NotReady, Ready } from '../../api/health.js';
import type { App, AppDeps } from '../http/types.js';
import { readiness } from './health.service.js';

export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: database reachable and migrations current',
        response: { 200: Ready, 503: NotReady },
      },
    },
    async (_request, reply) => {
      const r = await readiness(deps.database.db);
      if (!r.ready) {
        const { ready: _, ...reason } = r;
        return reply.status(503).send({ status: 'not_ready' as const, ...reason });
      }
      return { status: 'ready' as const, database: deps.database.engine };
    },
  );
}
