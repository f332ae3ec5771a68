import { Type } from 'typebox';
import { IdParams } from '../../api/common.js';
import { LeadSourceCreate, LeadSourceList, LeadSourceWithSecret, WebhookAck } from '../../api/lead-sources.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, type AppDeps, responses } from '../http/types.js';
import { createSource, listSources, receiveWebhook, rotateSourceSecret } from './lead-sources.service.js';

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function registerLeadSourceRoutes(app: App, deps: AppDeps): void {
  const tags = ['leads'];
  app.get('/api/v1/lead-sources', { schema: { tags, response: responses({ 200: LeadSourceList }) } }, async (req) => ({
    items: await listSources(ctxOf(req)),
  }));
  app.post(
    '/api/v1/lead-sources',
    {
      schema: {
        tags,
        summary: 'A source with its webhook secret (shown only now)',
        body: LeadSourceCreate,
        response: responses({ 201: LeadSourceWithSecret }),
      },
    },
    async (req, reply) => reply.status(201).send(await createSource(ctxOf(req), req.body)),
  );
  app.post(
    '/api/v1/lead-sources/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'A new secret; the old one stops working at once',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: responses({ 200: LeadSourceWithSecret }),
      },
    },
    async (req) => rotateSourceSecret(ctxOf(req), req.params.id),
  );

  // The signature covers the exact bytes sent, so this route reads its body as text.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/v1/lead-sources/:id/webhook',
      {
        config: { public: true },
        schema: {
          tags,
          summary:
            'Inbound lead from a form tool, signed (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256); a body is a lead as in POST /leads',
          params: IdParams,
          body: Type.String({ description: 'The lead as JSON (fields as in POST /leads), exactly the bytes that were signed' }),
          security: [],
          response: responses({ 200: WebhookAck }),
        },
      },
      async (req) => {
        const params = req.params as { id: string };
        const result = await receiveWebhook(
          { db: deps.database.db, dialect: deps.database.dialect, config: deps.config, now: deps.now },
          {
            sourceId: params.id,
            headers: {
              id: header(req.headers['webhook-id']),
              timestamp: header(req.headers['webhook-timestamp']),
              signature: header(req.headers['webhook-signature']),
            },
            body: typeof req.body === 'string' ? req.body : '',
          },
        );
        return { received: true as const, ...result };
      },
    );
  });
}
