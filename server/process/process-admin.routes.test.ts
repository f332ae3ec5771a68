import { expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';

async function processOf(w: TestWorkspace) {
  const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  const { body } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`);
  return { pipelineId, body, stage: (n: string) => body.stages.find((s: { name: string }) => s.name === n) };
}

// api/pipelines.ts declares a version's snapshot as unknown (a JSON record of the process then); it holds
// `stages`, each with its name and criteria. The test reads those through this guard.
function snapshotStages(snapshot: unknown): { name: string; criteria: unknown }[] {
  const isStage = (s: unknown): s is { name: string; criteria: unknown } =>
    typeof s === 'object' && s !== null && 'name' in s && typeof s.name === 'string' && 'criteria' in s;
  if (typeof snapshot === 'object' && snapshot !== null && 'stages' in snapshot && Array.isArray(snapshot.stages) && snapshot.stages.every(isStage))
    return snapshot.stages;
  throw new Error(`expected a snapshot with stages, got ${JSON.stringify(snapshot).slice(0, 500)}`);
}

describeEngines('process admin API', (env) => {
  it('versions every change to stages and criteria, with criteria in the snapshot', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const p = await processOf(w);
    expect(p.body.currentVersion).toMatchObject({ number: 1, note: 'Default process' });
    expect(p.body.fieldChoices.map((f: { field: string }) => f.field)).toEqual([
      'amount',
      'closeDate',
      'accountId',
      'contactId',
      'nextStep',
      'source',
      'campaign',
    ]);

    const added = await admin.post(`/api/v1/stages/${p.stage('Discovery')!.id}/criteria`, {
      version: p.body.pipeline.version,
      kind: 'activity',
      activityType: 'meeting',
      withinDays: 21,
    });
    expect(added.status).toBe(201);
    expect(added.body.currentVersion).toMatchObject({ number: 2, note: 'Added exit criterion “A meeting is logged in the last 21 days” to Discovery' });
    const criterion = added.body.stages.find((s: { name: string }) => s.name === 'Discovery')!.criteria[0];
    expect(criterion).toMatchObject({ kind: 'activity', activityType: 'meeting', withinDays: 21, label: 'A meeting is logged in the last 21 days' });

    const patched = await admin.patch(`/api/v1/exit-criteria/${criterion!.id}`, {
      version: added.body.pipeline.version,
      withinDays: null,
      note: 'Any meeting counts',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.currentVersion).toMatchObject({ number: 3, note: 'Any meeting counts' });

    const stale = await admin.patch(`/api/v1/stages/${p.stage('Qualify')!.id}`, { version: added.body.pipeline.version, probability: 15 });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('stale');

    const stage = await admin.patch(`/api/v1/stages/${p.stage('Qualify')!.id}`, {
      version: patched.body.pipeline.version,
      probability: 15,
      guidance: 'Ask: who owns this?',
      agingDays: 10,
      allowOverride: true,
    });
    expect(stage.status).toBe(200);
    expect(stage.body.stages[0]).toMatchObject({ probability: 15, guidance: 'Ask: who owns this?', agingDays: 10, allowOverride: true });
    expect(stage.body.currentVersion?.note).toBe('Changed Qualify: probability, guidance, aging limit, overrides');

    const versions = await admin.get(`/api/v1/pipelines/${p.pipelineId}/versions`);
    expect(versions.body.items.map((v: { number: number }) => v.number)).toEqual([4, 3, 2, 1]);
    const v3 = await admin.get(`/api/v1/process-versions/${versions.body.items[1]!.id}`);
    const discovery = snapshotStages(v3.body.snapshot).find((s) => s.name === 'Discovery');
    expect(discovery?.criteria).toEqual([expect.objectContaining({ kind: 'activity', withinDays: null })]);

    // A stage move records the version it was checked against.
    const { body: deal } = await w.as(w.admin).post('/api/v1/deals', { name: 'A', amount: 1_00, closeDate: '2027-01-01' });
    await w.as(w.admin).post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery')!.id });
    const move = await env().database.db.selectFrom('stage_moves').select('process_version_id').where('deal_id', '=', deal.id).executeTakeFirstOrThrow();
    expect(move.process_version_id).toBe(versions.body.items[0]!.id);
  });

  it('validates criteria against what they name, naming the field', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const p = await processOf(w);
    const url = `/api/v1/stages/${p.stage('Qualify')!.id}/criteria`;
    const v = p.body.pipeline.version;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'field' }, 'field'],
      [{ kind: 'field', field: 'custom.nope' }, 'field'],
      [{ kind: 'field', field: 'ownerId' }, 'field'],
      [{ kind: 'checklist' }, 'label'],
      [{ kind: 'checklist', label: 'x', field: 'amount' }, 'field'],
      [{ kind: 'activity' }, 'activityType'],
      [{ kind: 'activity', activityType: 'dinner' }, 'activityType'],
      // 0 days is refused, never read as "no window" (null).
      [{ kind: 'activity', activityType: 'meeting', withinDays: 0 }, 'withinDays'],
      [{ kind: 'activity', activityType: 'meeting', withinDays: false }, 'withinDays'],
      [{ kind: 'qualification', minScore: 5 }, 'frameworkId'],
      [{ kind: 'certification' }, 'scenario'],
      [{ kind: 'telepathy' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(url, { version: v, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.details.fields[0]?.field, JSON.stringify(body)).toBe(field);
    }
    const { body: frameworks } = await admin.get('/api/v1/qualification-frameworks');
    const bant = frameworks.items.find((f: { key: string }) => f.key === 'bant');
    const tooHigh = await admin.post(url, { version: v, kind: 'qualification', frameworkId: bant!.id, minScore: 13 });
    expect(tooHigh.body.error?.details.fields[0]).toEqual({ field: 'minScore', message: "cannot exceed the framework's maximum of 12" });
    const closed = await admin.post(`/api/v1/stages/${p.stage('Closed Won')!.id}/criteria`, { version: v, kind: 'call_plan' });
    expect(closed.status).toBe(400);
    expect((await w.as(await w.user('manager')).post(url, { version: v, kind: 'call_plan' })).status).toBe(403);
    // An aging limit of 0 days is refused, not silently turned into "no limit".
    for (const agingDays of [0, -1, 1.5, false]) {
      const aging = await admin.patch(`/api/v1/stages/${p.stage('Qualify')!.id}`, { version: v, agingDays });
      expect(aging.status, JSON.stringify(agingDays)).toBe(400);
      expect(aging.body.error?.details.fields[0]?.field).toBe('agingDays');
    }
    // Nothing above changed the process.
    expect((await processOf(w)).body.currentVersion?.number).toBe(1);
  });

  it('adds, reorders and retires stages, keeping open stages before closed ones', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const p = await processOf(w);
    const added = await admin.post(`/api/v1/pipelines/${p.pipelineId}/stages`, {
      version: p.body.pipeline.version,
      name: 'Demo',
      probability: 50,
      position: 4,
    });
    expect(added.status).toBe(201);
    expect(added.body.stages.map((s: { name: string; position: number }) => `${s.position}:${s.name}`)).toEqual([
      '1:Qualify',
      '2:Discovery',
      '3:Solution',
      '4:Demo',
      '5:Proposal',
      '6:Negotiation',
      '7:Closed Won',
      '8:Closed Lost',
    ]);
    const dup = await admin.post(`/api/v1/pipelines/${p.pipelineId}/stages`, { version: added.body.pipeline.version, name: 'demo', probability: 50 });
    expect(dup.body.error?.details.fields[0]?.field).toBe('name');
    const misplaced = await admin.post(`/api/v1/pipelines/${p.pipelineId}/stages`, {
      version: added.body.pipeline.version,
      name: 'X',
      probability: 5,
      position: 8,
    });
    expect(misplaced.body.error?.details.fields[0]).toMatchObject({ field: 'position' });

    const ids = added.body.stages.map((s: { id: string }) => s.id) as string[];
    const swapped = [ids[1], ids[0], ...ids.slice(2)];
    const reordered = await admin.put(`/api/v1/pipelines/${p.pipelineId}/stage-order`, { version: added.body.pipeline.version, stageIds: swapped });
    expect(reordered.status).toBe(200);
    expect(reordered.body.stages[0]?.name).toBe('Discovery');
    const bad = await admin.put(`/api/v1/pipelines/${p.pipelineId}/stage-order`, {
      version: reordered.body.pipeline.version,
      stageIds: [...ids.slice(0, 6), ids[7], ids[6]],
    });
    expect(bad.status).toBe(200); // won and lost may swap: both closed
    const wrong = await admin.put(`/api/v1/pipelines/${p.pipelineId}/stage-order`, {
      version: bad.body.pipeline.version,
      stageIds: [ids[6], ...ids.slice(0, 6), ids[7]],
    });
    expect(wrong.body.error?.details.fields[0]?.field).toBe('stageIds');
    const missing = await admin.put(`/api/v1/pipelines/${p.pipelineId}/stage-order`, { version: bad.body.pipeline.version, stageIds: ids.slice(1) });
    expect(missing.body.error?.details.fields[0]?.field).toBe('stageIds');

    const demo = ids[3] as string;
    const { body: deal } = await admin.post('/api/v1/deals', { name: 'In demo', amount: 1_00, closeDate: '2027-01-01' });
    await admin.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: demo });
    const busy = await admin.post(`/api/v1/stages/${demo}/archive`, { version: bad.body.pipeline.version });
    expect(busy.status).toBe(422);
    expect(busy.body.error?.code).toBe('rule_violation');
    await admin.patch(`/api/v1/deals/${deal.id}`, { version: 2, status: 'lost', lostReason: 'Price' });
    await admin.post(`/api/v1/deals/${deal.id}/move`, { version: 3, stageId: ids[0] }).then((r) => expect(r.status).toBe(200));
    const retired = await admin.post(`/api/v1/stages/${demo}/archive`, { version: bad.body.pipeline.version });
    // The deal still has history in Demo but is no longer in it; retiring keeps the moves intact.
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body.stages.map((s: { name: string }) => s.name)).not.toContain('Demo');
    expect(retired.body.stages.map((s: { position: number }) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const won = retired.body.stages.find((s: { kind: string }) => s.kind === 'won');
    const lastWon = await admin.post(`/api/v1/stages/${won!.id}/archive`, { version: retired.body.pipeline.version });
    expect(lastWon.status).toBe(422);
  });

  it('creates a pipeline as a copy with its criteria, renames it, makes it the default, and archives only an empty non-default one', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const p = await processOf(w);
    await admin.post(`/api/v1/stages/${p.stage('Qualify')!.id}/criteria`, { version: p.body.pipeline.version, kind: 'checklist', label: 'Pain confirmed' });
    const copy = await admin.post('/api/v1/pipelines', { name: 'Partners', copyFromPipelineId: p.pipelineId });
    expect(copy.status).toBe(201);
    expect(copy.body.stages[0]?.criteria).toEqual([expect.objectContaining({ kind: 'checklist', label: 'Pain confirmed' })]);
    expect(copy.body.stages[0]?.id).not.toBe(p.stage('Qualify')!.id);
    const dupName = await admin.post('/api/v1/pipelines', { name: 'partners' });
    expect(dupName.body.error?.details.fields[0]?.field).toBe('name');

    const id = copy.body.pipeline.id;
    const renamed = await admin.patch(`/api/v1/pipelines/${id}`, { version: copy.body.pipeline.version, name: 'Channel', isDefault: true });
    expect(renamed.body).toMatchObject({ name: 'Channel', isDefault: true });
    const list = await admin.get('/api/v1/pipelines');
    expect(list.body.items.map((x: { name: string; isDefault: boolean }) => `${x.name}:${x.isDefault}`)).toEqual(['Channel:true', 'Sales:false']);
    expect((await admin.post(`/api/v1/pipelines/${id}/archive`, { version: renamed.body.version })).status).toBe(422);
    const old = list.body.items[1];
    expect((await admin.post(`/api/v1/pipelines/${old!.id}/archive`, { version: old!.version })).status).toBe(204);
    expect((await admin.get('/api/v1/pipelines')).body.items).toHaveLength(1);
  });

  it('manages deal custom fields a criterion can require, and will not retire one in use', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const made = await admin.post('/api/v1/deal-fields', { key: 'budget_holder', label: 'Budget holder', type: 'text' });
    expect(made.status).toBe(201);
    expect((await admin.post('/api/v1/deal-fields', { key: 'budget_holder', label: 'Again', type: 'text' })).body.error?.details.fields[0]?.field).toBe('key');
    expect((await admin.post('/api/v1/deal-fields', { key: 'tier', label: 'Tier', type: 'select' })).body.error?.details.fields[0]?.field).toBe('options');
    expect((await admin.post('/api/v1/deal-fields', { key: 'Bad Key', label: 'x', type: 'text' })).body.error?.details.fields[0]?.field).toBe('key');
    const tier = await admin.post('/api/v1/deal-fields', { key: 'tier', label: 'Tier', type: 'select', options: ['Gold', 'Silver'] });
    expect((await admin.patch(`/api/v1/deal-fields/${tier.body.id}`, { options: ['Gold', 'Silver', 'Bronze'] })).body.options).toEqual([
      'Gold',
      'Silver',
      'Bronze',
    ]);

    const p = await processOf(w);
    expect(p.body.fieldChoices).toEqual(expect.arrayContaining([{ field: 'custom.budget_holder', label: 'Budget holder' }]));
    const crit = await admin.post(`/api/v1/stages/${p.stage('Qualify')!.id}/criteria`, {
      version: p.body.pipeline.version,
      kind: 'field',
      field: 'custom.budget_holder',
    });
    expect(crit.body.stages[0]?.criteria[0]?.label).toBe('Budget holder is filled in');
    expect((await admin.delete(`/api/v1/deal-fields/${made.body.id}`)).status).toBe(422);

    // The gate reads the custom value a rep fills in.
    const rep = await w.user('rep');
    const { body: deal } = await w.as(rep).post('/api/v1/deals', { name: 'C', amount: 1_00, closeDate: '2027-01-01' });
    const blocked = await w.as(rep).post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery')!.id });
    expect(blocked.body.error?.details.missing[0]).toMatchObject({ field: 'custom.budget_holder', hint: 'Fill in Budget holder' });
    const ok = await w.as(rep).patch(`/api/v1/deals/${deal.id}`, { version: 1, custom: { budget_holder: 'Dana, CFO' }, stageId: p.stage('Discovery')!.id });
    expect(ok.status).toBe(200);

    await admin.post(`/api/v1/exit-criteria/${crit.body.stages[0]!.criteria[0]!.id}/archive`, { version: crit.body.pipeline.version });
    expect((await admin.delete(`/api/v1/deal-fields/${made.body.id}`)).status).toBe(204);
    expect((await admin.post('/api/v1/deal-fields', { key: 'budget_holder', label: 'Reuse', type: 'text' })).body.error?.details.fields[0]?.field).toBe('key');
    expect((await w.as(rep).post('/api/v1/deal-fields', { key: 'x', label: 'x', type: 'text' })).status).toBe(403);
  });

  it('keeps marketing out of the sales process', async () => {
    const w = await env().workspace();
    const marketing = await w.user('marketing');
    const p = await processOf(w);
    expect((await w.as(marketing).get(`/api/v1/pipelines/${p.pipelineId}/process`)).status).toBe(403);
    expect((await w.as(marketing).get('/api/v1/qualification-frameworks')).status).toBe(403);
  });
});
