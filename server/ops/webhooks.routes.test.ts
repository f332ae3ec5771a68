// Outgoing webhooks end to end: registration (admin only, private addresses refused), events
// emitted in the change's transaction, Standard Webhooks signatures checked by the independent
// `standardwebhooks` package, retries with backoff against a loopback receiver, the delivery log.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import Value from 'typebox/value';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { webhookPayload } from '../../api/webhook-payloads.js';
import { WEBHOOK_EVENT_NAMES, type WebhookEventName } from '../../api/webhooks.js';
import { createJobRunner } from '../jobs/runner.js';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';
import { isPrivateAddress } from './webhook-address.js';
import { sign } from './webhook-signing.js';
import { deliverWebhookJob } from './webhooks.jobs.js';
import { createEndpoint } from './webhooks.service.js';

/** The OpenAPI document's webhooks section (the document is no /api/v1 route, so its body is untyped); throws when it has none. */
function webhooksOf(doc: unknown): object {
  if (typeof doc === 'object' && doc !== null && 'webhooks' in doc && typeof doc.webhooks === 'object' && doc.webhooks !== null) return doc.webhooks;
  throw new Error(`expected an OpenAPI document with webhooks, got ${JSON.stringify(doc).slice(0, 500)}`);
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback receiver answering with the next status of a script (then 200). */
async function receiver(): Promise<{ url: string; received: Received[]; script: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/furrow`, received, script, close: () => new Promise((r) => server.close(() => r())) };
}

describeEngines('outgoing webhooks', { ownDatabase: true }, (env) => {
  let rx: Awaited<ReturnType<typeof receiver>>;
  let w: TestWorkspace;

  beforeAll(async () => {
    rx = await receiver();
    w = await env().workspace();
  });
  afterAll(async () => {
    await rx.close();
  });

  const runner = (allowPrivate = true) =>
    createJobRunner({
      database: env().database,
      config: { ...env().config, webhookAllowPrivate: allowPrivate },
      now: () => env().clock.now,
      jobs: [deliverWebhookJob],
    });

  it('lets only admins register, list and revoke endpoints, and shows the secret once', async () => {
    for (const role of ['manager', 'rep', 'marketing'] as const) {
      const u = await w.user(role);
      expect((await w.as(u).get('/api/v1/webhook-endpoints')).status).toBe(403);
      expect((await w.as(u).post('/api/v1/webhook-endpoints', { url: rx.url, events: ['deal.created'] })).status).toBe(403);
    }
    const created = await w.as(w.admin).post('/api/v1/webhook-endpoints', { url: rx.url, events: ['account.created'], description: 'CRM sync' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const list = await w.as(w.admin).get('/api/v1/webhook-endpoints');
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect((await w.as(w.admin).get('/api/v1/audit-log?action=webhook.created')).body.items[0]?.targetId).toBe(created.body.endpoint.id);
    const other = await env().workspace();
    expect((await other.as(other.admin).get(`/api/v1/webhook-endpoints/${created.body.endpoint.id}/deliveries`)).status).toBe(404);
    expect((await other.as(other.admin).post(`/api/v1/webhook-endpoints/${created.body.endpoint.id}/revoke`, { version: 1 })).status).toBe(404);
    const revoked = await w.as(w.admin).post(`/api/v1/webhook-endpoints/${created.body.endpoint.id}/revoke`, { version: 1 });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await w.as(w.admin).get('/api/v1/audit-log?action=webhook.revoked')).body.items[0]?.targetId).toBe(created.body.endpoint.id);
    // Revoked: new accounts send nothing.
    expect((await w.as(w.admin).post('/api/v1/accounts', { name: 'Quiet Ltd' })).status).toBe(201);
    expect((await w.as(w.admin).get(`/api/v1/webhook-endpoints/${created.body.endpoint.id}/deliveries`)).body.items).toEqual([]);
    expect((await w.as(w.admin).post('/api/v1/webhook-endpoints', { url: rx.url, events: ['deal.nope'] })).status).toBe(400);
    expect(
      (await w.as(w.admin).post('/api/v1/webhook-endpoints', { url: 'ftp://example.com/x', events: ['deal.created'] })).body.error?.details.fields[0]?.field,
    ).toBe('url');
  });

  it('refuses private and loopback endpoints unless allowed, at registration and at delivery', async () => {
    const x = await env().workspace();
    const strict = { ...x.ctx(x.admin), config: { ...env().config, webhookAllowPrivate: false } };
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:9/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest',
      'http://[::1]:9/x',
      'http://192.168.0.10/',
    ]) {
      await expect(createEndpoint(strict, { url, events: ['deal.created'] }), url).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(['8.8.8.8', '2001:4860:4860::8888', '172.32.0.1'].map(isPrivateAddress)).toEqual([false, false, false]);
    expect(['172.16.0.1', '::ffff:127.0.0.1', 'fd00::1', 'fe80::1', '100.64.0.1', '0.0.0.0'].map(isPrivateAddress)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);

    // Registered while allowed, delivered under a stricter configuration: refused, not sent, not retried.
    const ep = await x.as(x.admin).post('/api/v1/webhook-endpoints', { url: rx.url, events: ['contact.created'] });
    expect(ep.status).toBe(201);
    const before = rx.received.length;
    expect((await x.as(x.admin).post('/api/v1/contacts', { firstName: 'Pia', lastName: 'Private' })).status).toBe(201);
    await runner(false).runDue();
    expect(rx.received.length).toBe(before);
    const [d] = (await x.as(x.admin).get(`/api/v1/webhook-endpoints/${ep.body.endpoint.id}/deliveries`)).body.items;
    expect(d).toMatchObject({ status: 'failed', attempts: 1, responseCode: null, nextAttemptAt: null });
    expect(d?.lastError).toMatch(/private or loopback/);
  });

  it('signs deal events per Standard Webhooks and retries a failing receiver with backoff until it succeeds', async () => {
    const x = await env().workspace();
    const ep = await x.as(x.admin).post('/api/v1/webhook-endpoints', { url: rx.url, events: ['deal.created', 'deal.stage_changed', 'deal.won'] });
    expect(ep.status).toBe(201);
    const endpointId = ep.body.endpoint.id;
    const deliveries = async () => (await x.as(x.admin).get(`/api/v1/webhook-endpoints/${endpointId}/deliveries`)).body.items;

    // A change that fails writes no delivery (same transaction).
    expect((await x.as(x.admin).post('/api/v1/deals', { name: 'Bad', amount: 1, closeDate: '2027-01-31', ownerId: 'nobody' })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect(await deliveries()).toEqual([]);

    const deal = await x.as(x.admin).post('/api/v1/deals', { name: 'Hooked deal', amount: 5000, closeDate: '2027-01-31' });
    expect(deal.status).toBe(201);
    const [pending] = await deliveries();
    expect(pending).toMatchObject({ eventType: 'deal.created', status: 'pending', attempts: 0 });

    const clock = env().clock;
    const start = clock.now;
    const from = rx.received.length;
    rx.script.push(500, 503);
    try {
      await runner().runDue();
      expect(await deliveries()).toMatchObject([{ status: 'pending', attempts: 1, responseCode: 500, lastError: 'HTTP 500' }]);
      expect((await deliveries())[0]?.nextAttemptAt).toBe(new Date(start + 30_000).toISOString());
      clock.now = start + 29_000;
      await runner().runDue();
      expect((await deliveries())[0]?.attempts).toBe(1); // not due yet: the backoff holds
      clock.now = start + 31_000;
      await runner().runDue();
      expect(await deliveries()).toMatchObject([{ status: 'pending', attempts: 2, responseCode: 503 }]);
      clock.now = start + 31_000 + 61_000;
      await runner().runDue();
      expect(await deliveries()).toMatchObject([{ status: 'succeeded', attempts: 3, responseCode: 200, lastError: null, nextAttemptAt: null }]);
    } finally {
      clock.now = start;
    }

    const got = rx.received.slice(from);
    expect(got).toHaveLength(3);
    // Every attempt is the same message: same id and body, so the receiver can deduplicate.
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([pending!.id]));
    const verifier = new Webhook(ep.body.secret);
    // The verifier checks the timestamp against its own clock; the test clock is in 2026-11.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const r of got) {
        vi.setSystemTime(Number(r.headers['webhook-timestamp']) * 1000 + 1000);
        const payload = verifier.verify(r.body, r.headers as Record<string, string>) as { type: string; data: { id: string; name: string } };
        expect(payload).toMatchObject({ type: 'deal.created', data: { id: deal.body.id, name: 'Hooked deal' } });
      }
      // A tampered body or another secret fails the independent check.
      const first = got[0] as Received;
      expect(() => verifier.verify(first.body.replace('Hooked', 'Hacked'), first.headers as Record<string, string>)).toThrow(/signature/i);
      expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(first.body, first.headers as Record<string, string>)).toThrow(
        /signature/i,
      );
    } finally {
      vi.useRealTimers();
    }
    expect(sign(ep.body.secret, 'msg_1', 1700000000, '{}')).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);

    // Winning the deal emits stage_changed and won, each its own delivery.
    const won = await x.as(x.admin).patch(`/api/v1/deals/${deal.body.id}`, { version: deal.body.version, status: 'won' });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    expect((await deliveries()).map((d: { eventType: string }) => d.eventType).sort()).toEqual(['deal.created', 'deal.stage_changed', 'deal.won']);
  });

  it('emits account, contact and activity events to subscribed endpoints only', async () => {
    const x = await env().workspace();
    const ep = await x.as(x.admin).post('/api/v1/webhook-endpoints', {
      url: rx.url,
      events: ['account.created', 'account.updated', 'contact.created', 'activity.created', 'activity.deleted'],
    });
    const api = x.as(x.admin);
    const acct = await api.post('/api/v1/accounts', { name: 'Hook Co' });
    await api.patch(`/api/v1/accounts/${acct.body.id}`, { version: acct.body.version, industry: 'Tools' });
    await api.post('/api/v1/contacts', { firstName: 'Cai', lastName: 'Hook' });
    const act = await api.post('/api/v1/activities', { type: 'call', subject: 'Hello', occurredAt: '2026-11-20T10:00:00.000Z' });
    await api.delete(`/api/v1/activities/${act.body.id}`);
    await api.post('/api/v1/deals', { name: 'Not subscribed', amount: 1, closeDate: '2027-01-31' });
    const items = (await api.get(`/api/v1/webhook-endpoints/${ep.body.endpoint.id}/deliveries`)).body.items;
    expect(items.map((d: { eventType: string }) => d.eventType).sort()).toEqual([
      'account.created',
      'account.updated',
      'activity.created',
      'activity.deleted',
      'contact.created',
    ]);
  });

  it('emits lead events (created, updated, status changed, deleted) with the lead as the API shows it', async () => {
    const x = await env().workspace();
    const rep = await x.user('rep', { name: 'Rhea Rep' });
    const ep = await x.as(x.admin).post('/api/v1/webhook-endpoints', {
      url: rx.url,
      events: ['lead.created', 'lead.updated', 'lead.status_changed', 'lead.deleted'],
    });
    expect(ep.status, JSON.stringify(ep.body)).toBe(201);
    const api = x.as(x.admin);
    const made = await api.post('/api/v1/leads', { lastName: 'Hook', company: 'Hook Co' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.lead.id as string;
    const patched = await api.patch(`/api/v1/leads/${id}`, { version: made.body.lead.version, title: 'CTO' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const assigned = await api.post(`/api/v1/leads/${id}/assign`, { version: patched.body.version, ownerId: rep.id });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const recycled = await api.post(`/api/v1/leads/${id}/recycle`, { version: assigned.body.version });
    expect(recycled.status, JSON.stringify(recycled.body)).toBe(200);
    expect((await api.delete(`/api/v1/leads/${id}`)).status).toBe(204);
    // Another workspace's lead reaches none of this endpoint's deliveries.
    const other = await env().workspace();
    await other.as(other.admin).post('/api/v1/leads', { lastName: 'Elsewhere', company: 'Other Co' });

    const items = (await api.get(`/api/v1/webhook-endpoints/${ep.body.endpoint.id}/deliveries?limit=50`)).body.items as { id: string; eventType: string }[];
    expect(items.map((d) => d.eventType).sort()).toEqual([
      'lead.created',
      'lead.deleted',
      'lead.status_changed',
      'lead.updated',
      'lead.updated',
      'lead.updated',
    ]);
    const payloads = await env()
      .database.db.selectFrom('webhook_deliveries')
      .select(['event_type', 'payload'])
      .where('endpoint_id', '=', ep.body.endpoint.id)
      .execute();
    const data = (type: string) => payloads.filter((p) => p.event_type === type).map((p) => JSON.parse(p.payload).data);
    expect(data('lead.created')).toMatchObject([{ id, lastName: 'Hook', status: 'new' }]);
    expect(data('lead.status_changed')).toMatchObject([{ id, status: 'recycled', title: 'CTO', ownerId: rep.id }]);
    expect(data('lead.deleted')).toEqual([{ id }]);
    // What was sent is what the OpenAPI document's webhooks section says each event carries.
    const doc = (await env().anonymous().get('/api/openapi.json')).body;
    expect(Object.keys(webhooksOf(doc)).sort()).toEqual([...WEBHOOK_EVENT_NAMES].sort());
    for (const p of payloads) {
      const body = JSON.parse(p.payload);
      expect(
        Value.Check(webhookPayload(p.event_type as WebhookEventName), body),
        `${p.event_type}: ${[...Value.Errors(webhookPayload(p.event_type as WebhookEventName), body)].map((e) => e.message).join('; ')}`,
      ).toBe(true);
      expect(Value.Check(webhookPayload(p.event_type as WebhookEventName), { ...body, data: { nothing: true } })).toBe(false);
    }
  });
});
