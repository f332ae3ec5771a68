// Gate calibration: do the configured probabilities and the exit criteria predict winning?
import type { Calibration, CalibrationDeal, CalibrationDealsQuery, CalibrationQuery } from '../../api/gate-calibration.js';
import type { Ctx } from '../context.js';
import { invalidField } from '../errors.js';
import { ratio } from './adherence-formulas.js';
import { adherenceFilter } from './adherence-scope.service.js';
import { type ClosedFilter, closedTotals, criterionOutcomes, listCalibrationDeals, pipelineCriteria, stageReach } from './calibration.repo.js';
import { defaultPipeline, pipelineStages } from './pipelines.service.js';

async function closedFilter(ctx: Ctx, q: CalibrationQuery): Promise<ClosedFilter> {
  if (q.from && q.to && q.to < q.from) throw invalidField('to', 'must not be before from');
  const f = await adherenceFilter(ctx, q);
  return { ...f, pipelineId: q.pipelineId ?? (await defaultPipeline(ctx)).id, closeFrom: q.from ?? null, closeTo: q.to ?? null };
}

export async function calibration(ctx: Ctx, q: CalibrationQuery): Promise<Calibration> {
  const f = await closedFilter(ctx, q);
  const [totals, reach, outcomes, criteria, stages] = [
    await closedTotals(ctx.db, f),
    await stageReach(ctx.db, f),
    await criterionOutcomes(ctx.db, f),
    await pipelineCriteria(ctx.db, ctx.actor.workspaceId, f.pipelineId),
    await pipelineStages(ctx, f.pipelineId),
  ];
  return {
    pipelineId: f.pipelineId,
    closedDeals: totals.closed,
    wonDeals: totals.won,
    stages: stages
      .filter((s) => s.kind === 'open')
      .map((s) => {
        const r = reach.get(s.id) ?? { reached: 0, won: 0 };
        return {
          stageId: s.id,
          name: s.name,
          position: s.position,
          probability: s.probability,
          reached: r.reached,
          won: r.won,
          winRate: ratio(r.won, r.reached),
        };
      }),
    criteria: criteria
      .filter((c) => c.archived_at === null || outcomes.has(c.id))
      .map((c) => {
        const o = outcomes.get(c.id) ?? { metDeals: 0, metWon: 0, notMetDeals: 0, notMetWon: 0 };
        return {
          criterionId: c.id,
          stageId: c.stage_id,
          stageName: c.stage_name,
          kind: c.kind,
          label: c.label,
          retired: c.archived_at !== null,
          met: { deals: o.metDeals, won: o.metWon, winRate: ratio(o.metWon, o.metDeals) },
          notMet: { deals: o.notMetDeals, won: o.notMetWon, winRate: ratio(o.notMetWon, o.notMetDeals) },
        };
      }),
  };
}

export async function calibrationDeals(ctx: Ctx, q: CalibrationDealsQuery): Promise<{ items: CalibrationDeal[]; nextCursor: string | null }> {
  if (q.met !== undefined && !q.criterionId) throw invalidField('met', 'applies to a criterion; give criterionId');
  const f = await closedFilter(ctx, q);
  const page = await listCalibrationDeals(ctx.db, f, q, { cursor: q.cursor, limit: q.limit ?? 50 });
  return {
    items: page.rows.map((r) => ({
      dealId: r.id,
      dealName: r.name,
      ownerName: r.owner_name,
      status: r.status,
      amount: Number(r.amount),
      currency: r.currency,
      closeDate: r.close_date,
    })),
    nextCursor: page.nextCursor,
  };
}
