import { expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';

const DAY = 86_400_000;

async function processOf(w: TestWorkspace) {
  const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  const { body } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`);
  return { body, stage: (n: string) => body.stages.find((s: { name: string }) => s.name === n) };
}

describeEngines('deal gate status and checklist', (env) => {
  it('shows the stage guidance and every criterion of the next move, met or missing; ticks are attributed and kept in history', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Rita Rep' });
    const admin = w.as(w.admin);
    let p = await processOf(w);
    for (const body of [
      { kind: 'field', field: 'amount' },
      { kind: 'checklist', label: 'Pain confirmed in their words' },
      { kind: 'call_plan' },
      { kind: 'certification', scenario: 'Discovery call' },
    ]) {
      await admin.post(`/api/v1/stages/${p.stage('Qualify')!.id}/criteria`, { version: p.body.pipeline.version, ...body });
      p = await processOf(w);
    }
    const api = w.as(rep);
    const { body: deal } = await api.post('/api/v1/deals', { name: 'G', amount: 5_000_00, closeDate: '2027-01-01' });
    env().clock.now += 20 * DAY;

    const gate = await api.get(`/api/v1/deals/${deal.id}/gate`);
    expect(gate.status).toBe(200);
    expect(gate.body.stage).toMatchObject({ name: 'Qualify', agingDays: 14, daysInStage: 20, overAging: true });
    expect(gate.body.stage.guidance).toContain('Key questions');
    expect(gate.body.target?.name).toBe('Discovery');
    expect(gate.body.items.map((i: { kind: string; met: boolean }) => `${i.kind}:${i.met}`)).toEqual([
      'field:true',
      'checklist:false',
      'call_plan:false',
      'certification:false',
    ]);
    expect(gate.body.items[2]?.hint).toMatch(/No upcoming meeting/);
    expect(gate.body.items[3]?.hint).toMatch(/no scenario named "Discovery call"/);
    expect(gate.body.items[1]).toMatchObject({ tickedBy: null, tickedAt: null });
    expect(gate.body.missing).toHaveLength(3);
    expect(gate.body.processVersionId).toBe(p.body.currentVersion!.id);

    const checklistId = gate.body.items[1]!.criterionId;
    const ticked = await api.put(`/api/v1/deals/${deal.id}/checklist/${checklistId}`, { checked: true });
    expect(ticked.body.items[1]).toMatchObject({ met: true, tickedBy: { id: rep.id, name: 'Rita Rep' }, tickedAt: new Date(env().clock.now).toISOString() });
    await api.put(`/api/v1/deals/${deal.id}/checklist/${checklistId}`, { checked: true });
    const unticked = await api.put(`/api/v1/deals/${deal.id}/checklist/${checklistId}`, { checked: false });
    expect(unticked.body.items[1]?.met).toBe(false);
    const history = await env()
      .database.db.selectFrom('changes')
      .select(['field', 'from_value', 'to_value', 'actor_id'])
      .where('entity_id', '=', deal.id)
      .where('field', '=', `checklist.${checklistId}`)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(history.map((h) => [h.from_value, h.to_value])).toEqual([
      [null, 'Pain confirmed in their words'],
      ['Pain confirmed in their words', null],
    ]);

    const amountItem = gate.body.items[0]!.criterionId;
    expect((await api.put(`/api/v1/deals/${deal.id}/checklist/${amountItem}`, { checked: true })).body.error?.details.fields[0]?.field).toBe('criterionId');
    const other = await w.user('rep');
    expect((await w.as(other).get(`/api/v1/deals/${deal.id}/gate`)).status).toBe(404);
    expect((await w.as(other).put(`/api/v1/deals/${deal.id}/checklist/${checklistId}`, { checked: true })).status).toBe(404);
  });

  it('says what to act on in place: the activity type to log and the framework to score, in the gate and in a refusal', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    let p = await processOf(w);
    const { body: frameworks } = await admin.get('/api/v1/qualification-frameworks');
    const meddpicc = frameworks.items.find((f: { key: string }) => f.key === 'meddpicc');
    for (const body of [
      { kind: 'activity', activityType: 'call', withinDays: 10 },
      { kind: 'qualification', frameworkId: meddpicc!.id, minScore: 6 },
    ]) {
      expect((await admin.post(`/api/v1/stages/${p.stage('Qualify')!.id}/criteria`, { version: p.body.pipeline.version, ...body })).status).toBe(201);
      p = await processOf(w);
    }
    const { body: deal } = await admin.post('/api/v1/deals', { name: 'F', amount: 1_00, closeDate: '2027-01-01' });
    const gate = await admin.get(`/api/v1/deals/${deal.id}/gate`);
    expect(gate.body.items).toEqual([
      expect.objectContaining({ kind: 'activity', met: false, activityType: 'call' }),
      expect.objectContaining({ kind: 'qualification', met: false, frameworkId: meddpicc!.id }),
    ]);
    const refused = await admin.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery')!.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details.missing).toEqual([
      expect.objectContaining({ kind: 'activity', activityType: 'call' }),
      expect.objectContaining({ kind: 'qualification', frameworkId: meddpicc!.id }),
    ]);
  });

  it('checks a named target (skipping) and shows nothing to meet once closed', async () => {
    const w = await env().workspace();
    const p = await processOf(w);
    const admin = w.as(w.admin);
    const withCrit = await admin.post(`/api/v1/stages/${p.stage('Discovery')!.id}/criteria`, {
      version: p.body.pipeline.version,
      kind: 'field',
      field: 'contactId',
      label: 'Decision maker named',
    });
    expect(withCrit.status).toBe(201);
    const { body: deal } = await admin.post('/api/v1/deals', { name: 'T', amount: 1_00, closeDate: '2027-01-01' });
    const next = await admin.get(`/api/v1/deals/${deal.id}/gate`);
    expect(next.body.items).toEqual([]);
    const skip = await admin.get(`/api/v1/deals/${deal.id}/gate?to=${p.stage('Proposal')!.id}`);
    expect(skip.body.items.map((i) => `${i.label}:${i.field}`)).toEqual(['Decision maker named:contactId']);
    expect((await admin.get(`/api/v1/deals/${deal.id}/gate?to=nope`)).body.error?.details.fields[0]?.field).toBe('to');
    await admin.patch(`/api/v1/deals/${deal.id}`, { version: 1, status: 'lost', lostReason: 'Timing' });
    const closed = await admin.get(`/api/v1/deals/${deal.id}/gate`);
    expect(closed.body).toMatchObject({ target: null, items: [], missing: [] });
    expect(closed.body.stage.overAging).toBe(false);
  });
});
