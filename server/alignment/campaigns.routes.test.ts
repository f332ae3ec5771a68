import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

describeEngines('campaigns', (env) => {
  let w: TestWorkspace;
  let users: Record<Role, TestUser>;
  beforeAll(async () => {
    w = await env().workspace();
    users = { admin: w.admin, manager: await w.user('manager'), rep: await w.user('rep'), marketing: await w.user('marketing'), coach: await w.user('coach') };
  });

  it('answers every role × operation as the policy table says (generated cases)', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const role of Object.keys(users) as Role[]) {
      const api = w.as(users[role]);
      const seed = (await w.as(users.marketing).post('/api/v1/campaigns', { name: `Seed ${role} ${n++}`, channel: 'email', startsOn: '2026-01-01' })).body;
      const expect2 = (op: 'read' | 'create' | 'update' | 'delete', status: number, ok: number) => {
        const allowed = reachOf(role, 'campaigns', op) !== 'none';
        if ((status === ok) !== allowed || (!allowed && status !== 403)) failures.push(`${role} ${op}: ${status}`);
      };
      expect2('read', (await api.get('/api/v1/campaigns')).status, 200);
      expect2('read', (await api.get(`/api/v1/campaigns/${seed.id}`)).status, 200);
      expect2('create', (await api.post('/api/v1/campaigns', { name: `By ${role} ${n++}`, channel: 'social', startsOn: '2026-02-01' })).status, 201);
      expect2('update', (await api.patch(`/api/v1/campaigns/${seed.id}`, { version: seed.version, budget: 100000 })).status, 200);
      expect2('delete', (await api.delete(`/api/v1/campaigns/${seed.id}`)).status, 204);
    }
    expect(failures).toEqual([]);
  });

  it('keeps a follow-up plan, checks dates and versions, and never crosses workspaces', async () => {
    const team = await w.team('Inbound');
    const m = w.as(users.marketing);
    const c = await m.post('/api/v1/campaigns', {
      name: 'Pricing webinar',
      channel: 'webinar',
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      budget: 1_500_000,
      followUp: {
        touches: [
          { day: 0, type: 'call', note: 'Call within the hour' },
          { day: 2, type: 'email', note: null },
        ],
        ownerTeamId: team,
        note: null,
      },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({ currency: 'EUR', leads: 0, followUp: { ownerTeamId: team } });
    expect(
      (await m.post('/api/v1/campaigns', { name: 'Bad dates', channel: 'email', startsOn: '2026-05-01', endsOn: '2026-04-01' })).body.error?.details.fields[0]
        ?.field,
    ).toBe('endsOn');
    expect((await m.post('/api/v1/campaigns', { name: 'Pricing webinar', channel: 'email', startsOn: '2026-05-01' })).status).toBe(400);
    const p1 = await m.patch(`/api/v1/campaigns/${c.body.id}`, { version: c.body.version, budget: 2_000_000 });
    expect(p1.status).toBe(200);
    expect((await m.patch(`/api/v1/campaigns/${c.body.id}`, { version: c.body.version, budget: 1 })).status).toBe(409);
    const other = await env().workspace();
    expect((await other.as(other.admin).get(`/api/v1/campaigns/${c.body.id}`)).status).toBe(404);
  });
});
