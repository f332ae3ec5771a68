// Lead settings through the API (the screen's contract): routing rules by territory, segment and
// size to a team or a named rep, away reps, business hours with holidays and the workspace time
// zone; every problem named by its field in one answer, a stale version 409, admins only.
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { agreementInForce, HOT_LEAD } from './testing.js';

describeEngines('lead settings', (env) => {
  let w: TestWorkspace;
  let marketing: TestUser;
  let inbound: string;
  let enterprise: string;
  let ann: TestUser;
  let bob: TestUser;
  let erin: TestUser;
  let n = 0;
  const lead = (extra: Record<string, unknown>) =>
    w.as(marketing).post('/api/v1/leads', { ...HOT_LEAD, email: `settings${n++}-${env().engine}@co${n}.example`, ...extra });

  beforeAll(async () => {
    w = await env().workspace();
    marketing = await w.user('marketing');
    inbound = await w.team('Inbound');
    enterprise = await w.team('Enterprise');
    ann = await w.user('rep', { teamId: inbound, name: 'Ann Rep' });
    bob = await w.user('rep', { teamId: inbound, name: 'Bob Rep' });
    erin = await w.user('rep', { teamId: enterprise, name: 'Erin Rep' });
    await w.user('rep', { teamId: enterprise, name: 'Eve Rep' });
    await agreementInForce(w, marketing);
  });

  it('saves rules to a team or a named rep, away reps, holidays and the time zone; leads follow them', async () => {
    const before = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const put = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: before.version,
      routing: {
        mode: 'round_robin',
        defaultTeamId: inbound,
        rules: [
          { segment: 'enterprise', teamId: enterprise, ownerId: erin.id },
          { country: 'DE', minSize: 100, maxSize: 500, teamId: inbound },
        ],
        awayUserIds: [ann.id],
      },
      businessHours: { workingDays: [1, 2, 3, 4, 5], startMinute: 8 * 60, endMinute: 18 * 60, holidays: ['2026-12-25', '2026-12-24', '2026-12-25'] },
      timezone: 'America/New_York',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      version: before.version + 1,
      timezone: 'America/New_York',
      routing: {
        rules: [
          { teamId: enterprise, ownerId: erin.id },
          { country: 'DE', teamId: inbound },
        ],
        awayUserIds: [ann.id],
      },
      businessHours: { startMinute: 480, endMinute: 1080, holidays: ['2026-12-24', '2026-12-25'] },
    });
    expect((await w.as(w.admin).get('/api/v1/workspace')).body.timezone).toBe('America/New_York');

    // The named rep gets the enterprise leads directly, every time; the rest go round robin, Ann away.
    for (let i = 0; i < 3; i++) expect((await lead({ segment: 'enterprise' })).body.lead).toMatchObject({ ownerId: erin.id, teamId: enterprise });
    const owners = new Set<string>();
    for (let i = 0; i < 3; i++) owners.add((await lead({ country: 'DE' })).body.lead.ownerId!);
    expect([...owners]).toEqual([bob.id]);

    // Erin away: her rule's leads go to her team's round robin instead.
    const s = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const away = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: s.version,
      routing: { ...s.routing, awayUserIds: [erin.id] },
      businessHours: s.businessHours,
    });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    expect(away.body.timezone).toBe('America/New_York');
    const fallback = (await lead({ segment: 'enterprise' })).body.lead;
    expect(fallback.teamId).toBe(enterprise);
    expect(fallback.ownerId).not.toBe(erin.id);
    expect(fallback.ownerId).not.toBeNull();
  });

  it('names every problem by its field, refuses a stale version with 409 and anyone but an admin', async () => {
    const s = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const bad = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: s.version,
      routing: {
        ...s.routing,
        rules: [
          { segment: 'smb', teamId: '01900000-0000-7000-8000-000000000000' },
          { segment: 'mid', teamId: inbound, ownerId: erin.id },
        ],
        awayUserIds: [erin.id, '01900000-0000-7000-8000-000000000001'],
      },
      businessHours: { ...s.businessHours, startMinute: 600, endMinute: 540 },
      timezone: 'Mars/Olympus',
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    expect(bad.body.error?.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'businessHours.endMinute',
      'routing.awayUserIds.1',
      'routing.rules.0.teamId',
      'routing.rules.1.ownerId',
      'timezone',
    ]);
    // Nothing was written, the time zone included.
    expect((await w.as(w.admin).get('/api/v1/lead-settings')).body).toEqual(s);

    const schema = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: s.version,
      routing: s.routing,
      businessHours: { ...s.businessHours, workingDays: [], holidays: ['25/12/2026'] },
    });
    expect(schema.status).toBe(400);
    expect(schema.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['businessHours.workingDays', 'businessHours.holidays.0']),
    );

    const first = await w
      .as(w.admin)
      .put('/api/v1/lead-settings', { version: s.version, routing: s.routing, businessHours: s.businessHours, timezone: 'Europe/Berlin' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await w
      .as(w.admin)
      .put('/api/v1/lead-settings', { version: s.version, routing: s.routing, businessHours: s.businessHours, timezone: 'Asia/Tokyo' });
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('stale');
    expect((await w.as(w.admin).get('/api/v1/lead-settings')).body.timezone).toBe('Europe/Berlin');

    const manager = await w.user('manager');
    expect((await w.as(manager).put('/api/v1/lead-settings', { version: first.body.version, routing: s.routing, businessHours: s.businessHours })).status).toBe(
      403,
    );
  });
});
