// Dashboards and KPI reads on the hot-standby replica (DATABASE_REPLICA_URL), every other request on
// the primary. Read your own writes: after a caller's write, the primary's WAL position is noted for
// that user (in this node's memory), and their dashboard and KPI reads stay on the primary until the
// replica has replayed past it — so a deal moved and then its dashboard opened shows the move,
// however far the replica lags. A replica that is down or no longer a standby sends reads to the
// primary (logged once, counted on /metrics), never an error.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { ReadRoute, Replica } from '../db/replica.js';

/** The reads a replica may serve: they only read, and may be a replica's lag behind (never their caller's own writes). */
export const REPLICA_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/v1/kpis/:id',
  'GET /api/v1/kpis/:id/trend',
  'GET /api/v1/kpis/:id/records',
  'GET /api/v1/dashboard',
  'GET /api/v1/dashboard/funnel',
  'GET /api/v1/dashboard/leads',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where this user's next replica read may go: the replica once it has replayed their last write. */
export function createReadRouter(replica: Replica) {
  /** Per user: the primary's WAL position after their latest write, until the replica passes it. */
  const pending = new Map<string, bigint>();
  const count = (route: ReadRoute) => replica.routed.set(route, (replica.routed.get(route) ?? 0) + 1);
  return {
    async wrote(userId: string): Promise<void> {
      const at = await replica.primaryPosition();
      if (at > (pending.get(userId) ?? -1n)) pending.set(userId, at);
    },
    async route(userId: string): Promise<ReadRoute> {
      const replayed = await replica.replayed();
      const route: ReadRoute = replayed === null ? 'primary_down' : replayed < (pending.get(userId) ?? -1n) ? 'primary_lag' : 'replica';
      // Replay only moves forward: once past the write, every later read of this user may go there.
      if (route === 'replica') pending.delete(userId);
      count(route);
      return route;
    },
  };
}

export function registerReplicaReads(app: FastifyInstance, deps: { database: Database }, routes: ReadonlySet<string> = REPLICA_ROUTES): void {
  const replica = deps.database.replica;
  if (!replica) return;
  replica.onChange = (state, error) => {
    if (state === 'usable') app.log.info('read replica usable again: dashboards and KPI reads go to it');
    else app.log.warn({ err: error, reason: state }, 'read replica unusable: dashboards and KPI reads go to the primary');
  };
  const router = createReadRouter(replica);
  app.addHook('onRequest', async (request) => {
    const ctx = request.ctx;
    if (!ctx || !routes.has(`${request.method} ${request.routeOptions.url}`)) return;
    if ((await router.route(ctx.actor.userId)) !== 'replica') return;
    request.ctx = { ...ctx, db: replica.db, standby: true };
    // The bulk pool's cancel has nothing of this request's to stop; the replica's statement timeout bounds it.
    request.heavyCancel = null;
  });
  // Before the answer leaves (its transaction has committed): a client that reads right after
  // reading this answer already finds the position noted.
  app.addHook('onSend', async (request: FastifyRequest, _reply, payload) => {
    const ctx = request.ctx;
    if (!ctx || SAFE_METHODS.has(request.method)) return payload;
    // The write has committed whatever happens here: its answer must not turn into an error.
    await router.wrote(ctx.actor.userId).catch((err: unknown) => request.log.warn({ err }, 'could not note the primary WAL position after a write'));
    return payload;
  });
}
