// The batch an import writes new deals with (deal-batch.service.ts) writes exactly what the services
// write row by row: the same deal rows, `changes` rows, stage moves with the same `at` and gate
// checks, and refuses what they refuse with the same error.
import { expect, it } from 'vitest';
import { type Ctx, inTransaction } from '../context.js';
import { AppError } from '../errors.js';
import type { TestWorkspace } from '../test/test-env.js';
import { describeEngines } from '../test/test-env.js';
import { DealBatch, type NewDeal } from './deal-batch.service.js';
import { createDeal, updateDealById } from './deals.service.js';

const DAY = 86_400_000;

/** What the services do for one new deal: createDeal, then updateDealById per move, each at its instant. */
async function throughServices(ctx: Ctx, d: NewDeal): Promise<string> {
  let deal = await createDeal({ ...ctx, now: () => d.at }, d.input, d.via, d.options);
  for (const m of d.moves) {
    deal = await updateDealById(
      { ...ctx, now: () => m.at },
      deal.id,
      {
        version: deal.version,
        stageId: m.stageId,
        ...(m.closeDate !== undefined && { closeDate: m.closeDate }),
        ...(m.lostReason !== undefined && { lostReason: m.lostReason }),
      },
      { via: d.via, ...(m.imported !== undefined && { imported: m.imported }) },
    );
  }
  return deal.id;
}

async function throughBatch(ctx: Ctx, deals: NewDeal[]): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const batch = new DealBatch(tx);
    for (const d of deals) await batch.add(d);
    await batch.flush();
  });
}

/** Every row the deals wrote, with their own ids replaced by the deal's name, in one order. */
async function written(w: TestWorkspace, db: Ctx['db'], dealIds: string[]) {
  const deals = await db.selectFrom('deals').selectAll().where('id', 'in', dealIds).execute();
  const nameOf = new Map(deals.map((d) => [d.id, d.name]));
  const moves = await db.selectFrom('stage_moves').selectAll().where('deal_id', 'in', dealIds).execute();
  const moveAt = new Map(moves.map((m) => [m.id, m.at]));
  const checks = await db.selectFrom('stage_move_checks').selectAll().where('deal_id', 'in', dealIds).execute();
  const changes = await db.selectFrom('changes').selectAll().where('workspace_id', '=', w.id).where('entity_id', 'in', dealIds).execute();
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    deals: sorted(deals.map(({ id: _, ...d }) => d)),
    changes: sorted(changes.map(({ id: _, entity_id, ...c }) => ({ ...c, deal: nameOf.get(entity_id) }))),
    moves: sorted(moves.map(({ id: _, deal_id, ...m }) => ({ ...m, deal: nameOf.get(deal_id) }))),
    checks: sorted(checks.map(({ id: _, deal_id, move_id, ...c }) => ({ ...c, deal: nameOf.get(deal_id), moveAt: moveAt.get(move_id) }))),
  };
}

describeEngines('deal batch (an import’s new deals)', (env) => {
  it('writes the same deals, history, stage moves and gate checks as the services, row for row', async () => {
    const w = await env().workspace();
    const ctx = w.ctx(w.admin);
    const admin = w.as(w.admin);
    const rep = await w.user('rep');
    const { body: list } = await admin.get('/api/v1/pipelines');
    const pipeline = list.items[0]!;
    const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id as string;
    // A gate on Qualify, so the non-historical moves are checked and their checks recorded.
    expect((await admin.post(`/api/v1/stages/${stage('Qualify')}/criteria`, { version: pipeline.version, kind: 'field', field: 'nextStep' })).status).toBe(201);
    const t0 = env().clock.now - 300 * DAY;
    const base = { pipelineId: pipeline.id as string, amount: 12_000, closeDate: '2026-06-30' };
    const deals: NewDeal[] = [
      // Historical: born in Discovery, then Proposal, then won; never gated (decision 0180).
      {
        input: { ...base, name: 'History won', stageId: stage('Discovery'), externalId: 'h-1', source: ' Web ' },
        at: t0,
        via: 'import',
        options: { imported: true, createdUnknown: false, lostReason: 'Unrecorded' },
        moves: [
          { at: t0 + 10 * DAY, stageId: stage('Proposal'), imported: true },
          { at: t0 + 40 * DAY, stageId: stage('Closed Won'), closeDate: '2026-02-01', imported: true },
        ],
      },
      {
        input: { ...base, name: 'History lost', ownerId: rep.id },
        at: t0 + DAY,
        via: 'import',
        options: { imported: true, createdUnknown: true, lostReason: 'Budget' },
        moves: [{ at: t0 + 9 * DAY, stageId: stage('Closed Lost'), closeDate: '2026-01-15', lostReason: 'Budget', imported: true }],
      },
      // Today's rules: a move out of Qualify passes its gate (next step filled), then closes won.
      {
        input: { ...base, name: 'Gated', stageId: stage('Discovery'), nextStep: 'Demo' },
        at: t0 + 2 * DAY,
        via: 'import',
        options: {},
        moves: [{ at: t0 + 30 * DAY, stageId: stage('Closed Won'), closeDate: '2026-03-03' }],
      },
      { input: { ...base, name: 'Open', currency: 'EUR' }, at: t0 + 3 * DAY, via: 'import', options: {}, moves: [] },
    ];
    const serviceIds: string[] = [];
    for (const d of deals) serviceIds.push(await throughServices(ctx, d));
    await throughBatch(ctx, deals);
    const batchIds = (
      await env().database.db.selectFrom('deals').select('id').where('workspace_id', '=', w.id).where('id', 'not in', serviceIds).execute()
    ).map((r) => r.id);
    expect(batchIds).toHaveLength(deals.length);

    const viaServices = await written(w, env().database.db, serviceIds);
    const viaBatch = await written(w, env().database.db, batchIds);
    expect(viaServices.checks.length).toBeGreaterThan(0);
    expect(viaServices.moves).toHaveLength(6);
    expect(viaBatch).toEqual(viaServices);
  });

  it('refuses what the services refuse, with the same error, and keeps nothing of the refused deal', async () => {
    const w = await env().workspace();
    const ctx = w.ctx(w.admin);
    const admin = w.as(w.admin);
    const { body: list } = await admin.get('/api/v1/pipelines');
    const pipeline = list.items[0]!;
    const stage = (name: string) => pipeline.stages.find((s) => s.name === name)?.id as string;
    expect((await admin.post(`/api/v1/stages/${stage('Qualify')}/criteria`, { version: pipeline.version, kind: 'field', field: 'nextStep' })).status).toBe(201);
    const at = env().clock.now - 10 * DAY;
    const base = { pipelineId: pipeline.id as string, amount: 1, closeDate: '2026-06-30' };
    const refusals: NewDeal[] = [
      { input: { ...base, name: 'Blocked', stageId: stage('Discovery') }, at, via: 'import', options: {}, moves: [] },
      { input: { ...base, name: 'Starts lost', stageId: stage('Closed Lost') }, at, via: 'import', options: {}, moves: [] },
      { input: { ...base, name: 'Stranger', accountId: '0190aaaa-0000-7000-8000-000000000000' }, at, via: 'import', options: {}, moves: [] },
    ];
    for (const d of refusals) {
      const byService = await throughServices(ctx, d).then(
        () => null,
        (e: unknown) => e,
      );
      expect(byService).toBeInstanceOf(AppError);
      const batch = await inTransaction(ctx, async (tx) => {
        const b = new DealBatch(tx);
        const error = await b.add(d).then(
          () => null,
          (e: unknown) => e,
        );
        expect(b.size).toBe(0);
        return error;
      });
      // A refused move names its deal, whose id was drawn anew by each path.
      const shown = (e: AppError) => ({ code: e.code, message: e.message, details: { ...(e.details as object), dealId: undefined } });
      expect(shown(batch as AppError)).toEqual(shown(byService as AppError));
    }
    expect(await env().database.db.selectFrom('deals').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);
  });
});
