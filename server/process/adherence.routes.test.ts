// Adherence, its drill-downs and gate calibration on a small history whose figures are worked out
// by hand below; the same history on SQLite and PostgreSQL gives identical reports.
import { expect, inject, it } from 'vitest';
import { createDeal } from '../crm/deals.service.js';
import { newId } from '../ids.js';
import { createTestEnv, describeEngines, type TestEnv, type TestUser, type TestWorkspace } from '../test/test-env.js';

const at = (iso: string) => Date.parse(iso);

/**
 * Week of 2 Nov: A ticks and moves deal1 Qualify→Discovery (adherent, +10); B overrides deal2
 * Qualify→Discovery (+10); A moves deal1 →Solution (adherent, +20); B moves deal2 back to Qualify.
 * Week of 9 Nov: C creates deal3 straight into Solution with an override (2 skipped, +40); A wins
 * deal1 from Solution (skips Proposal and Negotiation, +60); C loses deal3 (−40).
 * On 20 Nov B schedules a meeting on deal2 for 25 Nov. Teams: T (manager M) ⊃ T2; A in T, B in T2.
 */
async function buildScenario(env: TestEnv, options: { midway?: (w: TestWorkspace) => Promise<void> } = {}) {
  env.clock.now = at('2026-11-01T09:00:00Z');
  const w = await env.workspace();
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const t = await w.team('T', { managerId: manager.id });
  const t2 = await w.team('T2', { parentId: t });
  const a = await w.user('rep', { teamId: t, name: 'Ann' });
  const b = await w.user('rep', { teamId: t2, name: 'Ben' });
  const c = await w.user('rep', { name: 'Cat' });
  const admin = w.as(w.admin);
  const { body: list } = await admin.get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  let { body: proc } = await admin.get(`/api/v1/pipelines/${pipelineId}/process`);
  const stage = (n: string) => proc.stages.find((s: { name: string }) => s.name === n)!.id as string;
  ({ body: proc } = await admin.post(`/api/v1/stages/${stage('Qualify')}/criteria`, {
    version: proc.pipeline.version,
    kind: 'checklist',
    label: 'Pain confirmed',
  }));
  ({ body: proc } = await admin.patch(`/api/v1/stages/${stage('Qualify')}`, { version: proc.pipeline.version, allowOverride: true }));
  const checklist = proc.stages[0]!.criteria[0]!.id as string;

  const step = async <T>(iso: string, fn: () => Promise<{ status: number; body: T }>): Promise<T> => {
    env.clock.now = at(iso);
    const res = await fn();
    if (res.status >= 300) throw new Error(`${iso}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const deal1 = await step('2026-11-02T10:00:00Z', () => w.as(a).post('/api/v1/deals', { name: 'Deal 1', amount: 100_00, closeDate: '2026-12-31' }));
  await step('2026-11-02T10:30:00Z', () => w.as(a).put(`/api/v1/deals/${deal1.id}/checklist/${checklist}`, { checked: true }));
  await step('2026-11-02T11:00:00Z', () => w.as(a).post(`/api/v1/deals/${deal1.id}/move`, { version: 1, stageId: stage('Discovery') }));
  const deal2 = await step('2026-11-02T12:00:00Z', () => w.as(b).post('/api/v1/deals', { name: 'Deal 2', amount: 200_00, closeDate: '2026-12-31' }));
  await step('2026-11-02T13:00:00Z', () =>
    w.as(b).post(`/api/v1/deals/${deal2.id}/move`, { version: 1, stageId: stage('Discovery'), overrideReason: 'Customer pushed' }),
  );
  await step('2026-11-04T10:00:00Z', () => w.as(a).post(`/api/v1/deals/${deal1.id}/move`, { version: 2, stageId: stage('Solution') }));
  await step('2026-11-05T10:00:00Z', () => w.as(b).post(`/api/v1/deals/${deal2.id}/move`, { version: 2, stageId: stage('Qualify') }));
  if (options.midway) {
    env.clock.now = at('2026-11-08T12:00:00Z');
    await options.midway(w);
  }
  env.clock.now = at('2026-11-10T10:00:00Z');
  const deal3 = await createDeal(w.ctx(c), { name: 'Deal 3', amount: 300_00, closeDate: '2026-12-31', stageId: stage('Solution') }, 'api', {
    overrideReason: 'Partner-sourced, already qualified',
  });
  await step('2026-11-11T10:00:00Z', () => w.as(a).patch(`/api/v1/deals/${deal1.id}`, { version: 3, status: 'won' }));
  await step('2026-11-12T10:00:00Z', () => w.as(c).patch(`/api/v1/deals/${deal3.id}`, { version: 1, status: 'lost', lostReason: 'Price' }));
  env.clock.now = at('2026-11-20T10:00:00Z');
  await env.database.db
    .insertInto('activities')
    .values({
      id: newId(),
      workspace_id: w.id,
      type: 'meeting',
      subject: 'Next step',
      body: null,
      deal_id: deal2.id,
      contact_id: null,
      account_id: null,
      owner_id: b.id,
      occurred_at: at('2026-11-25T09:00:00Z'),
      duration_minutes: 30,
      completed_at: null,
      external_id: null,
      created_at: env.clock.now,
      updated_at: env.clock.now,
      deleted_at: null,
      version: 1,
    })
    .execute();
  env.clock.now = at('2026-11-28T10:00:00Z');
  return { w, manager, a, b, c, t, t2, pipelineId, checklist, deal1, deal2, deal3, stage };
}

const PERIOD = 'from=2026-11-02&to=2026-11-22';

describeEngines('process adherence', (env) => {
  it('computes the figures of the worked example for the workspace, each week, each rep and each team', async () => {
    const s = await buildScenario(env());
    const res = await s.w.as(s.w.admin).get(`/api/v1/process/adherence?${PERIOD}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    expect(r.asOf).toBe('2026-11-23T00:00:00.000Z');
    expect(r.totals).toEqual({
      moves: 7,
      adherentMoves: 4,
      adherence: 4 / 7,
      forwardMoves: 5,
      forwardGain: 140,
      adherentGain: 30,
      weightedAdherence: 30 / 140,
      overrides: 2,
      challengedOverrides: 0,
      skippedMoves: 2,
      backwardMoves: 1,
      openDeals: 1,
      agingDeals: 1,
      noNextStepDeals: 0,
    });
    expect(r.weeks.map((w) => [w.weekStart, w.moves, w.adherentMoves, w.forwardGain, w.adherentGain, w.overrides, w.skippedMoves, w.backwardMoves])).toEqual([
      ['2026-11-02', 4, 3, 40, 30, 1, 0, 1],
      ['2026-11-09', 3, 1, 100, 0, 1, 2, 0],
      ['2026-11-16', 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(r.weeks.map((w) => [w.asOf, w.openDeals, w.agingDeals, w.noNextStepDeals])).toEqual([
      ['2026-11-09T00:00:00.000Z', 2, 0, 2],
      ['2026-11-16T00:00:00.000Z', 1, 0, 1],
      ['2026-11-23T00:00:00.000Z', 1, 1, 0],
    ]);
    expect(r.weeks[2]?.adherence).toBeNull();
    expect(
      r.reps.map((x) => [x.name, x.moves, x.adherentMoves, x.forwardGain, x.adherentGain, x.overrides, x.skippedMoves, x.backwardMoves, x.openDeals]),
    ).toEqual([
      ['Ann', 3, 2, 90, 30, 0, 1, 0, 0],
      ['Ben', 2, 1, 10, 0, 1, 0, 1, 1],
      ['Cat', 2, 1, 40, 0, 1, 1, 0, 0],
    ]);
    const team = (id: string) => r.teams.find((x) => x.teamId === id);
    expect(team(s.t)).toMatchObject({ moves: 5, adherentMoves: 3, openDeals: 1, agingDeals: 1 });
    expect(team(s.t2)).toMatchObject({ moves: 2, adherentMoves: 1, parentId: s.t, openDeals: 1 });
  });

  it('scopes figures to what the caller may see and narrows to a rep or a team', async () => {
    const s = await buildScenario(env());
    const m = await s.w.as(s.manager).get(`/api/v1/process/adherence?${PERIOD}`);
    expect(m.body.totals).toMatchObject({ moves: 5, adherentMoves: 3, openDeals: 1 });
    expect(m.body.reps.map((x) => x.name)).toEqual(['Ann', 'Ben']);
    expect(m.body.teams.map((x) => x.teamId).sort()).toEqual([s.t, s.t2].sort());
    expect((await s.w.as(s.manager).get(`/api/v1/process/adherence?${PERIOD}&ownerId=${s.b.id}`)).body.totals).toMatchObject({ moves: 2, overrides: 1 });
    expect((await s.w.as(s.manager).get(`/api/v1/process/adherence?${PERIOD}&teamId=${s.t2}`)).body.totals.moves).toBe(2);
    expect((await s.w.as(s.manager).get(`/api/v1/process/adherence?${PERIOD}&ownerId=${s.c.id}`)).status).toBe(404);

    const rep = await s.w.as(s.a).get(`/api/v1/process/adherence?${PERIOD}`);
    expect(rep.body.totals).toMatchObject({ moves: 3, adherentMoves: 2 });
    expect(rep.body.teams).toEqual([]);
    expect((await s.w.as(s.a).get(`/api/v1/process/adherence?${PERIOD}&teamId=${s.t}`)).status).toBe(404);
    expect((await s.w.as(await s.w.user('marketing')).get(`/api/v1/process/adherence?${PERIOD}`)).status).toBe(403);

    const bad = await s.w.as(s.w.admin).get('/api/v1/process/adherence?from=2026-11-10&to=2026-11-01');
    expect(bad.body.error?.details.fields[0]?.field).toBe('to');
    const long = await s.w.as(s.w.admin).get('/api/v1/process/adherence?from=2020-01-01&to=2026-11-01');
    expect(long.body.error?.details.fields[0]?.field).toBe('to');
    expect((await s.w.as(s.w.admin).get('/api/v1/process/adherence?from=2026-13-01&to=2026-11-01')).status).toBe(400);
  });

  it('opens every number: the moves and deals behind it', async () => {
    const s = await buildScenario(env());
    const api = s.w.as(s.w.admin);
    const overrides = await api.get(`/api/v1/process/adherence/moves?${PERIOD}&filter=override`);
    expect(overrides.body.items.map((m) => [m.dealName, m.ownerName, m.fromStageName, m.toStageName, m.overrideReason, m.adherent])).toEqual([
      ['Deal 3', 'Cat', null, 'Solution', 'Partner-sourced, already qualified', false],
      ['Deal 2', 'Ben', 'Qualify', 'Discovery', 'Customer pushed', false],
    ]);
    expect(overrides.body.items[1]?.missing).toEqual([expect.objectContaining({ label: 'Pain confirmed', kind: 'checklist' })]);
    expect(overrides.body.items[0]).toMatchObject({ skipped: 2, gain: 40, processVersionNumber: 3, via: 'api' });

    const counts: Record<string, number> = {};
    for (const filter of ['all', 'adherent', 'nonAdherent', 'forward', 'adherentForward', 'skipped', 'backward']) {
      counts[filter] = (await api.get(`/api/v1/process/adherence/moves?${PERIOD}&filter=${filter}`)).body.items.length;
    }
    expect(counts).toEqual({ all: 7, adherent: 4, nonAdherent: 3, forward: 5, adherentForward: 2, skipped: 2, backward: 1 });

    const page1 = await api.get(`/api/v1/process/adherence/moves?${PERIOD}&limit=3`);
    const page2 = await api.get(`/api/v1/process/adherence/moves?${PERIOD}&limit=3&cursor=${page1.body.nextCursor}`);
    const page3 = await api.get(`/api/v1/process/adherence/moves?${PERIOD}&limit=3&cursor=${page2.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items, ...page3.body.items].map((m) => m.id)).toHaveLength(7);
    expect(page3.body.nextCursor).toBeNull();

    const aging = await api.get('/api/v1/process/adherence/deals?filter=aging&asOf=2026-11-22');
    expect(aging.body.asOf).toBe('2026-11-23T00:00:00.000Z');
    expect(aging.body.items).toEqual([expect.objectContaining({ dealName: 'Deal 2', stageName: 'Qualify', daysInStage: 17, agingDays: 14, ownerName: 'Ben' })]);
    const noNext = await api.get('/api/v1/process/adherence/deals?filter=noNextStep&asOf=2026-11-15');
    expect(noNext.body.items.map((d) => d.dealName)).toEqual(['Deal 2']);
    expect((await api.get('/api/v1/process/adherence/deals?filter=noNextStep&asOf=2026-11-22')).body.items).toEqual([]);
    const open = await api.get('/api/v1/process/adherence/deals?filter=open&asOf=2026-11-08');
    expect(open.body.items.map((d) => d.dealName)).toEqual(['Deal 1', 'Deal 2']);
    expect((await s.w.as(s.c).get('/api/v1/process/adherence/deals?filter=open&asOf=2026-11-08')).body.items).toEqual([]);
  });

  it('breaks adherence down by the process version each move was checked against, and filters by one', async () => {
    // On Sunday 8 Nov the admin rewrites the Discovery guidance: version 4 is in force from then on.
    const s = await buildScenario(env(), {
      midway: async (w) => {
        const { body: proc } = await w.as(w.admin).get(`/api/v1/pipelines/${(await w.as(w.admin).get('/api/v1/pipelines')).body.items[0]!.id}/process`);
        const discovery = proc.stages.find((x: { name: string }) => x.name === 'Discovery')!.id;
        const res = await w
          .as(w.admin)
          .patch(`/api/v1/stages/${discovery}`, { version: proc.pipeline.version, guidance: 'Meet the buyer', note: 'Discovery guidance rewritten' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      },
    });
    const api = s.w.as(s.w.admin);
    const r = (await api.get(`/api/v1/process/adherence?${PERIOD}`)).body;
    expect(r.versions.map((v) => [v.number, v.note, v.inForceFrom, v.inForceTo, v.moves, v.adherentMoves, v.adherence, v.overrides, v.skippedMoves])).toEqual([
      [3, 'Changed Qualify: overrides', '2026-11-01T09:00:00.000Z', '2026-11-08T12:00:00.000Z', 4, 3, 3 / 4, 1, 0],
      [4, 'Discovery guidance rewritten', '2026-11-08T12:00:00.000Z', null, 3, 1, 1 / 3, 1, 2],
    ]);
    expect(r.versions[0]).toMatchObject({ pipelineId: s.pipelineId, pipelineName: 'Sales' });
    const v4 = r.versions[1]!.processVersionId as string;

    // A rep sees the versions of their own moves; a period after the change shows only version 4.
    expect((await s.w.as(s.b).get(`/api/v1/process/adherence?${PERIOD}`)).body.versions.map((v) => [v.number, v.moves])).toEqual([
      [3, 2],
      [4, 0],
    ]);
    expect((await api.get('/api/v1/process/adherence?from=2026-11-16&to=2026-11-22')).body.versions.map((v) => [v.number, v.moves])).toEqual([[4, 0]]);

    // Filtered to one version: the move figures and the drill-down count only its moves.
    const only = (await api.get(`/api/v1/process/adherence?${PERIOD}&processVersionId=${v4}`)).body;
    expect(only.totals).toMatchObject({ moves: 3, adherentMoves: 1 });
    expect(only.versions.map((v) => v.number)).toEqual([4]);
    const moves = (await api.get(`/api/v1/process/adherence/moves?${PERIOD}&processVersionId=${v4}&filter=nonAdherent`)).body.items;
    expect(moves.map((m) => [m.dealName, m.processVersionNumber])).toEqual([
      ['Deal 1', 4],
      ['Deal 3', 4],
    ]);
    const bad = await api.get(`/api/v1/process/adherence?${PERIOD}&processVersionId=${s.deal1.id}`);
    expect(bad.body.error?.details.fields[0]?.field).toBe('processVersionId');
  });

  it('calibrates the gate: win rate by stage reached and by criterion met, with the deals behind each', async () => {
    const s = await buildScenario(env());
    const api = s.w.as(s.w.admin);
    const res = await api.get('/api/v1/process/calibration');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ closedDeals: 2, wonDeals: 1 });
    expect(res.body.stages.map((x) => [x.name, x.probability, x.reached, x.won, x.winRate])).toEqual([
      ['Qualify', 10, 2, 1, 0.5],
      ['Discovery', 20, 2, 1, 0.5],
      ['Solution', 40, 2, 1, 0.5],
      ['Proposal', 60, 1, 1, 1],
      ['Negotiation', 80, 1, 1, 1],
    ]);
    expect(res.body.criteria).toEqual([
      expect.objectContaining({
        criterionId: s.checklist,
        label: 'Pain confirmed',
        stageName: 'Qualify',
        retired: false,
        met: { deals: 1, won: 1, winRate: 1 },
        notMet: { deals: 1, won: 0, winRate: 0 },
      }),
    ]);
    const notMet = await api.get(`/api/v1/process/calibration/deals?criterionId=${s.checklist}&met=false`);
    expect(notMet.body.items.map((d) => [d.dealName, d.status])).toEqual([['Deal 3', 'lost']]);
    const reachedProposal = await api.get(`/api/v1/process/calibration/deals?stageId=${s.stage('Proposal')}`);
    expect(reachedProposal.body.items.map((d) => d.dealName)).toEqual(['Deal 1']);
    const lost = await api.get(`/api/v1/process/calibration/deals?stageId=${s.stage('Qualify')}&outcome=lost`);
    expect(lost.body.items.map((d) => d.dealName)).toEqual(['Deal 3']);
    expect((await api.get('/api/v1/process/calibration/deals?met=true')).status).toBe(400);
    expect((await api.get('/api/v1/process/calibration?from=2026-12-01')).body.closedDeals).toBe(0);
    expect((await s.w.as(s.a).get('/api/v1/process/calibration')).body).toMatchObject({ closedDeals: 1, wonDeals: 1 });
  });
});

/** Replaces ids by the names a reader would see, so two engines' reports can be compared. */
function normalise(value: unknown, names: Map<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => normalise(v, names));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, names)]));
  return value;
}

it.runIf(inject('pgUrl'))('gives identical adherence and calibration reports on SQLite and PostgreSQL', async () => {
  const reports: unknown[] = [];
  for (const engine of ['sqlite', 'postgres'] as const) {
    const env = await createTestEnv(engine);
    try {
      const s = await buildScenario(env);
      const users: [TestUser, string][] = [
        [s.a, 'A'],
        [s.b, 'B'],
        [s.c, 'C'],
        [s.manager, 'M'],
      ];
      const names = new Map<string, string>([...users.map(([u, n]) => [u.id, n] as [string, string]), [s.t, 'T'], [s.t2, 'T2'], [s.checklist, 'crit']]);
      for (const d of [s.deal1, s.deal2, s.deal3]) names.set(d.id, d.name);
      const { body: proc } = await s.w.as(s.w.admin).get(`/api/v1/pipelines/${s.pipelineId}/process`);
      for (const st of proc.stages) names.set(st.id, st.name);
      const api = (w: TestWorkspace) => w.as(w.admin);
      const adherence = (await api(s.w).get(`/api/v1/process/adherence?${PERIOD}`)).body;
      // Test teams carry a random suffix in their names.
      for (const team of adherence.teams) names.set(team.name, names.get(team.teamId) as string);
      names.set(s.pipelineId, 'P');
      for (const v of adherence.versions) names.set(v.processVersionId!, `v${v.number}`);
      const moves = (await api(s.w).get(`/api/v1/process/adherence/moves?${PERIOD}`)).body.items.map((m) => ({ ...m, id: undefined, actorId: undefined }));
      const calibration = (await api(s.w).get('/api/v1/process/calibration')).body;
      reports.push(normalise({ adherence, moves, calibration: { ...calibration, pipelineId: undefined } }, names));
    } finally {
      await env.close();
    }
  }
  expect(reports[1]).toEqual(reports[0]);
});
