// Test data for the funnel KPIs: a reproducible quarter of leads written through the HTTP API as
// marketing and the reps would (so the lead history, the stored SLA due instants and the touches'
// business minutes are exactly what production writes), with an agreement change half-way, some
// leads converted into deals and some of those deals won or lost.
import { expect } from 'vitest';
import type { AgreementTerms } from '../../../api/lead-agreements.js';
import type { Lead, LeadConversion } from '../../../api/leads.js';
import { agreementInForce, TERMS } from '../../alignment/testing.js';
import type { TestEnv, TestUser, TestWorkspace } from '../../test/test-env.js';
import { rng } from './random-history.js';

export interface LeadHistory {
  w: TestWorkspace;
  marketing: TestUser;
  manager: TestUser;
  reps: TestUser[];
  teamId: string;
  leadIds: string[];
  start: number;
  end: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const V2: AgreementTerms = {
  ...TERMS,
  sla: { acceptWithinHours: 2, firstTouchWithinHours: 2, attempts: 2, attemptsWithinDays: 3 },
  commitments: [
    { segment: 'mid', mqlsPerMonth: 25 },
    { segment: 'enterprise', mqlsPerMonth: 6 },
  ],
};

export async function randomLeads(env: TestEnv, seed: number, options: { start?: string; days?: number } = {}): Promise<LeadHistory> {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const start = Date.parse(`${options.start ?? '2026-06-01'}T07:00:00Z`);
  const days = options.days ?? 90;
  env.clock.now = start - 2 * DAY;
  const w = await env.workspace({ currency: 'EUR', timezone: 'Europe/Berlin' });
  const marketing = await w.user('marketing', { name: 'Mo Marketing' });
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const teamId = await w.team('Inbound', { managerId: manager.id });
  const reps = [await w.user('rep', { teamId, name: 'Ann' }), await w.user('rep', { teamId, name: 'Ben' }), await w.user('rep', { teamId, name: 'Cat' })];
  const admin = w.as(w.admin);
  await agreementInForce(w, marketing);
  const settings = (await admin.get('/api/v1/lead-settings')).body;
  const put = await admin.put('/api/v1/lead-settings', {
    version: settings.version,
    routing: { ...settings.routing, defaultTeamId: teamId },
    businessHours: { ...settings.businessHours, holidays: ['2026-06-15', '2026-08-03'] },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const campaign = (
    await w
      .as(marketing)
      .post('/api/v1/campaigns', { name: 'Summer webinar', channel: 'webinar', startsOn: day(start), followUp: { touches: [], ownerTeamId: null, note: null } })
  ).body;
  expect(campaign.id, JSON.stringify(campaign)).toBeDefined();

  const open = new Map<string, { id: string; version: number; status: string; ownerId: string | null; dealId: string | null }>();
  const leadIds: string[] = [];
  const as = (userId: string | null) => w.as(reps.find((r) => r.id === userId) ?? w.admin);
  const keep = (lead: { id: string; version: number; status: string; ownerId: string | null; dealId: string | null }) => {
    const worked = ['mql', 'accepted', 'sql'].includes(lead.status) || (lead.status === 'converted' && lead.dealId);
    if (!worked) open.delete(lead.id);
    else open.set(lead.id, { id: lead.id, version: lead.version, status: lead.status, ownerId: lead.ownerId, dealId: lead.dealId });
  };
  const dealState = new Map<string, string>();

  for (let d = 0; d < days; d++) {
    if (d === Math.floor(days / 2)) {
      env.clock.now = start + d * DAY;
      await agreementInForce(w, marketing, V2);
    }
    for (let k = 0; k < 4; k++) {
      env.clock.now = start + d * DAY + Math.floor(random() * 14 * HOUR);
      const roll = random();
      if (roll < 0.4) {
        const hot = random() < 0.75;
        const res = await w.as(marketing).post('/api/v1/leads', {
          email: `lead${leadIds.length}@co${leadIds.length}.example`,
          lastName: `Lead ${leadIds.length}`,
          company: `Co ${leadIds.length}`,
          industry: hot ? 'Software' : 'Retail',
          companySize: 300,
          segment: random() < 0.25 ? 'enterprise' : random() < 0.9 ? 'mid' : undefined,
          source: pick(['Website form', 'Events', 'Paid search']),
          ...(random() < 0.4 ? { campaignId: campaign.id } : {}),
          behaviours: hot ? [{ event: 'demo_request' }] : [],
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        leadIds.push(res.body.lead.id);
        if (res.body.lead.status === 'mql') keep(res.body.lead);
        // Every fifth routed lead is called back within minutes (without drawing from the random
        // stream), so the speed-to-lead shares within 5 and 15 business minutes have fast touches.
        if (res.body.lead.status === 'mql' && res.body.lead.ownerId && leadIds.length % 5 === 0) {
          env.clock.now += 3 * 60_000;
          const touched = await as(res.body.lead.ownerId).post(`/api/v1/leads/${res.body.lead.id}/touches`, { type: 'call', reached: false });
          expect(touched.status, JSON.stringify(touched.body)).toBeLessThan(300);
          keep(touched.body);
        }
        continue;
      }
      const lead = [...open.values()][Math.floor(random() * open.size)];
      if (!lead) continue;
      const c = as(lead.ownerId);
      // Each transition answers the lead; a conversion the lead with the records it made.
      let res: { status: number; body: Lead | LeadConversion } | undefined;
      if (lead.dealId) {
        if (dealState.has(lead.dealId) || random() < 0.5) continue;
        const deal = (await w.as(w.admin).get(`/api/v1/deals/${lead.dealId}`)).body;
        const status = random() < 0.6 ? 'won' : 'lost';
        const r = await w.as(w.admin).patch(`/api/v1/deals/${lead.dealId}`, {
          version: deal.version,
          status,
          ...(status === 'lost' ? { lostReason: 'Price' } : {}),
          overrideReason: 'Test',
        });
        if (r.status === 200) dealState.set(lead.dealId, status);
        continue;
      }
      const r2 = random();
      if (r2 < 0.45) res = await c.post(`/api/v1/leads/${lead.id}/touches`, { type: pick(['call', 'email'] as const), reached: random() < 0.3 });
      else if (lead.status === 'mql' && r2 < 0.8) res = await c.post(`/api/v1/leads/${lead.id}/accept`, { version: lead.version });
      else if (lead.status === 'mql' || (lead.status === 'accepted' && r2 > 0.97))
        res = await c.post(`/api/v1/leads/${lead.id}/reject`, { version: lead.version, reason: pick(TERMS.rejectionReasons) });
      else if (lead.status === 'accepted' && r2 < 0.85) res = await c.post(`/api/v1/leads/${lead.id}/qualify`, { version: lead.version });
      else if (lead.status === 'accepted') res = await c.post(`/api/v1/leads/${lead.id}/recycle`, { version: lead.version });
      else if (lead.status === 'sql' && r2 < 0.9)
        res = await c.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, amount: 100_000, closeDate: day(env.clock.now + 30 * DAY) });
      if (!res) continue;
      expect(res.status, `${lead.status}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      keep('lead' in res.body ? res.body.lead : res.body);
    }
  }
  env.clock.now = start + days * DAY;
  return { w, marketing, manager, reps, teamId, leadIds, start, end: env.clock.now };
}
