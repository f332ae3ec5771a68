import { Type } from 'typebox';
import { IdParams } from '../../api/common.js';
import {
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookRevoke,
} from '../../api/webhooks.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createEndpoint, listDeliveries, listEndpoints, revokeEndpoint } from './webhooks.service.js';

export function registerWebhookRoutes(app: App): void {
  const tags = ['webhooks'];
  app.get(
    '/api/v1/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'Registered webhook endpoints, revoked ones included (admin)',
        response: responses({ 200: Type.Object({ items: Type.Array(WebhookEndpoint) }) }),
      },
    },
    async (req) => ({ items: await listEndpoints(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/webhook-endpoints',
    {
      schema: {
        tags,
        summary: 'Register an endpoint (admin); the signing secret is shown once',
        description:
          'Deliveries are POSTed as JSON { type, timestamp, data } and signed per Standard Webhooks: headers webhook-id, webhook-timestamp and ' +
          'webhook-signature "v1,<base64 HMAC-SHA256 of id.timestamp.body>" keyed with the base64 part of the whsec_ secret. ' +
          'The URL must resolve to public addresses unless the server sets WEBHOOK_ALLOW_PRIVATE=true (400 naming url otherwise).',
        body: WebhookEndpointCreate,
        response: responses({ 201: WebhookEndpointCreated }),
      },
    },
    async (req, reply) => reply.status(201).send(await createEndpoint(ctxOf(req), req.body)),
  );
  app.post(
    '/api/v1/webhook-endpoints/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an endpoint (admin): nothing more is sent to it',
        params: IdParams,
        body: WebhookRevoke,
        response: responses({ 200: WebhookEndpoint }),
      },
    },
    async (req) => revokeEndpoint(ctxOf(req), req.params.id, req.body.version),
  );
  app.get(
    '/api/v1/webhook-endpoints/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of an endpoint, newest first (admin): status, attempts, response code, last error, next attempt',
        params: IdParams,
        querystring: WebhookDeliveryQuery,
        response: responses({ 200: WebhookDeliveryPage }),
      },
    },
    async (req) => listDeliveries(ctxOf(req), req.params.id, req.query),
  );
}
