// /readyz: may this node take traffic? The database answers and its schema is the one this build
// expects. /healthz (liveness) stays in app.ts and stays cheap.
import { sql } from 'kysely';
import { NotReady, Ready } from '../../api/health.js';
import { pendingMigrations } from '../db/migrator.js';
import type { App, AppDeps } from '../http/types.js';

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
      const { db } = deps.database;
      try {
        await sql`select 1`.execute(db);
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
      }
      let pending: string[];
      try {
        pending = await pendingMigrations(db);
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, reason: 'cannot read the migration state' });
      }
      if (pending.length > 0) {
        return reply.status(503).send({ status: 'not_ready' as const, reason: `${pending.length} migration(s) not applied`, pendingMigrations: pending });
      }
      return { status: 'ready' as const, database: deps.database.engine };
    },
  );
}
