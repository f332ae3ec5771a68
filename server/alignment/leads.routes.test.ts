import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { agreementInForce, HOT_LEAD } from './testing.js';

describeEngines('leads', (env) => {
  let w: TestWorkspace;
  let marketing: TestUser;
  let manager: TestUser;
  let rep1: TestUser;
  let rep2: TestUser;
  let agreement: { id: string; number: number };
  let team: string;
  let n = 0;
  const email = () => `lead${n++}-${env().engine}@acme${n}.example`;

  beforeAll(async () => {
    w = await env().workspace();
    marketing = await w.user('marketing');
    manager = await w.user('manager');
    team = await w.team('Inbound', { managerId: manager.id });
    rep1 = await w.user('rep', { teamId: team, name: 'Rep One' });
    rep2 = await w.user('rep', { teamId: team, name: 'Rep Two' });
    agreement = await agreementInForce(w, marketing);
    const settings = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const put = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: settings.version,
      routing: { ...settings.routing, defaultTeamId: team },
      businessHours: { ...settings.businessHours, workingDays: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });

  it('scores an MQL under the agreement in force with its explanation, routes it round robin and records the version', async () => {
    const a = await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: email() });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const lead = a.body.lead;
    expect(lead.status).toBe('mql');
    expect(lead.score).toBe(100);
    expect(lead.scoreExplanation.map((p: { ruleId: string }) => p.ruleId)).toEqual(['software', 'mid', 'leader', 'demo']);
    expect(lead.agreementId).toBe(agreement.id);
    expect(lead.sla.accept.state).toBe('on_track');
    const b = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: email() })).body.lead;
    expect(new Set([lead.ownerId, b.ownerId])).toEqual(new Set([rep1.id, rep2.id]));
    const cold = (await w.as(marketing).post('/api/v1/leads', { email: email(), industry: 'Retail' })).body.lead;
    expect(cold).toMatchObject({ status: 'new', ownerId: null, score: 0, agreementId: null });
    const history = (await w.as(marketing).get(`/api/v1/leads/${lead.id}/history`)).body.items;
    expect(history.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'new'],
      ['new', 'mql'],
    ]);
  });

  it('merges a second form fill from the same email into the open lead, and matches contacts by email and accounts by domain', async () => {
    const acct = (await w.as(w.admin).post('/api/v1/accounts', { name: 'Known Co', domain: 'known.example' })).body;
    const contact = (await w.as(w.admin).post('/api/v1/contacts', { firstName: 'Kim', lastName: 'Known', email: 'kim@known.example', accountId: acct.id }))
      .body;
    const first = await w.as(marketing).post('/api/v1/leads', { email: 'Kim@known.example', industry: 'Software' });
    expect(first.body.lead).toMatchObject({ status: 'new', matchedContactId: contact.id, matchedAccountId: acct.id, domain: 'known.example' });
    const second = await w.as(marketing).post('/api/v1/leads', { email: 'kim@known.example', behaviours: [{ event: 'demo_request' }] });
    expect(second.status).toBe(200);
    expect(second.body.merged).toBe(true);
    expect(second.body.lead).toMatchObject({ id: first.body.lead.id, status: 'mql', score: 70 });
    const byDomain = (await w.as(marketing).post('/api/v1/leads', { email: 'other@known.example' })).body.lead;
    expect(byDomain).toMatchObject({ matchedAccountId: acct.id, matchedContactId: null });
  });

  it('flags a lead of the same company domain without merging it, links a colleague contact’s account, and never matches free mail', async () => {
    const domain = `samecorp-${env().engine}.example`;
    const first = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: `ann@${domain}` })).body.lead;
    expect(first.sameCompanyLeadId).toBeNull();
    const second = await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: `bob@${domain}` });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.merged).toBe(false);
    expect(second.body.lead).toMatchObject({ domain, sameCompanyLeadId: first.id, matchedAccountId: null });
    expect((await w.as(marketing).get(`/api/v1/leads/${first.id}`)).body.sameCompanyLeadId).toBe(second.body.lead.id);
    // Round robin gave them to different reps: neither rep learns of the other's lead.
    expect(first.ownerId).not.toBe(second.body.lead.ownerId);
    const secondOwner = second.body.lead.ownerId === rep1.id ? rep1 : rep2;
    expect((await w.as(secondOwner).get(`/api/v1/leads/${second.body.lead.id}`)).body.sameCompanyLeadId).toBeNull();

    const acct = (await w.as(w.admin).post('/api/v1/accounts', { name: `Colleague Co ${env().engine}` })).body;
    const colleagueDomain = `colleague-${env().engine}.example`;
    await w.as(w.admin).post('/api/v1/contacts', { firstName: 'Cal', lastName: 'League', email: `cal@${colleagueDomain}`, accountId: acct.id });
    const colleague = (await w.as(marketing).post('/api/v1/leads', { email: `dee@${colleagueDomain}` })).body.lead;
    expect(colleague).toMatchObject({ matchedAccountId: acct.id, matchedContactId: null });

    const free1 = (await w.as(marketing).post('/api/v1/leads', { email: `free1-${env().engine}@gmail.com`, domain: 'gmail.com' })).body.lead;
    const free2 = (await w.as(marketing).post('/api/v1/leads', { email: `free2-${env().engine}@gmail.com` })).body.lead;
    expect([free1.domain, free2.domain, free2.sameCompanyLeadId]).toEqual([null, null, null]);
  });

  it('walks the lifecycle: accept, touch, qualify, convert into account, contact and deal carrying source and campaign', async () => {
    const campaign = (await w.as(marketing).post('/api/v1/campaigns', { name: `Spring webinar ${env().engine}`, channel: 'webinar', startsOn: '2026-03-01' }))
      .body;
    const lead = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: email(), source: 'website', campaignId: campaign.id })).body.lead;
    const owner = lead.ownerId === rep1.id ? rep1 : rep2;
    const other = owner === rep1 ? rep2 : rep1;
    expect((await w.as(other).get(`/api/v1/leads/${lead.id}`)).status).toBe(404);
    let l = (await w.as(owner).post(`/api/v1/leads/${lead.id}/accept`, { version: lead.version })).body;
    expect(l.status).toBe('accepted');
    expect(l.sla.accept.state).toBe('met');
    l = (await w.as(owner).post(`/api/v1/leads/${lead.id}/touches`, { type: 'call', reached: true })).body;
    expect(l.touches).toBe(1);
    expect(l.sla.firstTouch.state).toBe('met');
    const early = await w.as(owner).post(`/api/v1/leads/${lead.id}/convert`, { version: l.version, amount: 500000, closeDate: '2027-03-31' });
    expect(early.status).toBe(422);
    l = (await w.as(owner).post(`/api/v1/leads/${lead.id}/qualify`, { version: l.version })).body;
    expect(l.status).toBe('sql');
    const stale = await w.as(owner).post(`/api/v1/leads/${lead.id}/convert`, { version: l.version - 1, amount: 500000, closeDate: '2027-03-31' });
    expect(stale.status).toBe(409);
    const conv = await w.as(owner).post(`/api/v1/leads/${lead.id}/convert`, { version: l.version, amount: 500000, closeDate: '2027-03-31' });
    expect(conv.status, JSON.stringify(conv.body)).toBe(200);
    const deal = (await w.as(owner).get(`/api/v1/deals/${conv.body.dealId}`)).body;
    expect(deal).toMatchObject({
      source: 'website',
      campaign: campaign.name,
      ownerId: owner.id,
      accountId: conv.body.accountId,
      contactId: conv.body.contactId,
      amount: 500000,
    });
    expect(conv.body.lead).toMatchObject({ status: 'converted', dealId: deal.id });
    const dealHistory = (await w.as(owner).get(`/api/v1/deals/${deal.id}/timeline`)).status;
    expect(dealHistory).toBe(200);
    // Marketing reads the lead but never the deal.
    expect((await w.as(marketing).get(`/api/v1/leads/${lead.id}`)).body.dealId).toBe(deal.id);
    expect((await w.as(marketing).get(`/api/v1/deals/${deal.id}`)).status).toBe(403);
    const history = (await w.as(owner).get(`/api/v1/leads/${lead.id}/history`)).body.items.map((h: { toStatus: string }) => h.toStatus);
    expect(history).toEqual(['new', 'mql', 'accepted', 'sql', 'converted']);
  });

  it('a failed conversion writes nothing (an invisible account id)', async () => {
    const lead = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: email() })).body.lead;
    const owner = lead.ownerId === rep1.id ? rep1 : rep2;
    let l = (await w.as(owner).post(`/api/v1/leads/${lead.id}/accept`, { version: lead.version })).body;
    l = (await w.as(owner).post(`/api/v1/leads/${lead.id}/qualify`, { version: l.version })).body;
    const hidden = (await w.as(w.admin).post('/api/v1/accounts', { name: 'Hidden' })).body;
    const before = (await w.as(owner).get('/api/v1/contacts?limit=200')).body.items.length;
    const res = await w.as(owner).post(`/api/v1/leads/${lead.id}/convert`, { version: l.version, amount: 1, closeDate: '2027-01-31', accountId: hidden.id });
    expect(res.status).toBe(400);
    expect(res.body.error?.details.fields[0]?.field).toBe('accountId');
    expect((await w.as(owner).get(`/api/v1/leads/${lead.id}`)).body.status).toBe('sql');
    expect((await w.as(owner).get('/api/v1/contacts?limit=200')).body.items.length).toBe(before);
  });

  it('rejects only with an agreed reason, which marketing reads', async () => {
    const lead = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: email() })).body.lead;
    const owner = lead.ownerId === rep1.id ? rep1 : rep2;
    const bad = await w.as(owner).post(`/api/v1/leads/${lead.id}/reject`, { version: lead.version, reason: 'meh' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toBe('reason');
    const ok = await w.as(owner).post(`/api/v1/leads/${lead.id}/reject`, { version: lead.version, reason: 'not a fit' });
    expect(ok.body).toMatchObject({ status: 'rejected', rejectionReason: 'Not a fit' });
    expect((await w.as(marketing).get(`/api/v1/leads/${lead.id}`)).body.rejectionReason).toBe('Not a fit');
    const again = await w.as(owner).post(`/api/v1/leads/${lead.id}/accept`, { version: ok.body.version });
    expect(again.status).toBe(422);
    expect((await w.as(marketing).post(`/api/v1/leads/${lead.id}/recycle`, { version: ok.body.version })).status).toBe(403);
  });

  it('in claim mode, exactly one of many concurrent claims wins', async () => {
    const w2 = await env().workspace();
    const mk = await w2.user('marketing');
    const mgr = await w2.user('manager');
    const t = await w2.team('Pool', { managerId: mgr.id });
    const reps = await Promise.all([1, 2, 3, 4, 5].map((i) => w2.user('rep', { teamId: t, name: `Claimer ${i}` })));
    const outsider = await w2.user('rep');
    await agreementInForce(w2, mk);
    const s = (await w2.as(w2.admin).get('/api/v1/lead-settings')).body;
    await w2
      .as(w2.admin)
      .put('/api/v1/lead-settings', { version: s.version, routing: { ...s.routing, mode: 'claim', defaultTeamId: t }, businessHours: s.businessHours });
    const lead = (await w2.as(mk).post('/api/v1/leads', { ...HOT_LEAD, email: 'pool@pool.example' })).body.lead;
    expect(lead).toMatchObject({ status: 'mql', ownerId: null, teamId: t });
    expect((await w2.as(reps[0] as TestUser).get('/api/v1/leads?queue=open')).body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
    expect((await w2.as(outsider).post(`/api/v1/leads/${lead.id}/claim`)).status).toBe(404);
    const results = await Promise.all(reps.map((r) => w2.as(r).post(`/api/v1/leads/${lead.id}/claim`)));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error?.code)).toEqual(Array(reps.length - 1).fill('conflict'));
    const final = (await w2.as(mgr).get(`/api/v1/leads/${lead.id}`)).body;
    expect(final.ownerId).toBe(winners[0]?.body.ownerId);
  });

  it('lists the rep queue with SLA clocks and finds leads in search', async () => {
    const lead = (await w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: email(), company: `Zebulon ${env().engine}` })).body.lead;
    const owner = lead.ownerId === rep1.id ? rep1 : rep2;
    const queue = (await w.as(owner).get('/api/v1/leads?queue=mine&limit=200')).body.items;
    expect(queue.find((l: { id: string }) => l.id === lead.id)?.sla.accept.state).toBe('on_track');
    env().clock.now += 5 * 3_600_000;
    const late = (await w.as(owner).get(`/api/v1/leads/${lead.id}`)).body;
    expect(late.sla.accept.state).toBe('breached');
    env().clock.now -= 5 * 3_600_000;
    const found = (await w.as(owner).get(`/api/v1/search?q=Zebulon&types=lead`)).body.items;
    expect(found.map((i: { id: string }) => i.id)).toContain(lead.id);
    expect((await w.as(manager).get(`/api/v1/search?q=Zebulon`)).body.items.map((i: { id: string }) => i.id)).toContain(lead.id);
  });

  it('answers bad input with the field, never a 500', async () => {
    const r = await w.as(marketing).post('/api/v1/leads', { email: 'not-an-email' });
    expect(r.status).toBe(400);
    const c = await w.as(marketing).post('/api/v1/leads', { email: email(), campaignId: 'nope' });
    expect(c.status).toBe(400);
    expect(c.body.error?.details.fields[0]?.field).toBe('campaignId');
    expect((await w.as(marketing).post('/api/v1/leads', {})).status).toBe(400);
  });
});
