// A leader's verdict on a gate override: who may give it (cases generated from the policy table),
// versions and 409s, the rep reading the outcome on the timeline, and adherence counting challenges.
import { expect, it } from 'vitest';
import type { TimelineItem } from '../../api/timeline.js';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

async function setup(w: TestWorkspace) {
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const team = await w.team('Field', { managerId: manager.id });
  const rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
  const outsider = await w.user('rep', { teamId: await w.team('Partners'), name: 'Oscar Outsider' });
  const marketing = await w.user('marketing');
  const coach = await w.user('coach');
  const { body: list } = await w.as(w.admin).get('/api/v1/pipelines');
  const pipelineId = list.items[0]!.id as string;
  const proc = (await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`)).body;
  const stage = (name: string) => (proc.stages as { id: string; name: string }[]).find((s) => s.name === name)?.id as string;
  // Qualify needs a next step; its gate may be overridden with a reason.
  expect(
    (await w.as(w.admin).post(`/api/v1/stages/${stage('Qualify')}/criteria`, { version: proc.pipeline.version, kind: 'field', field: 'nextStep' })).status,
  ).toBe(201);
  const version = (await w.as(w.admin).get(`/api/v1/pipelines/${pipelineId}/process`)).body.pipeline.version;
  expect((await w.as(w.admin).patch(`/api/v1/stages/${stage('Qualify')}`, { version, allowOverride: true })).status).toBe(200);

  /** Moves a fresh deal of the owner past the unmet gate with a reason, as the owner; the move's id. */
  const overrideMove = async (owner: TestUser, reason = 'Customer insists') => {
    const api = w.as(owner);
    const deal = (await api.post('/api/v1/deals', { name: `Deal of ${owner.name}`, amount: 1_000_00, closeDate: '2027-03-31' })).body;
    const moved = await api.post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: stage('Discovery'), overrideReason: reason });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const timeline = (await api.get(`/api/v1/deals/${deal.id}/timeline`)).body.items as { kind: string; id: string; overrideReason?: string | null }[];
    const move = timeline.find((i) => i.kind === 'stage_move' && i.overrideReason);
    return { moveId: move?.id as string, dealId: deal.id as string, dealVersion: moved.body.version as number };
  };
  return { manager, rep, outsider, marketing, coach, stage, overrideMove };
}

describeEngines('override reviews', (env) => {
  it('lets exactly the roles the policy reaches give a verdict, on the moves they reach', async () => {
    const w = await env().workspace();
    const s = await setup(w);
    const actors: Record<Role, TestUser> = { admin: w.admin, manager: s.manager, rep: s.rep, marketing: s.marketing, coach: s.coach };
    // The rep's move is "own" for the rep and "team" for the manager; the outsider's is "other" to both.
    const relations = [
      { relation: 'team' as const, owner: s.rep },
      { relation: 'other' as const, owner: s.outsider },
    ];
    for (const role of Object.keys(actors) as Role[]) {
      for (const { relation, owner } of relations) {
        const { moveId } = await s.overrideMove(owner);
        const reach = reachOf(role, 'override_reviews', 'create');
        const expected = reach === 'none' ? 403 : reach === 'all' || (reach === 'team' && relation === 'team') ? 200 : 404;
        const res = await w.as(actors[role]).put(`/api/v1/stage-moves/${moveId}/review`, { verdict: 'accepted' });
        expect(res.status, `${role} on a ${relation} move`).toBe(expected);
      }
    }
    // Another workspace's move reads as missing, even to its admin's peer here.
    const other = await env().workspace();
    const foreign = await setup(other);
    const { moveId } = await foreign.overrideMove(foreign.rep);
    expect((await w.as(w.admin).put(`/api/v1/stage-moves/${moveId}/review`, { verdict: 'accepted' })).status).toBe(404);
  });

  it('records a verdict under a version, shows the rep the outcome, and counts challenged overrides in adherence', async () => {
    const w = await env().workspace();
    const s = await setup(w);
    const mia = w.as(s.manager);
    const { moveId, dealId, dealVersion } = await s.overrideMove(s.rep, 'CFO said go');
    const path = `/api/v1/stage-moves/${moveId}/review`;

    const bad = await mia.put(path, { verdict: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toBe('verdict');

    const accepted = await mia.put(path, { verdict: 'accepted' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      stageMoveId: moveId,
      dealId,
      verdict: 'accepted',
      comment: null,
      reviewer: { id: s.manager.id, name: 'Mia Manager' },
      version: 1,
    });
    // A second verdict names the version it read: none, or an old one, is a 409.
    expect((await mia.put(path, { verdict: 'challenged' })).status).toBe(409);
    const challenged = await mia.put(path, { verdict: 'challenged', comment: '  Where is the signed LOI?  ', version: 1 });
    expect(challenged.body).toMatchObject({ verdict: 'challenged', comment: 'Where is the signed LOI?', version: 2 });
    expect((await w.as(w.admin).put(path, { verdict: 'accepted', version: 1 })).status).toBe(409);

    // The rep reads the outcome where the override is: on the deal's timeline.
    const timeline = (await w.as(s.rep).get(`/api/v1/deals/${dealId}/timeline`)).body.items;
    const move = timeline.find((i): i is Extract<TimelineItem, { kind: 'stage_move' }> => i.kind === 'stage_move' && i.id === moveId);
    expect(move?.review).toMatchObject({
      verdict: 'challenged',
      comment: 'Where is the signed LOI?',
      reviewer: { name: 'Mia Manager' },
      version: 2,
    });

    // And is told so where they look first: once per verdict given or changed.
    const told = (await w.as(s.rep).get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'process.override-reviewed');
    expect(told.map((n: { title: string }) => n.title)).toEqual([
      'Mia Manager challenged your override on Deal of Rita Rep',
      'Mia Manager accepted your override on Deal of Rita Rep',
    ]);

    // A move that kept the process has nothing to review; nor does one's own override.
    const back = await w.as(s.rep).post(`/api/v1/deals/${dealId}/move`, { version: dealVersion, stageId: s.stage('Qualify') });
    expect(back.status).toBe(200);
    const plain = (await w.as(s.rep).get(`/api/v1/deals/${dealId}/timeline`)).body.items.find((i) => i.kind === 'stage_move' && i.overrideReason === null);
    expect((await mia.put(`/api/v1/stage-moves/${plain!.id}/review`, { verdict: 'accepted' })).status).toBe(422);
    const own = await s.overrideMove(s.manager, 'My own call');
    expect((await mia.put(`/api/v1/stage-moves/${own.moveId}/review`, { verdict: 'accepted' })).status).toBe(403);

    // Adherence: two overrides in the team, one challenged; the drill-down lists it with its verdict.
    const day = (offset: number) => new Date(env().clock.now + offset * 86_400_000).toISOString().slice(0, 10);
    const range = `from=${day(-1)}&to=${day(1)}`;
    const report = (await mia.get(`/api/v1/process/adherence?${range}`)).body;
    expect(report.totals).toMatchObject({ overrides: 2, challengedOverrides: 1 });
    const listed = (await mia.get(`/api/v1/process/adherence/moves?${range}&filter=challenged`)).body.items;
    expect(listed.map((m) => [m.id, m.review?.verdict])).toEqual([[moveId, 'challenged']]);
  });

  it('lets one of two leaders giving the first verdict at once win; the other is told it is stale', async () => {
    const w = await env().workspace();
    const s = await setup(w);
    const { moveId } = await s.overrideMove(s.rep);
    const path = `/api/v1/stage-moves/${moveId}/review`;
    const answers = await Promise.all([w.as(w.admin).put(path, { verdict: 'accepted' }), w.as(s.manager).put(path, { verdict: 'challenged' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const rows = await env().database.db.selectFrom('override_reviews').selectAll().where('stage_move_id', '=', moveId).execute();
    expect(rows).toHaveLength(1);
  });
});
