import { Webhook } from 'standardwebhooks';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { agreementInForce, HOT_LEAD } from './testing.js';

describeEngines('signed lead webhook', (env) => {
  let w: TestWorkspace;
  let marketing: TestUser;
  let source: { id: string; secret: string; webhookUrl: string };
  beforeAll(async () => {
    w = await env().workspace();
    marketing = await w.user('marketing');
    await agreementInForce(w, marketing);
    const res = await w.as(marketing).post('/api/v1/lead-sources', { name: 'Website form' });
    expect(res.status).toBe(201);
    source = res.body;
  });

  /** Signed by the standardwebhooks library: an independent implementation of the scheme. */
  const post = (body: string, id: string, secret = source.secret, at = new Date(env().clock.now)) => {
    const signature = new Webhook(secret).sign(id, at, body);
    return env().app.inject({
      method: 'POST',
      url: source.webhookUrl,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      payload: body,
    });
  };

  it('takes a signed lead, scores it and stores it under the source; a replay of the same message makes no second lead', async () => {
    const body = JSON.stringify({ ...HOT_LEAD, email: `hook-${env().engine}@acme.example` });
    const first = await post(body, 'msg_1');
    expect(first.statusCode, first.body).toBe(200);
    const ack = first.json();
    expect(ack).toMatchObject({ received: true, duplicateDelivery: false });
    const lead = (await w.as(marketing).get(`/api/v1/leads/${ack.leadId}`)).body;
    expect(lead).toMatchObject({ source: 'Website form', status: 'mql', score: 100 });
    const replay = await post(body, 'msg_1');
    expect(replay.json()).toMatchObject({ leadId: ack.leadId, duplicateDelivery: true });
    const all = (await w.as(marketing).get('/api/v1/leads?source=Website%20form&limit=200')).body.items;
    expect(all).toHaveLength(1);
    // A colleague's form fill: a lead of its own, flagged as the same company, never merged.
    const colleague = await post(JSON.stringify({ ...HOT_LEAD, email: `colleague-${env().engine}@acme.example` }), 'msg_1b');
    expect(colleague.statusCode, colleague.body).toBe(200);
    expect(colleague.json().leadId).not.toBe(ack.leadId);
    expect((await w.as(marketing).get(`/api/v1/leads/${colleague.json().leadId}`)).body).toMatchObject({
      domain: 'acme.example',
      sameCompanyLeadId: ack.leadId,
    });
  });

  it('refuses a wrong signature, another secret, a stale timestamp, a tampered body and an unknown source with 401', async () => {
    const body = JSON.stringify({ email: `x-${env().engine}@acme.example` });
    expect((await post(body, 'msg_2', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).statusCode).toBe(401);
    expect((await post(body, 'msg_3', source.secret, new Date(env().clock.now - 10 * 60_000))).statusCode).toBe(401);
    const signed = new Webhook(source.secret).sign('msg_4', new Date(env().clock.now), body);
    const tampered = await env().app.inject({
      method: 'POST',
      url: source.webhookUrl,
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_4',
        'webhook-timestamp': String(Math.floor(env().clock.now / 1000)),
        'webhook-signature': signed,
      },
      payload: body.replace('x-', 'y-'),
    });
    expect(tampered.statusCode).toBe(401);
    const unknown = await env().app.inject({
      method: 'POST',
      url: '/api/v1/lead-sources/nope/webhook',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unknown.statusCode).toBe(401);
    expect(tampered.body).not.toContain(source.secret);
  });

  it('answers a signed but invalid lead with 400 naming the field, and keeps the message id free for a corrected retry', async () => {
    const bad = await post(JSON.stringify({ email: 'not-an-email' }), 'msg_5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('/email');
    const fixed = await post(JSON.stringify({ email: `fixed-${env().engine}@acme.example` }), 'msg_5');
    expect(fixed.statusCode).toBe(200);
  });

  it('shows the secret once; rotation stops the old secret at once; reps cannot manage sources', async () => {
    const list = (await w.as(marketing).get('/api/v1/lead-sources')).body.items;
    expect(JSON.stringify(list)).not.toContain(source.secret);
    const rotated = (await w.as(w.admin).post(`/api/v1/lead-sources/${source.id}/rotate-secret`)).body;
    expect(rotated.secret).not.toBe(source.secret);
    const body = JSON.stringify({ email: `r-${env().engine}@acme.example` });
    expect((await post(body, 'msg_6')).statusCode).toBe(401);
    expect((await post(body, 'msg_6', rotated.secret)).statusCode).toBe(200);
    source = { ...source, secret: rotated.secret };
    const rep = await w.user('rep');
    expect((await w.as(rep).post('/api/v1/lead-sources', { name: 'Mine' })).status).toBe(403);
  });
});
