import { expect, it } from 'vitest';
import type { DealQualificationFramework } from '../../api/qualification.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function setup(w: TestWorkspace) {
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const team = await w.team('Field', { managerId: manager.id });
  const rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
  const api = w.as(rep);
  const { body: account } = await api.post('/api/v1/accounts', { name: 'Acme' });
  const { body: cfo } = await api.post('/api/v1/contacts', { firstName: 'Cleo', lastName: 'Cfo', accountId: account.id, title: 'CFO' });
  const { body: deal } = await api.post('/api/v1/deals', { name: 'Acme rollout', amount: 50_000_00, closeDate: '2027-03-31', accountId: account.id });
  return { manager, rep, api, account, cfo, deal };
}

async function meeting(w: TestWorkspace, user: TestUser, dealId: string | null, at: number, type = 'meeting') {
  const res = await w
    .as(user)
    .post('/api/v1/activities', { type, subject: 'Pricing meeting', occurredAt: new Date(at).toISOString(), ...(dealId ? { dealId } : {}) });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describeEngines('call plans', (env) => {
  it('plans a meeting from the template, marks it ready, a manager reviews it, the rep debriefs and the qualification moves in one step', async () => {
    const w = await env().workspace();
    const { manager, rep, api, cfo, deal } = await setup(w);
    const activityId = await meeting(w, rep, deal.id, env().clock.now + 2 * DAY);
    // Score MEDDPICC a little so the plan's default gaps come from the deal.
    const { body: q } = await api.get(`/api/v1/deals/${deal.id}/qualification`);
    const meddpicc = q.frameworks.find((f: { key: string }) => f.key === 'meddpicc');
    await api.put(`/api/v1/deals/${deal.id}/qualification/${meddpicc!.frameworkId}`, { scores: [{ elementKey: meddpicc!.elements[0]!.key, score: 3 }] });

    const created = await api.post('/api/v1/call-plans', { activityId, meetingType: 'pricing', attendees: [{ contactId: cfo.id, role: 'economic_buyer' }] });
    expect(created.status).toBe(201);
    const plan = created.body;
    expect(plan).toMatchObject({ status: 'draft', ownerId: rep.id, dealId: deal.id, meetingType: 'pricing', version: 1 });
    expect(plan.objective).toMatch(/price/i);
    expect(plan.questions.length).toBeGreaterThanOrEqual(3);
    expect(plan.attendees).toEqual([{ contactId: cfo.id, name: 'Cleo Cfo', title: 'CFO', role: 'economic_buyer' }]);
    expect(plan.gaps.map((g: { elementKey: string }) => g.elementKey)).not.toContain(meddpicc!.elements[0]!.key);
    expect(plan.gaps.length).toBe(meddpicc!.elements.length - 1);
    expect(plan.quality.score).toBe(20 + 0 + 20 + 20 + 15);

    expect((await api.post('/api/v1/call-plans', { activityId, meetingType: 'pricing' })).status).toBe(409);
    expect((await w.as(manager).post(`/api/v1/call-plans/${plan.id}/review`, { version: 1 })).status).toBe(422);

    const ready = await api.patch(`/api/v1/call-plans/${plan.id}`, { version: 1, desiredCommitment: 'CFO agrees the budget line by Friday', status: 'ready' });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', version: 2, readyAt: new Date(env().clock.now).toISOString() });
    expect(ready.body.quality.score).toBe(100);
    expect((await api.patch(`/api/v1/call-plans/${plan.id}`, { version: 1, objective: 'x' })).status).toBe(409);

    expect((await api.post(`/api/v1/call-plans/${plan.id}/review`, { version: 2 })).status).toBe(403);
    const reviewed = await w.as(manager).post(`/api/v1/call-plans/${plan.id}/review`, { version: 2, comment: 'Ask about the procurement steps' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: 'reviewed',
      reviewedBy: { id: manager.id, name: 'Mia Manager' },
      reviewComment: 'Ask about the procurement steps',
    });

    // Too early to debrief; then the meeting happens.
    const early = await api.put(`/api/v1/call-plans/${plan.id}/debrief`, { version: 3, objectiveMet: true, commitmentSecured: true });
    expect(early.status).toBe(422);
    env().clock.now += 3 * DAY;
    const bad = await api.put(`/api/v1/call-plans/${plan.id}/debrief`, {
      version: 3,
      objectiveMet: true,
      commitmentSecured: true,
      qualification: [{ frameworkId: meddpicc!.frameworkId, version: 1, scores: [{ elementKey: 'nope', score: 2 }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toBe('qualification.0.scores.0.elementKey');
    expect((await api.get(`/api/v1/call-plans/${plan.id}`)).body.debrief).toBeNull();

    const eb = meddpicc!.elements.find((e: { key: string }) => e.key !== meddpicc!.elements[0]!.key);
    const debriefed = await api.put(`/api/v1/call-plans/${plan.id}/debrief`, {
      version: 3,
      objectiveMet: true,
      commitmentSecured: true,
      commitmentDate: '2026-12-10',
      learned: 'Budget sits with the CFO; procurement takes two weeks',
      qualification: [{ frameworkId: meddpicc!.frameworkId, version: 1, scores: [{ elementKey: eb!.key, score: 3, evidence: 'CFO confirmed' }] }],
    });
    expect(debriefed.status).toBe(200);
    expect(debriefed.body.debrief).toMatchObject({ objectiveMet: true, commitmentSecured: true, commitmentDate: '2026-12-10', debriefedBy: { id: rep.id } });
    expect(debriefed.body.gaps.find((g: { elementKey: string }) => g.elementKey === eb?.key)?.score).toBe(3);
    const history = await env()
      .database.db.selectFrom('changes')
      .select(['field', 'to_value'])
      .where('entity_id', '=', deal.id)
      .where('field', '=', `qualification.meddpicc.${eb!.key}`)
      .execute();
    expect(history).toEqual([{ field: `qualification.meddpicc.${eb!.key}`, to_value: '3 — CFO confirmed' }]);
    // The plan is the prediction the debrief is scored against: it no longer changes.
    expect((await api.patch(`/api/v1/call-plans/${plan.id}`, { version: 4, objective: 'Something else entirely' })).status).toBe(422);

    const byDeal = await w.as(manager).get(`/api/v1/call-plans?dealId=${deal.id}`);
    expect(byDeal.body.items.map((p: { id: string }) => p.id)).toEqual([plan.id]);
  });

  it('writes the debrief and every framework it scores in one transaction: a stale framework leaves nothing behind', async () => {
    const w = await env().workspace();
    const { rep, api, deal } = await setup(w);
    const activityId = await meeting(w, rep, deal.id, env().clock.now + HOUR);
    const { body: plan } = await api.post('/api/v1/call-plans', { activityId, meetingType: 'discovery' });
    const { body: q } = await api.get(`/api/v1/deals/${deal.id}/qualification`);
    // The deal is scored on (at least) two frameworks, each with an element to score; throws otherwise.
    type Element = DealQualificationFramework['elements'][number];
    const withElement = (f: DealQualificationFramework | undefined): DealQualificationFramework & { elements: [Element, ...Element[]] } => {
      const [head, ...rest] = f?.elements ?? [];
      if (!f || !head) throw new Error(`expected two frameworks with elements, got ${JSON.stringify(q.frameworks).slice(0, 500)}`);
      return { ...f, elements: [head, ...rest] };
    };
    const [first, second] = [withElement(q.frameworks[0]), withElement(q.frameworks[1])];
    // Someone else scores the second framework after the rep read it.
    expect(
      (await api.put(`/api/v1/deals/${deal.id}/qualification/${second.frameworkId}`, { scores: [{ elementKey: second.elements[0].key, score: 1 }] })).status,
    ).toBe(200);
    env().clock.now += 2 * HOUR;

    const body = (secondVersion: number | undefined) => ({
      version: plan.version,
      objectiveMet: true,
      commitmentSecured: false,
      qualification: [
        { frameworkId: first.frameworkId, scores: [{ elementKey: first.elements[0].key, score: 2, evidence: 'Pain confirmed' }] },
        { frameworkId: second.frameworkId, ...(secondVersion ? { version: secondVersion } : {}), scores: [{ elementKey: second.elements[0].key, score: 3 }] },
      ],
    });
    const scoreRows = () =>
      env()
        .database.db.selectFrom('changes')
        .select(['field', 'to_value'])
        .where('entity_id', '=', deal.id)
        .where('field', 'like', 'qualification.%')
        // Two scores of one element share the field: order by value too, or PostgreSQL returns either first.
        .orderBy('field')
        .orderBy('to_value')
        .execute();
    const before = await scoreRows();

    const stale = await api.put(`/api/v1/call-plans/${plan.id}/debrief`, body(undefined));
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('stale');
    const { body: after } = await api.get(`/api/v1/call-plans/${plan.id}`);
    expect(after.debrief).toBeNull();
    expect(after.version).toBe(plan.version);
    // The first framework's score was written before the second failed, and rolled back with it.
    expect(await scoreRows()).toEqual(before);
    const { body: q2 } = await api.get(`/api/v1/deals/${deal.id}/qualification`);
    expect(q2.frameworks[0]?.elements[0]?.score).toBeNull();

    const ok = await api.put(`/api/v1/call-plans/${plan.id}/debrief`, body(1));
    expect(ok.status).toBe(200);
    expect(ok.body.debrief).toMatchObject({ objectiveMet: true, commitmentSecured: false });
    expect(await scoreRows()).toEqual(
      [
        ...before,
        { field: `qualification.${first.key}.${first.elements[0].key}`, to_value: '2 — Pain confirmed' },
        { field: `qualification.${second.key}.${second.elements[0].key}`, to_value: '3' },
      ].sort((a, b) => a.field.localeCompare(b.field) || String(a.to_value).localeCompare(String(b.to_value))),
    );
  });

  it('checks every link against what the caller can see, and names the field', async () => {
    const w = await env().workspace();
    const { rep, api, deal } = await setup(w);
    const outsider = await w.user('rep');
    const { body: foreignContact } = await w.as(outsider).post('/api/v1/contacts', { firstName: 'Far', lastName: 'Away' });
    const { body: sameAccountless } = await api.post('/api/v1/contacts', { firstName: 'No', lastName: 'Account' });
    const theirMeeting = await meeting(w, outsider, null, env().clock.now + DAY);
    const call = await meeting(w, rep, deal.id, env().clock.now + DAY, 'call');
    const noDeal = await meeting(w, rep, null, env().clock.now + DAY);
    const mine = await meeting(w, rep, deal.id, env().clock.now + DAY);

    const field = async (body: object) => {
      const res = await api.post('/api/v1/call-plans', { meetingType: 'discovery', ...body });
      expect(res.status).toBe(400);
      return res.body.error!.details.fields.map((f: { field: string }) => f.field);
    };
    expect(await field({ activityId: theirMeeting })).toEqual(['activityId']);
    expect(await field({ activityId: 'missing' })).toEqual(['activityId']);
    expect(await field({ activityId: call })).toEqual(['activityId']);
    expect(await field({ activityId: noDeal })).toEqual(['activityId']);
    expect(
      await field({
        activityId: mine,
        attendees: [
          { contactId: foreignContact.id, role: 'champion' },
          { contactId: sameAccountless.id, role: 'user' },
        ],
        gaps: [{ frameworkKey: 'meddpicc', elementKey: 'nope' }],
      }),
    ).toEqual(['attendees.0.contactId', 'attendees.1.contactId', 'gaps.0.elementKey']);
    expect((await api.post('/api/v1/call-plans', { activityId: mine, meetingType: 'nope' })).status).toBe(400);
    expect(await env().database.db.selectFrom('call_plans').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);
  });

  it("lists this week's meetings with their plan state, and admins edit templates with a version", async () => {
    const w = await env().workspace();
    const { rep, api, deal } = await setup(w);
    const planned = await meeting(w, rep, deal.id, env().clock.now + 2 * HOUR);
    const unplanned = await meeting(w, rep, deal.id, env().clock.now + 3 * DAY);
    await meeting(w, rep, deal.id, env().clock.now + 10 * DAY);
    await api.post('/api/v1/call-plans', { activityId: planned, meetingType: 'demo' });
    const week = await api.get('/api/v1/planned-meetings');
    expect(week.status).toBe(200);
    expect(week.body.items.map((m: { activityId: string; planStatus: string | null }) => [m.activityId, m.planStatus])).toEqual([
      [planned, 'draft'],
      [unplanned, null],
    ]);
    expect((await api.get('/api/v1/planned-meetings?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')).status).toBe(400);

    const admin = w.as(w.admin);
    const { body: templates } = await admin.get('/api/v1/call-plan-templates');
    expect(templates.items.map((t: { meetingType: string }) => t.meetingType)).toEqual(['discovery', 'demo', 'pricing', 'executive']);
    const put = { version: 0, objective: 'Agree the mutual plan to signature', questions: ['Who signs?'], objections: [] };
    expect((await api.put('/api/v1/call-plan-templates/pricing', put)).status).toBe(403);
    const saved = await admin.put('/api/v1/call-plan-templates/pricing', put);
    expect(saved.body).toMatchObject({ builtIn: false, version: 1, objective: 'Agree the mutual plan to signature' });
    expect((await admin.put('/api/v1/call-plan-templates/pricing', put)).status).toBe(409);
    const pricingMeeting = await meeting(w, rep, deal.id, env().clock.now + DAY);
    expect((await api.post('/api/v1/call-plans', { activityId: pricingMeeting, meetingType: 'pricing' })).body.questions).toEqual(['Who signs?']);
  });

  it('makes "a reviewed call plan exists for the next meeting" a real exit criterion of the one stage-change path', async () => {
    const w = await env().workspace();
    const { manager, rep, api, deal } = await setup(w);
    const admin = w.as(w.admin);
    const { body: list } = await admin.get('/api/v1/pipelines');
    const pid = list.items[0]!.id;
    const { body: proc } = await admin.get(`/api/v1/pipelines/${pid}/process`);
    const stage = (n: string) => proc.stages.find((s: { name: string }) => s.name === n);
    expect((await admin.post(`/api/v1/stages/${stage('Qualify')!.id}/criteria`, { version: proc.pipeline.version, kind: 'call_plan' })).status).toBe(201);

    const move = (version: number) => api.patch(`/api/v1/deals/${deal.id}`, { version, stageId: stage('Discovery')!.id });
    const refused = await move(deal.version);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details.missing[0]?.hint).toMatch(/No upcoming meeting/);
    const activityId = await meeting(w, rep, deal.id, env().clock.now + DAY);
    const { body: plan } = await api.post('/api/v1/call-plans', { activityId, meetingType: 'discovery' });
    expect((await move(deal.version)).body.error?.details.missing[0]?.hint).toMatch(/is draft/);
    await api.patch(`/api/v1/call-plans/${plan.id}`, { version: 1, status: 'ready' });
    await w.as(manager).post(`/api/v1/call-plans/${plan.id}/review`, { version: 2 });
    const moved = await move(deal.version);
    expect(moved.status).toBe(200);
    expect(moved.body.stageName).toBe('Discovery');
  });
});
