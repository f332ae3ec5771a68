// Coaching through the API on both engines: the seeded skill model and its versions, relationships
// from the team tree and explicit ones, sessions with private notes, linked deals and action items,
// ratings with the model version, deal reviews on the deal's timeline (the owner notified).
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

describeEngines('coaching', (env) => {
  let w: TestWorkspace;
  let cso: TestUser;
  let manager: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;
  let outsider: TestUser;
  let coach: TestUser;
  let teamId: string;

  beforeAll(async () => {
    w = await env().workspace();
    cso = await w.user('manager', { name: 'Cleo CSO' });
    manager = await w.user('manager', { name: 'Mia Manager' });
    const top = await w.team('Sales', { managerId: cso.id });
    teamId = await w.team('Field', { parentId: top, managerId: manager.id });
    const elsewhere = await w.team('Partners', { managerId: null });
    rep = await w.user('rep', { teamId, name: 'Rita Rep' });
    otherRep = await w.user('rep', { teamId, name: 'Otto Other' });
    outsider = await w.user('rep', { teamId: elsewhere, name: 'Oscar Outsider' });
    coach = await w.user('coach', { name: 'Cole Coach' });
  });

  it('seeds the default skill model, and an admin edit makes a new version; a stale edit is 409', async () => {
    const model = await w.as(rep).get('/api/v1/skill-model');
    expect(model.status).toBe(200);
    expect(model.body.version).toBe(1);
    expect(model.body.skills.map((s: { key: string }) => s.key)).toEqual([
      'discovery',
      'qualification',
      'demo',
      'objection_handling',
      'negotiation',
      'forecasting',
      'pipeline_generation',
    ]);
    const skills = [
      ...model.body.skills,
      {
        name: 'Account planning',
        levels: [
          { level: 1, label: 'New', description: '' },
          { level: 2, label: 'Good', description: '' },
        ],
      },
    ];
    expect((await w.as(manager).put('/api/v1/skill-model', { version: 1, skills })).status).toBe(403);
    const v2 = await w.as(w.admin).put('/api/v1/skill-model', { version: 1, skills, note: 'Adds account planning' });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect(v2.body.version).toBe(2);
    expect(v2.body.skills.at(-1)?.key).toBe('account_planning');
    expect((await w.as(w.admin).put('/api/v1/skill-model', { version: 1, skills })).status).toBe(409);
    expect((await w.as(rep).get('/api/v1/skill-model?version=1')).body.skills).toHaveLength(7);
    const bad = await w.as(w.admin).put('/api/v1/skill-model', {
      version: 2,
      skills: [
        {
          name: 'X',
          levels: [
            { level: 2, label: 'a', description: '' },
            { level: 1, label: 'b', description: '' },
          ],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toBe('skills/0/levels/0/level');
    expect((await w.as(rep).get('/api/v1/skill-model')).body.version).toBe(2);
  });

  it('derives relationships from the team tree, and an admin adds an outside coach', async () => {
    const list = await w.as(w.admin).get('/api/v1/coaching-relationships');
    const pairs = list.body.items.map((r) => `${r.coach.name}>${r.coachee.name}:${r.cadenceDays}:${r.source}:${r.status}`);
    expect(pairs).toEqual(
      expect.arrayContaining(['Mia Manager>Rita Rep:7:team:never', 'Mia Manager>Otto Other:7:team:never', 'Cleo CSO>Mia Manager:14:team:never']),
    );
    expect(pairs.some((p: string) => p.includes('Oscar Outsider'))).toBe(false);

    expect((await w.as(manager).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: cso.id, cadenceDays: 14 })).status).toBe(403);
    const made = await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: cso.id, cadenceDays: 14 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ source: 'explicit', status: 'never', version: 1 });
    expect((await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: cso.id, cadenceDays: 7 })).status).toBe(409);
    expect((await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: coach.id, coacheeId: coach.id, cadenceDays: 7 })).status).toBe(400);
    const patched = await w.as(w.admin).patch(`/api/v1/coaching-relationships/${made.body.id}`, { version: 1, cadenceDays: 21 });
    expect(patched.body.cadenceDays).toBe(21);
    expect((await w.as(w.admin).patch(`/api/v1/coaching-relationships/${made.body.id}`, { version: 1, cadenceDays: 7 })).status).toBe(409);

    // The coach sees their relationship only; the rep sees their own.
    const mine = await w.as(coach).get('/api/v1/coaching-relationships');
    expect(mine.body.items.map((r) => r.coachee.name)).toEqual(['Cleo CSO']);
    const repView = await w.as(rep).get('/api/v1/coaching-relationships');
    expect(repView.body.items.map((r) => r.coach.name)).toEqual(['Mia Manager']);
  });

  it('runs a session: private notes stay the coach’s, linked deals must be visible, action items are ticked off by their owner', async () => {
    const deal = await w.as(rep).post('/api/v1/deals', { name: 'Acme renewal', amount: 50000, closeDate: '2027-01-31' });
    const hidden = await w.as(outsider).post('/api/v1/deals', { name: 'Hidden', amount: 1000, closeDate: '2027-01-31' });
    const base = {
      coacheeId: rep.id,
      scheduledAt: '2026-11-27T09:00:00.000Z',
      heldAt: '2026-11-27T09:30:00.000Z',
      agenda: 'Pipeline',
      sharedNotes: 'Good call prep',
      privateNotes: 'Confidence is low',
      skillKeys: ['discovery'],
    };
    const refused = await w.as(manager).post('/api/v1/coaching-sessions', { ...base, dealIds: [deal.body.id, hidden.body.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details.fields).toEqual([{ field: 'dealIds/1', message: 'no deal with this id that you can see' }]);
    expect((await w.as(manager).get(`/api/v1/coaching-sessions?coacheeId=${rep.id}`)).body.items).toHaveLength(0);
    expect((await w.as(manager).post('/api/v1/coaching-sessions', { ...base, skillKeys: ['juggling'] })).status).toBe(400);
    expect((await w.as(manager).post('/api/v1/coaching-sessions', { ...base, coacheeId: outsider.id })).status).toBe(400);
    expect((await w.as(rep).post('/api/v1/coaching-sessions', { ...base, coacheeId: otherRep.id })).status).toBe(403);

    const made = await w.as(manager).post('/api/v1/coaching-sessions', {
      ...base,
      dealIds: [deal.body.id],
      actionItems: [{ ownerId: rep.id, text: 'Send the mutual plan', dueDate: '2026-12-02' }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.privateNotes).toBe('Confidence is low');
    expect(made.body.deals).toEqual([expect.objectContaining({ id: deal.body.id, name: 'Acme renewal' })]);
    const id = made.body.id as string;

    const asRep = await w.as(rep).get(`/api/v1/coaching-sessions/${id}`);
    expect(asRep.status).toBe(200);
    expect(asRep.body.privateNotes).toBeNull();
    expect(asRep.body.sharedNotes).toBe('Good call prep');
    expect((await w.as(w.admin).get(`/api/v1/coaching-sessions/${id}`)).body.privateNotes).toBeNull();
    expect((await w.as(otherRep).get(`/api/v1/coaching-sessions/${id}`)).status).toBe(404);
    expect((await w.as(coach).get(`/api/v1/coaching-sessions/${id}`)).status).toBe(404);
    expect((await w.as(rep).patch(`/api/v1/coaching-sessions/${id}`, { version: 1, sharedNotes: 'mine' })).status).toBe(403);
    expect((await w.as(w.admin).patch(`/api/v1/coaching-sessions/${id}`, { version: 1, privateNotes: 'x' })).status).toBe(400);

    const item = made.body.actionItems[0];
    expect(item).toMatchObject({ text: 'Send the mutual plan', dueDate: '2026-12-02', completedAt: null, overdue: false });
    expect((await w.as(otherRep).patch(`/api/v1/action-items/${item!.id}`, { version: 1, completed: true })).status).toBe(404);
    expect((await w.as(rep).patch(`/api/v1/action-items/${item!.id}`, { version: 1, text: 'rewrite' })).status).toBe(403);
    const done = await w.as(rep).patch(`/api/v1/action-items/${item!.id}`, { version: 1, completed: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.completedAt).not.toBeNull();
    expect((await w.as(rep).patch(`/api/v1/action-items/${item!.id}`, { version: 1, completed: false })).status).toBe(409);
    const repItems = await w.as(rep).get('/api/v1/action-items');
    expect(repItems.body.items.map((i) => i.id)).toContain(item!.id);

    const patched = await w.as(manager).patch(`/api/v1/coaching-sessions/${id}`, { version: 1, dealIds: [], sharedNotes: 'Updated' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ deals: [], sharedNotes: 'Updated', version: 2 });
    expect((await w.as(manager).patch(`/api/v1/coaching-sessions/${id}`, { version: 1, agenda: 'x' })).status).toBe(409);

    const rels = await w.as(manager).get(`/api/v1/coaching-relationships?coacheeId=${rep.id}`);
    expect(rels.body.items[0]).toMatchObject({ status: 'kept', lastHeldAt: '2026-11-27T09:30:00.000Z' });
  });

  it('lets an outside coach work with their coachee only, with no deal access', async () => {
    const session = await w
      .as(coach)
      .post('/api/v1/coaching-sessions', { coacheeId: cso.id, scheduledAt: '2026-12-01T09:00:00.000Z', privateNotes: 'Coach only' });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    expect((await w.as(coach).post('/api/v1/coaching-sessions', { coacheeId: rep.id, scheduledAt: '2026-12-01T09:00:00.000Z' })).status).toBe(400);
    const deal = await w.as(rep).post('/api/v1/deals', { name: 'Not for coaches', amount: 100, closeDate: '2027-01-31' });
    expect((await w.as(coach).get(`/api/v1/deals/${deal.body.id}`)).status).toBe(403);
    expect((await w.as(coach).patch(`/api/v1/coaching-sessions/${session.body.id}`, { version: 1, dealIds: [deal.body.id] })).status).toBe(400);
    const list = await w.as(coach).get('/api/v1/coaching-sessions');
    expect(list.body.items.map((s) => s.coachee.name)).toEqual(['Cleo CSO']);
    const asCso = await w.as(cso).get(`/api/v1/coaching-sessions/${session.body.id}`);
    expect(asCso.body.privateNotes).toBeNull();
    expect((await w.as(coach).get(`/api/v1/skill-profiles/${cso.id}`)).status).toBe(200);
    expect((await w.as(coach).get(`/api/v1/skill-profiles/${rep.id}`)).status).toBe(404);
  });

  it('records ratings with the model version and shows the profile with its history', async () => {
    const first = await w.as(manager).post('/api/v1/skill-ratings', { userId: rep.id, skillKey: 'discovery', level: 2 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.modelVersion).toBe(2);
    env().clock.now += 1000;
    await w.as(manager).post('/api/v1/skill-ratings', { userId: rep.id, skillKey: 'discovery', level: 3 });
    expect((await w.as(manager).post('/api/v1/skill-ratings', { userId: rep.id, skillKey: 'discovery', level: 9 })).body.error?.details.fields[0]?.field).toBe(
      'level',
    );
    expect((await w.as(rep).post('/api/v1/skill-ratings', { userId: rep.id, skillKey: 'discovery', level: 4 })).status).toBe(403);
    expect((await w.as(manager).post('/api/v1/skill-ratings', { userId: outsider.id, skillKey: 'discovery', level: 2 })).status).toBe(400);
    const profile = await w.as(rep).get(`/api/v1/skill-profiles/${rep.id}`);
    const discovery = profile.body.skills.find((s) => s.skillKey === 'discovery');
    expect(discovery).toMatchObject({ level: 3, firstLevel: 2, levelLabel: 'Proficient', maxLevel: 4 });
    expect(discovery?.history.map((h) => h.level)).toEqual([2, 3]);
    expect((await w.as(otherRep).get(`/api/v1/skill-profiles/${rep.id}`)).status).toBe(404);
  });

  it('writes a deal review onto the deal’s timeline, for the owner’s coach only', async () => {
    const deal = await w.as(rep).post('/api/v1/deals', { name: 'Globex', amount: 20000, closeDate: '2027-02-28' });
    expect((await w.as(rep).post(`/api/v1/deals/${deal.body.id}/reviews`, { findings: 'self' })).status).toBe(403);
    expect((await w.as(manager).post(`/api/v1/deals/${deal.body.id}/reviews`, { findings: ' ' })).status).toBe(400);
    const review = await w
      .as(manager)
      .post(`/api/v1/deals/${deal.body.id}/reviews`, { findings: 'No economic buyer yet', coachingNotes: 'Practise the exec ask' });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(review.body).toMatchObject({ dealName: 'Globex', findings: 'No economic buyer yet', owner: { id: rep.id } });
    const timeline = await w.as(rep).get(`/api/v1/deals/${deal.body.id}/timeline`);
    expect(timeline.body.items.some((i) => i.kind === 'activity' && i.body?.includes('No economic buyer yet'))).toBe(true);
    expect((await w.as(rep).get(`/api/v1/deals/${deal.body.id}/reviews`)).body.items).toHaveLength(1);
    expect((await w.as(outsider).get(`/api/v1/deals/${deal.body.id}/reviews`)).status).toBe(404);
    // The owner is told, with a link to the deal; the refused and empty attempts told nobody.
    const told = (await w.as(rep).get('/api/v1/notifications')).body.items.filter((n) => n.kind === 'coaching.deal-reviewed');
    expect(told).toEqual([
      expect.objectContaining({
        record: expect.objectContaining({ type: 'deal', id: deal.body.id, name: 'Globex' }),
        actor: expect.objectContaining({ id: manager.id }),
      }),
    ]);
    expect(told[0]?.title).toMatch(/reviewed Globex$/);
  });
  it('names as next session the one still ahead, not one scheduled months ago and never held', async () => {
    const at = (days: number) => new Date(env().clock.now + days * 86_400_000).toISOString();
    const missed = await w.as(manager).post('/api/v1/coaching-sessions', { coacheeId: otherRep.id, scheduledAt: at(-60) });
    expect(missed.status, JSON.stringify(missed.body)).toBe(201);
    const pair = async () =>
      (await w.as(manager).get(`/api/v1/coaching-relationships?coacheeId=${otherRep.id}`)).body.items.find((r) => r.coach.id === manager.id);
    expect((await pair())?.nextScheduledAt).toBeNull();
    await w.as(manager).post('/api/v1/coaching-sessions', { coacheeId: otherRep.id, scheduledAt: at(5) });
    expect((await pair())?.nextScheduledAt).toBe(at(5));
  });
});
