// Stage stays on both engines: every path that changes a deal's stage writes them (created, moved
// forward and back, closed, reopened, imported history), deleting a deal leaves them, and the
// migration's backfill from the stage history in `changes` gives the same stays the writer wrote.
import { expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../db/migrator.js';
import { describeEngines, type TestEnv, type TestWorkspace } from '../test/test-env.js';
import { createDeal, updateDealById } from './deals.service.js';

const DAY = 86_400_000;

async function stagesOf(w: TestWorkspace) {
  const { body } = await w.as(w.admin).get('/api/v1/pipelines');
  const stages = body.items[0]!.stages as { id: string; name: string }[];
  const byName = (n: string) => stages.find((s) => s.name === n)?.id as string;
  return { pipelineId: body.items[0]!.id as string, byName };
}

/** A workspace's stays in order, without their ids (the writer's are new, the backfill's the changes'). */
async function staysOf(env: TestEnv, workspaceId: string) {
  const rows = await env.database.db
    .selectFrom('stage_stays')
    .select(['deal_id', 'pipeline_id', 'stage_id', 'entered_at', 'left_at', 'imported'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('deal_id')
    .orderBy('entered_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, entered_at: Number(r.entered_at), left_at: r.left_at === null ? null : Number(r.left_at), imported: Number(r.imported) }));
}

/** One deal's life through the API: created, forward (skipping a stage), back, lost, reopened, deleted. */
async function liveDeal(env: TestEnv, w: TestWorkspace) {
  const { byName, pipelineId } = await stagesOf(w);
  const rep = await w.user('rep');
  const api = w.as(rep);
  const t0 = env.clock.now;
  const { body: deal } = await api.post('/api/v1/deals', { name: 'Acme', amount: 100_00, closeDate: '2027-03-01' });
  env.clock.now += DAY;
  const t1 = env.clock.now;
  const forward = await api.post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: byName('Solution') });
  expect(forward.status).toBe(200);
  env.clock.now += DAY;
  const t2 = env.clock.now;
  const back = await api.post(`/api/v1/deals/${deal.id}/move`, { version: forward.body.version, stageId: byName('Discovery') });
  expect(back.status).toBe(200);
  env.clock.now += DAY;
  const edited = await api.patch(`/api/v1/deals/${deal.id}`, { version: back.body.version, name: 'Acme rollout' });
  expect(edited.status).toBe(200);
  env.clock.now += DAY;
  const t3 = env.clock.now;
  const lost = await api.patch(`/api/v1/deals/${deal.id}`, { version: edited.body.version, status: 'lost', lostReason: 'Price' });
  expect(lost.status).toBe(200);
  env.clock.now += DAY;
  const t4 = env.clock.now;
  const reopened = await api.patch(`/api/v1/deals/${deal.id}`, { version: lost.body.version, status: 'open' });
  expect(reopened.body.stageName).toBe('Discovery');
  return { id: deal.id as string, pipelineId, byName, times: [t0, t1, t2, t3, t4] as const };
}

describeEngines('stage stays', { ownDatabase: true }, (env) => {
  it('one stay per stage change at its instant: created, forward, back, lost, reopened; an edit or a delete adds none', async () => {
    const w = await env().workspace();
    const { id, pipelineId, byName, times } = await liveDeal(env(), w);
    const [t0, t1, t2, t3, t4] = times;
    const stay = (stage: string, entered: number, left: number | null) => ({
      deal_id: id,
      pipeline_id: pipelineId,
      stage_id: byName(stage),
      entered_at: entered,
      left_at: left,
      imported: 0,
    });
    const expected = [stay('Qualify', t0, t1), stay('Solution', t1, t2), stay('Discovery', t2, t3), stay('Closed Lost', t3, t4), stay('Discovery', t4, null)];
    expect(await staysOf(env(), w.id)).toEqual(expected);

    env().clock.now += DAY;
    const { body } = await w.as(w.admin).get(`/api/v1/deals/${id}`);
    expect((await w.as(w.admin).delete(`/api/v1/deals/${id}`)).status).toBe(204);
    expect(body.stageName).toBe('Discovery');
    // A deleted deal counts in no KPI (the deals as of any instant leave it out): its stays stay as they were.
    expect(await staysOf(env(), w.id)).toEqual(expected);
  });

  it('imported history: a deal born in a later stage and moved by the file has imported stays', async () => {
    const w = await env().workspace();
    const { byName, pipelineId } = await stagesOf(w);
    const ctx = w.ctx(w.admin);
    const t0 = env().clock.now;
    const born = await createDeal(
      { ...ctx, now: () => t0 },
      { name: 'Imported', amount: 5_00, closeDate: '2026-06-30', stageId: byName('Discovery') },
      'import',
      { imported: true },
    );
    const t1 = t0 + DAY;
    const won = await updateDealById(
      { ...ctx, now: () => t1 },
      born.id,
      { version: born.version, stageId: byName('Closed Won') },
      { via: 'import', imported: true },
    );
    expect(won.status).toBe('won');
    const t2 = t0 + 2 * DAY;
    const plain = await createDeal({ ...ctx, now: () => t2 }, { name: 'Imported in the first stage', amount: 5_00, closeDate: '2026-06-30' }, 'import', {
      imported: true,
    });
    const rows = await staysOf(env(), w.id);
    const byDeal = (dealId: string) => rows.filter((r) => r.deal_id === dealId).map((r) => [r.stage_id, r.entered_at, r.left_at, r.imported, r.pipeline_id]);
    expect(byDeal(born.id)).toEqual([
      [byName('Discovery'), t0, t1, 1, pipelineId],
      [byName('Closed Won'), t1, null, 1, pipelineId],
    ]);
    // Born in the first stage there is no move, so nothing imported made the stay.
    expect(byDeal(plain.id)).toEqual([[byName('Qualify'), t2, null, 0, pipelineId]]);
  });

  it('the migration backfills from the stage history exactly the stays the writer wrote', async () => {
    const w = await env().workspace();
    await liveDeal(env(), w);
    const { byName } = await stagesOf(w);
    const ctx = w.ctx(w.admin);
    const t = env().clock.now;
    const imported = await createDeal(
      { ...ctx, now: () => t },
      { name: 'Imported', amount: 1_00, closeDate: '2026-06-30', stageId: byName('Proposal') },
      'import',
      {
        imported: true,
      },
    );
    await updateDealById(
      { ...ctx, now: () => t + DAY },
      imported.id,
      { version: imported.version, stageId: byName('Closed Lost'), lostReason: 'Timing' },
      {
        via: 'import',
        imported: true,
      },
    );
    // Two stage changes in one millisecond: the order of the instant then the id holds.
    env().clock.now += DAY;
    const fast = await w.as(w.admin).post('/api/v1/deals', { name: 'Same instant', amount: 1_00, closeDate: '2027-01-01' });
    await w.as(w.admin).post(`/api/v1/deals/${fast.body.id}/move`, { version: fast.body.version, stageId: byName('Discovery') });

    const written = await staysOf(env(), w.id);
    expect(written.length).toBe(5 + 2 + 2);
    const db = env().database.db;
    // Back to the migration before stays (reverting the later ones too), then forward again.
    const dropped = await migrateTo(db, '2026-12-11-30-historical-import');
    expect(dropped).toContain('reverted 2026-12-12-10-stage-stays');
    await migrateToLatest(db);
    expect(await staysOf(env(), w.id)).toEqual(written);
  });
});
