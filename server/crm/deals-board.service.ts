import type { Board, BoardColumnPage, BoardColumnQuery, BoardQuery } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { defaultPipeline, getStage, pipelineStages } from '../process/pipelines.service.js';
import { dealsInStage, stageTotals } from './deals.repo.js';

/** Closed columns show what was won or lost recently, not the whole year. */
const CLOSED_WINDOW_MS = 30 * 24 * 3600_000;

export async function dealBoard(ctx: Ctx, query: BoardQuery): Promise<Board> {
  const scope = await ownerScope(ctx, 'deals', 'read');
  const pipelineId = query.pipelineId ?? (await defaultPipeline(ctx)).id;
  const stages = await pipelineStages(ctx, pipelineId);
  if (stages.length === 0) throw notFound('Pipeline');
  const closedSince = ctx.now() - CLOSED_WINDOW_MS;
  const filter = { ownerId: query.ownerId, q: query.q };
  const { currency } = await getWorkspace(ctx);
  const totals = await stageTotals(ctx.db, ctx.dialect, ctx.actor.workspaceId, scope, { pipelineId, closedSince, currency, ...filter });
  const perStage = query.perStage ?? 50;
  const columns = await Promise.all(
    stages.map(async (s) => {
      const page = await dealsInStage(
        ctx.db,
        ctx.dialect,
        ctx.actor.workspaceId,
        scope,
        { stageId: s.id, ...filter, ...(s.kind === 'open' ? {} : { closedSince }) },
        { limit: perStage },
      );
      return {
        stageId: s.id,
        stageName: s.name,
        probability: s.probability,
        kind: s.kind,
        count: totals.get(s.id)?.count ?? 0,
        amount: totals.get(s.id)?.amount ?? 0,
        items: page.items,
        nextCursor: page.nextCursor,
      };
    }),
  );
  return { pipelineId, columns };
}

/**
 * The next deals of one board column, after the cursor the board (or the previous page) gave: the
 * same visibility, filters, order and closed-stage window as the board, so paging a column to its
 * end lists exactly the deals its count says.
 */
export async function dealBoardColumn(ctx: Ctx, query: BoardColumnQuery): Promise<BoardColumnPage> {
  const scope = await ownerScope(ctx, 'deals', 'read');
  const stage = await getStage(ctx, query.stageId);
  const closedSince = stage.kind === 'open' ? undefined : ctx.now() - CLOSED_WINDOW_MS;
  return dealsInStage(
    ctx.db,
    ctx.dialect,
    ctx.actor.workspaceId,
    scope,
    { stageId: stage.id, ownerId: query.ownerId, q: query.q, closedSince },
    { cursor: query.cursor, limit: query.limit ?? 50 },
  );
}
