// Outgoing webhooks: admins register endpoints; services emit events at the point of change, and
// each event becomes one delivery row and one queued job per subscribed endpoint, in the caller's
// transaction (no webhook for a change that rolled back).
import type {
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
} from '../../api/webhooks.js';
import { type Ctx, inTransaction, memo } from '../context.js';
import { invalidField, notFound, stale } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { enqueue } from '../jobs/jobs.service.js';
import { audit } from './audit.service.js';
import { checkHost } from './webhook-address.js';
import type { WebhookEvent } from './webhook-events.js';
import { newWebhookSecret } from './webhook-signing.js';
import { deliverWebhookJob } from './webhooks.jobs.js';
import {
  activeEndpointRows,
  type DeliveryRow,
  type EndpointRow,
  findEndpointRow,
  insertDeliveries,
  insertEndpoint,
  listDeliveryRows,
  listEndpointRows,
  revokeEndpointRow,
} from './webhooks.repo.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: JSON.parse(r.events) as string[],
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: iso(r.revoked_at),
  version: r.version,
});

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  responseCode: r.response_code,
  lastError: r.last_error,
  nextAttemptAt: iso(r.next_attempt_at),
  createdAt: new Date(r.created_at).toISOString(),
  deliveredAt: iso(r.delivered_at),
});

/** Parses and checks an endpoint URL: http(s), no credentials, and (unless allowed) a public address. */
async function checkUrl(ctx: Ctx, raw: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidField('url', 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField('url', 'must be an http or https URL');
  // A secret in the URL would show in the delivery log and in Settings; the signature authenticates.
  if (url.username || url.password) throw invalidField('url', 'must not contain a user name or password');
  const check = await checkHost(url.hostname, ctx.config.webhookAllowPrivate);
  if (!check.ok) throw invalidField('url', check.reason ?? 'is not allowed');
  return url.toString();
}

export async function listEndpoints(ctx: Ctx): Promise<WebhookEndpoint[]> {
  await ownerScope(ctx, 'webhooks', 'read');
  return (await listEndpointRows(ctx.db, ctx.actor.workspaceId)).map(toEndpoint);
}

export async function createEndpoint(ctx: Ctx, input: WebhookEndpointCreate): Promise<WebhookEndpointCreated> {
  await ownerScope(ctx, 'webhooks', 'create');
  const url = await checkUrl(ctx, input.url);
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const row: EndpointRow = {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      url,
      description: input.description?.trim() || null,
      events: JSON.stringify([...new Set(input.events)]),
      secret,
      created_by: ctx.actor.userId,
      created_at: tx.now(),
      revoked_at: null,
      version: 1,
    };
    await insertEndpoint(tx.db, row);
    await audit(tx, 'webhook.created', {
      targetType: 'webhook_endpoint',
      targetId: row.id,
      summary: `Registered the webhook endpoint ${url}`,
      details: { events: input.events },
    });
    return { endpoint: toEndpoint(row), secret };
  });
}

/** Revoking stops new deliveries at once; queued ones find the endpoint revoked and stop too. */
export async function revokeEndpoint(ctx: Ctx, id: string, version: number): Promise<WebhookEndpoint> {
  await ownerScope(ctx, 'webhooks', 'delete');
  return inTransaction(ctx, async (tx) => {
    const row = await findEndpointRow(tx.db, ctx.actor.workspaceId, id);
    if (!row) throw notFound('Webhook endpoint');
    if (row.revoked_at !== null) return toEndpoint(row);
    if (!(await revokeEndpointRow(tx.db, ctx.actor.workspaceId, id, version, tx.now()))) throw stale('Webhook endpoint', row.version);
    await audit(tx, 'webhook.revoked', { targetType: 'webhook_endpoint', targetId: id, summary: `Revoked the webhook endpoint ${row.url}` });
    return toEndpoint((await findEndpointRow(tx.db, ctx.actor.workspaceId, id)) as EndpointRow);
  });
}

export async function listDeliveries(ctx: Ctx, endpointId: string, q: WebhookDeliveryQuery): Promise<WebhookDeliveryPage> {
  await ownerScope(ctx, 'webhooks', 'read');
  if (!(await findEndpointRow(ctx.db, ctx.actor.workspaceId, endpointId))) throw notFound('Webhook endpoint');
  const page = await listDeliveryRows(ctx.db, ctx.actor.workspaceId, endpointId, { limit: q.limit ?? 50, cursor: q.cursor });
  return { items: page.rows.map(toDelivery), nextCursor: page.nextCursor };
}

/**
 * Emits one event from a service, inside its transaction: a delivery row and a queued job for each
 * endpoint subscribed to it. `data` is the record as the API returns it.
 */
export async function emitWebhookEvent(ctx: Ctx, type: WebhookEvent, payload: unknown | (() => Promise<unknown>)): Promise<void> {
  // One read per request: an edit that wins a deal emits three events.
  const active = await memo(ctx, 'webhooks.activeEndpoints', () => activeEndpointRows(ctx.db, ctx.actor.workspaceId));
  const endpoints = active.filter((e) => (JSON.parse(e.events) as string[]).includes(type));
  if (endpoints.length === 0) return;
  // A function is read only when someone subscribed (a lead intake in bulk reads nothing extra).
  const data = typeof payload === 'function' ? await (payload as () => Promise<unknown>)() : payload;
  const now = ctx.now();
  await inTransaction(ctx, async (tx) => {
    const rows: DeliveryRow[] = endpoints.map((e) => {
      const id = `msg_${newId()}`;
      return {
        id,
        workspace_id: ctx.actor.workspaceId,
        endpoint_id: e.id,
        event_type: type,
        payload: JSON.stringify({ type, timestamp: new Date(now).toISOString(), data }),
        status: 'pending',
        attempts: 0,
        response_code: null,
        last_error: null,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
        delivered_at: null,
      };
    });
    await insertDeliveries(tx.db, rows);
    for (const r of rows) await enqueue(tx, deliverWebhookJob, { deliveryId: r.id }, { workspaceId: ctx.actor.workspaceId, singletonKey: r.id });
  });
}
