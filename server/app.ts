// buildApp(deps): one Fastify instance with every capability's routes registered explicitly.

import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type RouteOptions } from 'fastify';
import { Type } from 'typebox';
import { ErrorBody } from '../api/common.js';
import { webhookPayload } from '../api/webhook-payloads.js';
import { WEBHOOK_EVENT_NAMES } from '../api/webhooks.js';
import { registerAgreementRoutes } from './alignment/agreements.routes.js';
import { registerCampaignRoutes } from './alignment/campaigns.routes.js';
import { registerLeadSettingsRoutes } from './alignment/lead-settings.routes.js';
import { registerLeadSourceRoutes } from './alignment/lead-sources.routes.js';
import { registerLeadRoutes } from './alignment/leads.routes.js';
import { registerAgendaRoutes } from './coaching/agenda.routes.js';
import { registerDealReviewRoutes } from './coaching/deal-reviews.routes.js';
import { registerFocusRoutes } from './coaching/focus.routes.js';
import { registerObjectiveRoutes } from './coaching/objectives.routes.js';
import { registerRatingRoutes } from './coaching/ratings.routes.js';
import { registerRelationshipRoutes } from './coaching/relationships.routes.js';
import { registerSessionRoutes } from './coaching/sessions.routes.js';
import { registerSkillRoutes } from './coaching/skills.routes.js';
import { registerAccountRoutes } from './crm/accounts.routes.js';
import { registerActivityRoutes } from './crm/activities.routes.js';
import { registerContactRoutes } from './crm/contacts.routes.js';
import { registerDealCommentRoutes } from './crm/deal-comments.routes.js';
import { registerDealRoutes } from './crm/deals.routes.js';
import { registerImportExportRoutes } from './crm/import-export/import-export.routes.js';
import { registerSearchRoutes } from './crm/search.routes.js';
import { registerTimelineRoutes } from './crm/timeline.routes.js';
import { registerAuthHook } from './http/auth-hook.js';
import { registerErrorHandler, sendError } from './http/error-handler.js';
import { registerHeavyRequestLimit } from './http/heavy-requests.js';
import { registerInputGuard } from './http/input-guard.js';
import { requestForLog } from './http/log-redact.js';
import { registerReplicaReads } from './http/replica-reads.js';
import { registerWebApp } from './http/static-web.js';
import type { App, AppDeps } from './http/types.js';
import { lazySchemas } from './http/validators.js';
import { registerAuthRoutes } from './identity/auth.routes.js';
import { registerIdentityRoutes } from './identity/identity.routes.js';
import { newId } from './ids.js';
import { registerJobRoutes } from './jobs/jobs.routes.js';
import { registerDashboardRoutes } from './measurement/dashboard.routes.js';
import { registerForecastRoutes } from './measurement/forecast.routes.js';
import { registerKpiRoutes } from './measurement/kpi.routes.js';
import { registerTargetRoutes } from './measurement/targets.routes.js';
import { registerNotificationRoutes } from './notifications/notifications.routes.js';
import { registerAuditRoutes } from './ops/audit.routes.js';
import { registerHealthRoutes } from './ops/health.routes.js';
import { registerMetrics } from './ops/metrics.service.js';
import { registerWebhookRoutes } from './ops/webhooks.routes.js';
import { registerCallPlanRoutes } from './planning/call-plans.routes.js';
import { registerPracticeRoutes } from './practice/practice.routes.js';
import { registerAdherenceRoutes } from './process/adherence.routes.js';
import { registerDealGateRoutes } from './process/deal-gate.routes.js';
import { registerOverrideReviewRoutes } from './process/override-reviews.routes.js';
import { registerPipelineRoutes } from './process/pipelines.routes.js';
import { registerProcessAdminRoutes } from './process/process-admin.routes.js';
import { registerQualificationRoutes } from './process/qualification.routes.js';
import { registerCalendarFeedRoutes } from './rhythm/calendar-feed.routes.js';
import { registerDigestRoutes } from './rhythm/digest.routes.js';
import { registerDisciplineRoutes } from './rhythm/discipline.routes.js';
import { registerHarvestRoutes } from './rhythm/harvest.routes.js';
import { registerRitualRoutes } from './rhythm/rituals.routes.js';
import { API_VERSION } from './version.js';

export async function buildApp(deps: AppDeps): Promise<App> {
  // Validators and serializers compile on first use, the rest once listening (http/validators.ts).
  const schemas = lazySchemas();
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            // Secrets never reach the logs: cookies, tokens and CSRF headers are redacted.
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
            // A calendar feed's secret is in its path: the logged URL is redacted too.
            serializers: { req: requestForLog },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : newId();
    },
    // One line per request, written when it completes (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 25 * 1024 * 1024,
    // A path that is not valid UTF-8 (a lone surrogate sent as raw bytes) answers in the one error shape too.
    frameworkErrors: (error, request, reply) =>
      sendError(reply, request, 400, 'invalid_input', error.message, {
        fields: [{ field: 'path', message: 'is not a valid URL (invalid percent-encoding or UTF-8)' }],
      }),
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator: schemas.buildValidator, buildSerializer: schemas.buildSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onListen', async () => {
    void schemas.warm((error) => app.log.error({ err: error }, 'a route schema does not compile'));
  });
  const { onRoute } = deps;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route as RouteOptions));

  // The request log: one line per answered request with its status and time; probes polled every
  // few seconds by load balancers stay out of it (their figures are in /metrics).
  app.addHook('onResponse', async (request, reply) => {
    if (PROBES.has(request.routeOptions.url ?? '')) return;
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
  registerInputGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers are per user and often private: no browser or proxy cache may keep them.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  // Multipart is only read where a route asks for a file (practice recordings); limits are per route.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fileSize: deps.config.practiceMaxUploadBytes } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    hsts: deps.config.cookieSecure,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Furrow API', version: API_VERSION, description: 'The sales operating system. Every route the web app uses is here.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'furrow_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token created under Settings → API tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
      // openapi-types wants its own schema type; what TypeBox builds is plain JSON Schema, which 3.1 takes.
      webhooks: webhookDocs() as never,
    },
  });
  app.addSchema(ErrorBody);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerErrorHandler(app);
  registerAuthHook(app, deps);
  registerHeavyRequestLimit(app, deps);
  registerReplicaReads(app, deps);
  registerMetrics(app, deps);
  registerHealthRoutes(app, deps);

  const databaseAnswers = sharedProbe(async () => {
    await deps.database.db.selectFrom('workspaces').select('id').limit(1).execute();
  }, HEALTH_PROBE_FRESH_MS);
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }), 503: ErrorBody },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers()) return { status: 'ok' as const, database: deps.database.engine };
      return reply.status(503).send({ error: { code: 'internal', message: 'database unreachable' } });
    },
  );

  registerAuthRoutes(app, deps);
  registerIdentityRoutes(app);
  registerPipelineRoutes(app);
  // CRM core
  registerAccountRoutes(app);
  registerContactRoutes(app);
  registerDealRoutes(app);
  registerActivityRoutes(app);
  registerTimelineRoutes(app);
  registerDealCommentRoutes(app);
  registerSearchRoutes(app);
  registerImportExportRoutes(app);
  registerJobRoutes(app);
  // 1. Process
  registerProcessAdminRoutes(app);
  registerDealGateRoutes(app);
  registerQualificationRoutes(app);
  registerAdherenceRoutes(app);
  registerOverrideReviewRoutes(app);
  registerCallPlanRoutes(app);
  registerPracticeRoutes(app);
  // 3. Measurement
  registerKpiRoutes(app);
  registerTargetRoutes(app);
  registerForecastRoutes(app);
  registerDashboardRoutes(app);
  // 5. Marketing alignment
  registerAgreementRoutes(app);
  registerCampaignRoutes(app);
  registerLeadRoutes(app);
  registerLeadSourceRoutes(app, deps);
  registerLeadSettingsRoutes(app);
  // Operations
  registerAuditRoutes(app);
  registerWebhookRoutes(app);

  // Things that happen without a click
  registerNotificationRoutes(app, deps);
  // 2. Coaching
  registerSkillRoutes(app);
  registerRelationshipRoutes(app);
  registerSessionRoutes(app);
  registerAgendaRoutes(app);
  registerFocusRoutes(app);
  registerObjectiveRoutes(app);
  registerRatingRoutes(app);
  registerDealReviewRoutes(app);
  // The year-long rhythm
  registerRitualRoutes(app);
  registerCalendarFeedRoutes(app, deps);
  registerHarvestRoutes(app);
  registerDigestRoutes(app);
  registerDisciplineRoutes(app);

  await registerWebApp(app, deps.config.webDir);
  return app;
}

/**
 * A liveness probe polled by every load balancer and orchestrator: its database check is shared —
 * one query in flight at a time, its answer kept for a moment — so probes cost no database round
 * trip each (/healthz answered at 0.2× a bare route's rate with one per call); /readyz still asks
 * the database every time.
 */
const HEALTH_PROBE_FRESH_MS = 1000;
const PROBES: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);
function sharedProbe(check: () => Promise<void>, freshMs: number): () => Promise<boolean> {
  let last: { ok: boolean; at: number } | null = null;
  let inFlight: Promise<boolean> | null = null;
  return () => {
    if (last && performance.now() - last.at < freshMs) return Promise.resolve(last.ok);
    inFlight ??= check()
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        last = { ok, at: performance.now() };
        inFlight = null;
        return ok;
      });
    return inFlight;
  };
}

/** The outgoing events, as OpenAPI 3.1 `webhooks`: what Furrow POSTs to a registered endpoint. */
function webhookDocs(): Record<string, unknown> {
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  return Object.fromEntries(
    WEBHOOK_EVENT_NAMES.map((event) => [
      event,
      {
        post: {
          tags: ['webhooks'],
          summary: `${event}, to every endpoint subscribed to it`,
          description:
            'Signed per Standard Webhooks (docs/operations.md): verify webhook-signature over "webhook-id.webhook-timestamp.body" with the ' +
            "endpoint's secret. Any answer other than 2xx is retried with backoff; deduplicate on webhook-id, the same on every retry.",
          parameters: [
            header('webhook-id', 'The delivery id (msg_…), the same on every retry'),
            header('webhook-timestamp', 'Seconds since the epoch when this attempt was signed'),
            header('webhook-signature', 'v1,<base64 HMAC-SHA256>'),
          ],
          requestBody: { required: true, content: { 'application/json': { schema: webhookPayload(event) } } },
          responses: { '2XX': { description: 'Received' } },
        },
      },
    ]),
  );
}
