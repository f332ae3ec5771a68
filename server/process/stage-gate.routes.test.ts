// Every path that changes a deal's stage runs the same gate: form (PATCH), board (POST /move),
// bulk, API token, deal creation in a later stage and import (service with via 'import').
import { expect, it } from 'vitest';
import { createDeal, updateDealById } from '../crm/deals.service.js';
import { newId } from '../ids.js';
import { type Client, clientFor, describeEngines, TEST_PASSWORD, type TestEnv, type TestUser, type TestWorkspace } from '../test/test-env.js';

const DAY = 86_400_000;

async function browser(env: TestEnv, user: TestUser): Promise<Client> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'furrow_session');
  return clientFor(env.app, { cookie: `furrow_session=${cookie?.value}`, 'x-csrf-token': res.json().csrfToken as string });
}

interface Process {
  pipelineId: string;
  version: number;
  stage: (name: string) => string;
  criteria: (stageName: string) => { id: string; kind: string; label: string }[];
}

async function processOf(w: TestWorkspace): Promise<Process> {
  const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  const { body } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`);
  const stages = body.stages as { id: string; name: string; criteria: { id: string; kind: string; label: string }[] }[];
  return {
    pipelineId,
    version: body.pipeline.version,
    stage: (n) => stages.find((s) => s.name === n)?.id as string,
    criteria: (n) => stages.find((s) => s.name === n)?.criteria ?? [],
  };
}

async function addCriterion(w: TestWorkspace, stageName: string, body: Record<string, unknown>) {
  const p = await processOf(w);
  const res = await w.as(w.admin).post(`/api/v1/stages/${p.stage(stageName)}/criteria`, { version: p.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function allowOverride(w: TestWorkspace, stageName: string) {
  const p = await processOf(w);
  const res = await w.as(w.admin).patch(`/api/v1/stages/${p.stage(stageName)}`, { version: p.version, allowOverride: true });
  expect(res.status).toBe(200);
}

/** Qualify needs a next step and a ticked checklist item; Discovery needs a meeting in the last 30 days. */
async function gatedWorkspace(env: () => TestEnv) {
  const w = await env().workspace();
  const rep = await w.user('rep');
  await addCriterion(w, 'Qualify', { kind: 'field', field: 'nextStep' });
  await addCriterion(w, 'Qualify', { kind: 'checklist', label: 'Pain confirmed' });
  await addCriterion(w, 'Discovery', { kind: 'activity', activityType: 'meeting', withinDays: 30, label: 'Discovery meeting logged' });
  return { w, rep, p: await processOf(w) };
}

async function moves(env: () => TestEnv, dealId: string) {
  return env().database.db.selectFrom('stage_moves').selectAll().where('deal_id', '=', dealId).orderBy('at').orderBy('id').execute();
}

async function logMeeting(env: () => TestEnv, w: TestWorkspace, dealId: string, ownerId: string, at: number) {
  await env()
    .database.db.insertInto('activities')
    .values({
      id: newId(),
      workspace_id: w.id,
      type: 'meeting',
      subject: 'Discovery',
      body: null,
      deal_id: dealId,
      contact_id: null,
      account_id: null,
      owner_id: ownerId,
      occurred_at: at,
      duration_minutes: 60,
      completed_at: at,
      external_id: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      version: 1,
    })
    .execute();
}

describeEngines('stage gate on every path', (env) => {
  it('form (PATCH): refuses with every missing item, then passes once fields and checklist are filled in the same save', async () => {
    const { rep, p } = await gatedWorkspace(env);
    const api = await browser(env(), rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Acme', amount: 10_000_00, closeDate: '2027-01-31' });

    const refused = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, stageId: p.stage('Discovery') });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('gate_blocked');
    expect(refused.body.error?.details.missing).toEqual([
      expect.objectContaining({ stageName: 'Qualify', kind: 'field', field: 'nextStep', label: 'Next step is filled in', hint: 'Fill in Next step' }),
      expect.objectContaining({ stageName: 'Qualify', kind: 'checklist', label: 'Pain confirmed' }),
    ]);
    expect(refused.body.error?.details.overrideAllowed).toBe(false);
    expect(await moves(env, deal.id)).toEqual([]);

    const tick = p.criteria('Qualify').find((c) => c.kind === 'checklist')?.id;
    const ticked = await api.put(`/api/v1/deals/${deal.id}/checklist/${tick}`, { checked: true });
    expect(ticked.status).toBe(200);
    const moved = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, nextStep: 'Demo with the CFO', stageId: p.stage('Discovery') });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stageName).toBe('Discovery');
    const [move] = await moves(env, deal.id);
    expect(move).toMatchObject({ via: 'form', criteria_met: 1, override_reason: null, skipped: 0, missing: '[]' });
    const checks = await env()
      .database.db.selectFrom('stage_move_checks')
      .select(['criterion_id', 'met'])
      .where('move_id', '=', move?.id as string)
      .execute();
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => c.met === 1)).toBe(true);
  });

  it('board (POST /move via board): the same gate, and a logged meeting inside the window meets the activity criterion', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const api = await browser(env(), rep);
    const { body: deal } = await api
      .post('/api/v1/deals', { name: 'Globex', amount: 500_00, closeDate: '2027-02-01', stageId: p.stage('Discovery') })
      .then(async (r) => {
        // Creation in Discovery skips Qualify, whose criteria are not met: refused.
        expect(r.status).toBe(422);
        return api.post('/api/v1/deals', { name: 'Globex', amount: 500_00, closeDate: '2027-02-01', nextStep: 'Call' });
      });
    const tick = p.criteria('Qualify').find((c) => c.kind === 'checklist')?.id;
    await api.put(`/api/v1/deals/${deal.id}/checklist/${tick}`, { checked: true });
    const toDiscovery = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery'), via: 'board' });
    expect(toDiscovery.status).toBe(200);

    await logMeeting(env, w, deal.id, rep.id, env().clock.now - 40 * DAY);
    const stale = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 2, stageId: p.stage('Solution'), via: 'board' });
    expect(stale.status).toBe(422);
    expect(stale.body.error?.details.missing).toEqual([
      expect.objectContaining({ label: 'Discovery meeting logged', hint: 'Log a meeting on this deal in the last 30 days' }),
    ]);

    await logMeeting(env, w, deal.id, rep.id, env().clock.now - 2 * DAY);
    const ok = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 2, stageId: p.stage('Solution'), via: 'board' });
    expect(ok.status).toBe(200);
    expect((await moves(env, deal.id)).map((m) => m.via)).toEqual(['board', 'board']);
  });

  it('API token: gated, and via is recorded as api', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Initech', amount: 900_00, closeDate: '2027-03-01' });
    const refused = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery') });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details.missing).toHaveLength(2);
  });

  it('skipping forward checks every skipped stage and lists all their missing items', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Umbrella', amount: 100_00, closeDate: '2027-01-15' });
    const res = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Proposal') });
    expect(res.status).toBe(422);
    expect(res.body.error?.details.missing.map((m: { stageName: string; kind: string }) => `${m.stageName}:${m.kind}`)).toEqual([
      'Qualify:field',
      'Qualify:checklist',
      'Discovery:activity',
    ]);
    expect(res.body.error?.message).toContain('Qualify, Discovery');
  });

  it('winning checks the current and every later open stage; losing is never gated', async () => {
    const { w, rep } = await gatedWorkspace(env);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Hooli', amount: 100_00, closeDate: '2027-01-15', nextStep: 'x' });
    const won = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, status: 'won' });
    expect(won.status).toBe(422);
    expect(won.body.error?.details.missing.map((m: { kind: string }) => m.kind)).toEqual(['checklist', 'activity']);
    const lost = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, status: 'lost', lostReason: 'Price' });
    expect(lost.status).toBe(200);
  });

  it('creation directly into a later stage is a gated move from nothing; with an override where allowed it is recorded as skipped', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const api = w.as(rep);
    const refused = await api.post('/api/v1/deals', { name: 'Stark', amount: 100_00, closeDate: '2027-01-15', stageId: p.stage('Solution') });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details.missing).toHaveLength(3);

    await allowOverride(w, 'Qualify');
    await allowOverride(w, 'Discovery');
    const ctx = w.ctx(rep);
    const deal = await createDeal(ctx, { name: 'Stark', amount: 100_00, closeDate: '2027-01-15', stageId: p.stage('Solution') }, 'api', {
      overrideReason: 'Signed LOI from a partner',
    });
    expect(deal.stageName).toBe('Solution');
    const [move] = await moves(env, deal.id);
    expect(move).toMatchObject({ from_stage_id: null, skipped: 2, criteria_met: 0, override_reason: 'Signed LOI from a partner', direction: 1 });
    expect(JSON.parse(move?.missing as string)).toHaveLength(3);
  });

  it('overrides pass only where every stage with a gap allows them, need a reason, and are recorded with the missing items', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'Wayne', amount: 100_00, closeDate: '2027-01-15' });

    const notAllowed = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery'), overrideReason: 'Customer insists' });
    expect(notAllowed.status).toBe(422);
    expect(notAllowed.body.error?.details.overrideAllowed).toBe(false);

    await allowOverride(w, 'Qualify');
    const noReason = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery') });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error?.details.overrideAllowed).toBe(true);
    const shortReason = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery'), overrideReason: 'x' });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.error?.details.fields[0]?.field).toBe('overrideReason');
    // Spaces are no reason, on the move and on the form alike.
    const blank = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery'), overrideReason: '     ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.details.fields[0]?.field).toBe('overrideReason');
    const blankForm = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, stageId: p.stage('Discovery'), overrideReason: ' \n  ' });
    expect(blankForm.status).toBe(400);
    expect(await moves(env, deal.id)).toEqual([]);

    // Skipping into Solution also leaves Discovery, which does not allow overrides.
    const skip = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Solution'), overrideReason: 'Customer insists' });
    expect(skip.status).toBe(422);
    expect(skip.body.error?.details.overrideAllowed).toBe(false);

    const ok = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery'), overrideReason: '  Customer insists ' });
    expect(ok.status).toBe(200);
    const [move] = await moves(env, deal.id);
    expect(move).toMatchObject({ criteria_met: 0, override_reason: 'Customer insists' });
    expect(JSON.parse(move?.missing as string).map((m: { kind: string }) => m.kind)).toEqual(['field', 'checklist']);
    const checks = await env()
      .database.db.selectFrom('stage_move_checks')
      .select('met')
      .where('move_id', '=', move?.id as string)
      .execute();
    expect(checks.map((c) => c.met)).toEqual([0, 0]);
  });

  it('bulk: all or nothing, and every blocked deal is reported with its missing items', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const api = w.as(w.admin);
    const ready = (await api.post('/api/v1/deals', { name: 'Ready', amount: 1_00, closeDate: '2027-01-01', nextStep: 'Go', ownerId: rep.id })).body;
    const tick = p.criteria('Qualify').find((c) => c.kind === 'checklist')?.id;
    await api.put(`/api/v1/deals/${ready.id}/checklist/${tick}`, { checked: true });
    const blocked = (await api.post('/api/v1/deals', { name: 'Blocked', amount: 1_00, closeDate: '2027-01-01', ownerId: rep.id })).body;

    const res = await api.post('/api/v1/deals/bulk', { ids: [ready.id, blocked.id], set: { stageId: p.stage('Discovery') } });
    expect(res.status).toBe(422);
    expect(res.body.error?.details.deals).toEqual([
      expect.objectContaining({ dealId: blocked.id, missing: expect.arrayContaining([expect.objectContaining({ kind: 'field' })]) }),
    ]);
    expect(await moves(env, ready.id)).toEqual([]);

    const one = await api.post('/api/v1/deals/bulk', { ids: [ready.id], set: { stageId: p.stage('Discovery') } });
    expect(one.status).toBe(200);
    expect((await moves(env, ready.id))[0]).toMatchObject({ via: 'bulk', criteria_met: 1 });
  });

  it('import: createDeal and updateDealById with via import are gated like every other path', async () => {
    const { w, rep, p } = await gatedWorkspace(env);
    const ctx = w.ctx(rep);
    await expect(createDeal(ctx, { name: 'Imported', amount: 5_00, closeDate: '2027-01-01', stageId: p.stage('Discovery') }, 'import')).rejects.toMatchObject({
      code: 'gate_blocked',
    });
    const deal = await createDeal(ctx, { name: 'Imported', amount: 5_00, closeDate: '2027-01-01' }, 'import');
    await expect(updateDealById(ctx, deal.id, { version: 1, stageId: p.stage('Discovery') }, { via: 'import' })).rejects.toMatchObject({
      code: 'gate_blocked',
    });
    expect(await moves(env, deal.id)).toEqual([]);
  });
});
