// Prometheus metrics with prom-client. One registry per app instance (tests build many apps in
// one process; the global registry would mix them). Labels use the route pattern, never the URL,
// so ids in paths cannot explode the series count.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { App, AppDeps } from '../http/types.js';
import { jobCounts } from '../jobs/jobs.service.js';

const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;

export function createMetrics(deps: AppDeps): Registry {
  const registry = new Registry();
  // Event-loop lag (nodejs_eventloop_lag_*), heap, GC and process figures.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const requests = new Counter({
    name: 'furrow_http_requests_total',
    help: 'HTTP requests by method, route pattern and status class',
    labelNames: ['method', 'route', 'status_class'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'furrow_http_errors_total',
    help: 'HTTP responses with a 4xx or 5xx status, by status class and route pattern',
    labelNames: ['status_class', 'route'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'furrow_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const pool = deps.database.pgPool;
  if (pool) {
    new Gauge({
      name: 'furrow_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({ name: 'furrow_db_pool_max', help: 'PostgreSQL pool size (PG_POOL_SIZE)', registers: [registry] }).set(deps.config.pgPoolSize);
  }

  const replica = deps.database.replica;
  if (replica) {
    new Counter({
      name: 'furrow_replica_reads_total',
      help: 'Dashboard and KPI reads by where they went: replica, primary_lag (the caller’s write not replayed yet) or primary_down (replica unusable)',
      labelNames: ['route'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [route, n] of replica.routed) this.inc({ route }, n);
      },
    });
    new Counter({
      name: 'furrow_replica_fallbacks_total',
      help: 'Times the read replica was found unusable (unreachable, or not a standby) and reads went to the primary',
      labelNames: ['reason'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [reason, n] of replica.fallbacks) this.inc({ reason }, n);
      },
    });
  }

  new Gauge({
    name: 'furrow_jobs',
    help: 'Background jobs by name and state: queued is the queue depth, failed those out of retries (kept 7 days)',
    labelNames: ['name', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await jobCounts(deps.database.db)) this.set({ name: row.name, state: row.state }, row.count);
    },
  });

  observers.set(registry, { requests, errors, latency });
  return registry;
}

interface Observers {
  requests: Counter;
  errors: Counter;
  latency: Histogram;
}
const observers = new WeakMap<Registry, Observers>();

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** Bearer check in constant time; a missing or wrong token answers the same way. */
function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export function registerMetrics(app: App, deps: AppDeps): void {
  const registry = createMetrics(deps);
  const o = observers.get(registry) as Observers;
  app.addHook('onResponse', async (request, reply) => {
    const route = routeOf(request);
    const cls = statusClass(reply.statusCode);
    o.requests.inc({ method: request.method, route, status_class: cls });
    if (reply.statusCode >= 400) o.errors.inc({ status_class: cls, route });
    o.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const { metricsToken, env } = deps.config;
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        summary: 'Prometheus metrics',
        description:
          'Open in development and test. In production off (404) unless METRICS_TOKEN is set; with it, every environment requires Authorization: Bearer <METRICS_TOKEN>.',
        produces: ['text/plain'],
      },
    },
    async (request, reply) => {
      if (metricsToken === null && env === 'production')
        return reply.status(404).send({ error: { code: 'not_found', message: 'Metrics are off; set METRICS_TOKEN' } });
      if (metricsToken !== null && !tokenMatches(request.headers.authorization, metricsToken)) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: { code: 'unauthenticated', message: 'Bearer METRICS_TOKEN required' } });
      }
      return reply
        .header('content-type', registry.contentType)
        .header('cache-control', 'no-store')
        .send(await registry.metrics());
    },
  );
}
