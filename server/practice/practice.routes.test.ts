import { expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';

const DAY = 86_400_000;

const SCENARIO = {
  name: 'Pricing conversation',
  persona: 'A CFO who has seen three vendors and thinks all of them are too expensive',
  situation: 'Second meeting; the champion asked for a price',
  objectives: ['Anchor on the value agreed', 'Trade, never just discount'],
  skills: ['negotiation', 'value selling'],
  difficulty: 'intermediate',
  meetingType: 'pricing',
  passThreshold: 70,
  validityDays: 90,
};

async function team(w: TestWorkspace) {
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const t = await w.team('Field', { managerId: manager.id });
  const rep = await w.user('rep', { teamId: t, name: 'Rita Rep' });
  const peer = await w.user('rep', { teamId: t, name: 'Pete Peer' });
  const { body: scenario } = await w.as(manager).post('/api/v1/practice-scenarios', SCENARIO);
  return { manager, rep, peer, scenario };
}

describeEngines('practice', (env) => {
  it('keeps a scenario library managers write and reps read', async () => {
    const w = await env().workspace();
    const { manager, rep, scenario } = await team(w);
    expect(scenario).toMatchObject({ name: 'Pricing conversation', skills: ['negotiation', 'value selling'], meetingType: 'pricing', version: 1 });
    expect((await w.as(rep).post('/api/v1/practice-scenarios', SCENARIO)).status).toBe(403);
    expect((await w.as(rep).get('/api/v1/practice-scenarios')).body.items.map((s: { id: string }) => s.id)).toEqual([scenario.id]);
    const bad = await w.as(manager).post('/api/v1/practice-scenarios', { ...SCENARIO, skills: [], difficulty: 'easy' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['difficulty', 'skills']);
    const patched = await w.as(manager).patch(`/api/v1/practice-scenarios/${scenario.id}`, { version: 1, passThreshold: 80 });
    expect(patched.body).toMatchObject({ passThreshold: 80, version: 2 });
    expect((await w.as(manager).patch(`/api/v1/practice-scenarios/${scenario.id}`, { version: 1, passThreshold: 60 })).status).toBe(409);
    const marketing = await w.user('marketing');
    expect((await w.as(marketing).get('/api/v1/practice-scenarios')).status).toBe(403);
  });

  it('a partner scores a role-play on the rubric; passing the threshold certifies the rep until it expires', async () => {
    const w = await env().workspace();
    const { manager, rep, peer, scenario } = await team(w);
    const api = w.as(rep);
    expect((await api.post('/api/v1/practice-attempts', { scenarioId: scenario.id, kind: 'roleplay' })).body.error?.details.fields[0]?.field).toBe('partnerId');
    const { body: first } = await api.post('/api/v1/practice-attempts', { scenarioId: scenario.id, kind: 'roleplay', partnerId: peer.id });
    expect(first).toMatchObject({ kind: 'roleplay', partner: { id: peer.id }, skills: ['negotiation', 'value selling'], score: null, canScore: false });
    // Only the partner scores a role-play: not the rep, not a manager who was not in it.
    expect((await api.post(`/api/v1/practice-attempts/${first.id}/score`, { version: 1, scores: [{ skill: 'negotiation', score: 5 }] })).status).toBe(403);
    expect((await w.as(manager).post(`/api/v1/practice-attempts/${first.id}/score`, { version: 1, scores: [{ skill: 'negotiation', score: 5 }] })).status).toBe(
      403,
    );
    expect((await w.as(peer).get('/api/v1/practice-attempts?toScore=true')).body.items.map((a: { id: string }) => a.id)).toEqual([first.id]);
    const partial = await w.as(peer).post(`/api/v1/practice-attempts/${first.id}/score`, {
      version: 1,
      scores: [
        { skill: 'negotiation', score: 3 },
        { skill: 'golf', score: 2 },
      ],
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['scores.1.skill', 'scores']);
    const scored = await w.as(peer).post(`/api/v1/practice-attempts/${first.id}/score`, {
      version: 1,
      scores: [
        { skill: 'negotiation', score: 3 },
        { skill: 'value selling', score: 2 },
      ],
      feedback: 'Gave a discount too early',
    });
    expect(scored.body).toMatchObject({ score: 50, scoredBy: { id: peer.id }, feedback: 'Gave a discount too early' });
    expect((await w.as(peer).post(`/api/v1/practice-attempts/${first.id}/score`, { version: 2, scores: [{ skill: 'negotiation', score: 5 }] })).status).toBe(
      409,
    );

    let report = await w.as(manager).get(`/api/v1/practice-readiness?scenarioId=${scenario.id}`);
    expect(report.body.formula).toMatch(/0\.5\^/);
    const row = (r: typeof report) => r.body.items.find((i: { user: { id: string } }) => i.user.id === rep.id);
    expect(row(report)).toMatchObject({ readiness: 50, attempts: 1, status: 'not_ready', certifiedUntil: null });

    env().clock.now += 30 * DAY;
    const { body: second } = await api.post('/api/v1/practice-attempts', { scenarioId: scenario.id, kind: 'roleplay', partnerId: manager.id });
    await w.as(manager).post(`/api/v1/practice-attempts/${second.id}/score`, {
      version: 1,
      scores: [
        { skill: 'negotiation', score: 5 },
        { skill: 'value selling', score: 5 },
      ],
    });
    // (1 × 100 + 0.5 × 50) ÷ 1.5 = 83.3 ≥ 70: certified by the threshold, for the scenario's 90 days.
    report = await w.as(manager).get(`/api/v1/practice-readiness?scenarioId=${scenario.id}`);
    expect(row(report)).toMatchObject({ readiness: 83.3, attempts: 2, status: 'ready', certifiedUntil: new Date(env().clock.now + 90 * DAY).toISOString() });
    const certs = await api.get('/api/v1/certifications');
    expect(certs.body.items).toMatchObject([{ method: 'threshold', scenarioName: 'Pricing conversation', active: true, grantedBy: null }]);
    // Both scores fed the rep's skill profile in coaching: the rubric's Negotiation skill (a skill of
    // the model, by key) as practice ratings linked to their attempts; "value selling" is not one.
    const profile = await w.as(manager).get(`/api/v1/skill-profiles/${rep.id}`);
    const negotiation = profile.body.skills.find((s: { skillKey: string }) => s.skillKey === 'negotiation');
    expect(negotiation).toMatchObject({ level: 4, firstLevel: 2 });
    expect(negotiation?.history).toMatchObject([
      { level: 2, source: 'practice', attemptId: first.id },
      { level: 4, source: 'practice', attemptId: second.id },
    ]);
    expect(profile.body.skills.filter((s: { history: unknown[] }) => s.history.length > 0)).toHaveLength(1);
    // A peer sees the attempt they partnered on, not the rep's others.
    expect((await w.as(peer).get(`/api/v1/practice-attempts/${second.id}`)).status).toBe(404);
    expect((await w.as(peer).get(`/api/v1/practice-attempts/${first.id}`)).status).toBe(200);
  });

  it('the certification criterion is real: a move into the pricing stage is refused until the owner is certified, then succeeds; a meeting of the mapped type reminds an unready rep', async () => {
    const w = await env().workspace();
    const { manager, rep, peer, scenario } = await team(w);
    const admin = w.as(w.admin);
    const { body: list } = await admin.get('/api/v1/pipelines');
    const { body: proc } = await admin.get(`/api/v1/pipelines/${list.items[0]!.id}/process`);
    const stage = (n: string) => proc.stages.find((s: { name: string }) => s.name === n);
    const criterion = await admin.post(`/api/v1/stages/${stage('Qualify')!.id}/criteria`, {
      version: proc.pipeline.version,
      kind: 'certification',
      scenario: 'pricing conversation',
    });
    expect(criterion.status).toBe(201);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Acme', amount: 10_000_00, closeDate: '2027-02-01' });
    const { body: meeting } = await api.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Price walk-through',
      occurredAt: new Date(env().clock.now + DAY).toISOString(),
      dealId: deal.id,
    });
    await api.post('/api/v1/call-plans', { activityId: meeting.id, meetingType: 'pricing' });
    const week = await api.get('/api/v1/planned-meetings');
    expect(week.body.items[0]?.reminders).toEqual(['Practise "Pricing conversation" before this meeting (not practised yet)']);

    const move = () => api.patch(`/api/v1/deals/${deal.id}`, { version: deal.version, stageId: stage('Discovery')!.id });
    const refused = await move();
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details.missing[0]).toMatchObject({ kind: 'certification' });
    expect(refused.body.error?.details.missing[0]?.hint).toMatch(/not certified on "Pricing conversation"/);

    expect((await api.post('/api/v1/certifications', { userId: rep.id, scenarioId: scenario.id })).status).toBe(403);
    // A peer cannot see the rep's practice record: the rep reads as a missing user.
    expect((await w.as(peer).post('/api/v1/certifications', { userId: rep.id, scenarioId: scenario.id })).status).toBe(400);
    const granted = await w
      .as(manager)
      .post('/api/v1/certifications', { userId: rep.id, scenarioId: scenario.id, note: 'Watched the live call', validityDays: 30 });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ method: 'manager', grantedBy: { id: manager.id }, active: true });
    expect((await api.get('/api/v1/planned-meetings')).body.items[0]?.reminders).toEqual([]);
    const moved = await move();
    expect(moved.status).toBe(200);
    expect(moved.body.stageName).toBe('Discovery');

    // Expired certifications no longer meet the criterion.
    env().clock.now += 31 * DAY;
    const { body: deal2 } = await api.post('/api/v1/deals', { name: 'Later', amount: 10_000_00, closeDate: '2027-06-01' });
    expect((await api.patch(`/api/v1/deals/${deal2.id}`, { version: deal2.version, stageId: stage('Discovery')!.id })).status).toBe(422);
  });
});
