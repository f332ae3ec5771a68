import { expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../test/test-env.js';

async function processOf(w: TestWorkspace) {
  const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  const { body } = await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`);
  return { body, stage: (n: string) => body.stages.find((s: { name: string }) => s.name === n) };
}

describeEngines('qualification', (env) => {
  it('seeds MEDDPICC, BANT and SPICED once per workspace, even under concurrent first use', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const lists = await Promise.all([w.as(rep).get('/api/v1/qualification-frameworks'), w.as(w.admin).get('/api/v1/qualification-frameworks')]);
    for (const l of lists) expect(l.status).toBe(200);
    const { body } = await w.as(rep).get('/api/v1/qualification-frameworks');
    expect(body.items.map((f: { key: string; maxTotal: number; builtin: boolean }) => `${f.key}:${f.maxTotal}:${f.builtin}`).sort()).toEqual([
      'bant:12:true',
      'meddpicc:24:true',
      'spiced:15:true',
    ]);
    const meddpicc = body.items.find((f: { key: string }) => f.key === 'meddpicc');
    expect(meddpicc?.elements.map((e: { key: string }) => e.key)).toEqual([
      'metrics',
      'economic_buyer',
      'decision_criteria',
      'decision_process',
      'paper_process',
      'identify_pain',
      'champion',
      'competition',
    ]);
    const count = await env().database.db.selectFrom('qualification_frameworks').select('id').where('workspace_id', '=', w.id).execute();
    expect(count).toHaveLength(3);
  });

  it('scores a deal 0–3 with evidence, versioned, in history, and the total gates a stage', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const api = w.as(rep);
    const { body: fw } = await api.get('/api/v1/qualification-frameworks');
    const bant = fw.items.find((f: { key: string }) => f.key === 'bant');
    const p = await processOf(w);
    await w.as(w.admin).post(`/api/v1/stages/${p.stage('Qualify')!.id}/criteria`, {
      version: p.body.pipeline.version,
      kind: 'qualification',
      frameworkId: bant!.id,
      minScore: 8,
    });

    const { body: deal } = await api.post('/api/v1/deals', { name: 'Q', amount: 1_00, closeDate: '2027-01-01' });
    const blocked = await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery')!.id });
    expect(blocked.body.error?.details.missing[0]).toMatchObject({
      kind: 'qualification',
      label: 'BANT score at least 8',
      hint: 'BANT total is 0; 8 of 12 needed',
    });

    const first = await api.put(`/api/v1/deals/${deal.id}/qualification/${bant!.id}`, {
      scores: [
        { elementKey: 'budget', score: 3, evidence: 'Approved in the Q1 plan' },
        { elementKey: 'authority', score: 2, evidence: 'CFO joins the next call' },
      ],
    });
    expect(first.status).toBe(200);
    const mine = first.body.frameworks.find((f: { key: string }) => f.key === 'bant');
    expect(mine).toMatchObject({ total: 5, scored: 2, version: 1, maxTotal: 12 });
    expect(mine?.updatedBy?.id).toBe(rep.id);

    const stale = await api.put(`/api/v1/deals/${deal.id}/qualification/${bant!.id}`, { scores: [{ elementKey: 'need', score: 3 }] });
    expect(stale.status).toBe(409);
    const bad = await api.put(`/api/v1/deals/${deal.id}/qualification/${bant!.id}`, {
      version: 1,
      scores: [
        { elementKey: 'champion', score: 3 },
        { elementKey: 'need', score: 4 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['scores.1.score']);
    const unknown = await api.put(`/api/v1/deals/${deal.id}/qualification/${bant!.id}`, { version: 1, scores: [{ elementKey: 'champion', score: 3 }] });
    expect(unknown.body.error?.details.fields[0]).toEqual({ field: 'scores.0.elementKey', message: 'is not an element of BANT' });

    const second = await api.put(`/api/v1/deals/${deal.id}/qualification/${bant!.id}`, {
      version: 1,
      scores: [
        { elementKey: 'need', score: 3 },
        { elementKey: 'authority', score: 1 },
      ],
    });
    expect(second.body.frameworks.find((f: { key: string }) => f.key === 'bant')).toMatchObject({ total: 7, version: 2 });
    const history = await env()
      .database.db.selectFrom('changes')
      .select(['field', 'from_value', 'to_value'])
      .where('entity_id', '=', deal.id)
      .where('field', 'like', 'qualification.%')
      .orderBy('at')
      .orderBy('field')
      .execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { field: 'qualification.bant.budget', from_value: null, to_value: '3 — Approved in the Q1 plan' },
        { field: 'qualification.bant.authority', from_value: '2 — CFO joins the next call', to_value: '1 — CFO joins the next call' },
      ]),
    );
    expect((await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery')!.id })).status).toBe(422);
    await api.put(`/api/v1/deals/${deal.id}/qualification/${bant!.id}`, { version: 2, scores: [{ elementKey: 'timeline', score: 1 }] });
    expect((await api.post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: p.stage('Discovery')!.id })).status).toBe(200);

    const other = await w.user('rep');
    expect((await w.as(other).get(`/api/v1/deals/${deal.id}/qualification`)).status).toBe(404);
  });

  it('lets admins define custom frameworks, keeps built-ins fixed, and protects frameworks in use', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const made = await admin.post('/api/v1/qualification-frameworks', {
      name: 'Champion check',
      elements: [{ label: 'Access to power' }, { label: 'Personal win', description: 'What they gain' }],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ key: 'champion_check', builtin: false, maxTotal: 6 });
    expect(made.body.elements.map((e: { key: string }) => e.key)).toEqual(['access_to_power', 'personal_win']);
    const dupEl = await admin.post('/api/v1/qualification-frameworks', { name: 'Other', elements: [{ label: 'A b' }, { label: 'a-b' }] });
    expect(dupEl.body.error?.details.fields[0]?.field).toBe('elements.1.key');
    expect((await admin.post('/api/v1/qualification-frameworks', { name: 'Champion check', elements: [{ label: 'x' }] })).status).toBe(400);

    const patched = await admin.patch(`/api/v1/qualification-frameworks/${made.body.id}`, {
      version: 1,
      elements: [{ key: 'personal_win', label: 'Personal win' }, { label: 'Tested' }],
    });
    expect(patched.body.elements.map((e: { key: string }) => e.key)).toEqual(['personal_win', 'tested']);
    expect(patched.body.version).toBe(2);
    expect((await admin.patch(`/api/v1/qualification-frameworks/${made.body.id}`, { version: 1, name: 'x' })).status).toBe(409);

    const { body: all } = await admin.get('/api/v1/qualification-frameworks');
    const meddpicc = all.items.find((f: { key: string }) => f.key === 'meddpicc');
    expect((await admin.patch(`/api/v1/qualification-frameworks/${meddpicc!.id}`, { version: 1, name: 'Mine' })).status).toBe(422);

    const p = await processOf(w);
    const crit = await admin.post(`/api/v1/stages/${p.stage('Qualify')!.id}/criteria`, {
      version: p.body.pipeline.version,
      kind: 'qualification',
      frameworkId: made.body.id,
      minScore: 4,
    });
    expect(crit.status).toBe(201);
    expect((await admin.post(`/api/v1/qualification-frameworks/${made.body.id}/archive`, { version: 2 })).status).toBe(422);
    await admin.post(`/api/v1/exit-criteria/${crit.body.stages[0]!.criteria[0]!.id}/archive`, { version: crit.body.pipeline.version });
    expect((await admin.post(`/api/v1/qualification-frameworks/${made.body.id}/archive`, { version: 2 })).status).toBe(204);
    expect((await w.as(await w.user('rep')).post('/api/v1/qualification-frameworks', { name: 'R', elements: [{ label: 'x' }] })).status).toBe(403);
  });
});
