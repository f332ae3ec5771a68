import { Type } from 'typebox';
import { IdParams, Page } from '../../api/common.js';
import {
  Board,
  BoardColumnPage,
  BoardColumnQuery,
  BoardQuery,
  Deal,
  DealBulkResult,
  DealBulkUpdate,
  DealCreate,
  DealListQuery,
  DealMove,
  DealPatch,
  type MoveVia,
} from '../../api/deals.js';
import type { Ctx } from '../context.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createDeal, deleteDeal, getDeal, listDeals, updateDealById } from './deals.service.js';
import { dealBoard, dealBoardColumn } from './deals-board.service.js';
import { bulkUpdateDeals } from './deals-bulk.service.js';

/** Token calls are integrations ("api"); browser calls say whether they came from the form or the board. */
const viaOf = (ctx: Ctx, requested?: 'form' | 'board'): MoveVia => (ctx.actor.via === 'token' ? 'api' : (requested ?? 'form'));

export function registerDealRoutes(app: App): void {
  const tags = ['deals'];
  app.get(
    '/api/v1/deals',
    { schema: { tags, summary: 'Deals you can see, filtered, sorted and paged', querystring: DealListQuery, response: responses({ 200: Page(Deal) }) } },
    async (req) => listDeals(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/deals/board',
    {
      schema: {
        tags,
        summary: 'The pipeline board: stages with counts, amounts and their deals',
        querystring: BoardQuery,
        response: responses({ 200: Board }),
      },
    },
    async (req) => dealBoard(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/deals/board/column',
    {
      schema: {
        tags,
        summary: "The next deals of one board column, after the column's cursor (same filters and order as the board)",
        querystring: BoardColumnQuery,
        response: responses({ 200: BoardColumnPage }),
      },
    },
    async (req) => dealBoardColumn(ctxOf(req), req.query),
  );
  app.get('/api/v1/deals/:id', { schema: { tags, params: IdParams, response: responses({ 200: Deal }) } }, async (req) => getDeal(ctxOf(req), req.params.id));
  app.post(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: 'Create a deal; a stage beyond the first is checked against the exit criteria before it',
        body: DealCreate,
        response: responses({ 201: Deal }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(await createDeal(ctx, req.body, viaOf(ctx)));
    },
  );
  app.patch(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary: 'Change fields and optionally the stage or status in one versioned write; a blocked stage change answers 422 gate_blocked',
        params: IdParams,
        body: DealPatch,
        response: responses({ 200: Deal }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return updateDealById(ctx, req.params.id, req.body, { via: viaOf(ctx) });
    },
  );
  app.post(
    '/api/v1/deals/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a deal to a stage (board drag, stage path); 422 gate_blocked lists what is missing',
        params: IdParams,
        body: DealMove,
        response: responses({ 200: Deal }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { via, stageId, version, overrideReason, lostReason } = req.body;
      return updateDealById(ctx, req.params.id, { version, stageId, overrideReason, lostReason }, { via: viaOf(ctx, via) });
    },
  );
  app.post(
    '/api/v1/deals/bulk',
    {
      schema: {
        tags,
        summary: 'Change owner, stage or close date of many deals, all or nothing',
        body: DealBulkUpdate,
        response: responses({ 200: DealBulkResult }),
      },
    },
    async (req) => bulkUpdateDeals(ctxOf(req), req.body),
  );
  app.delete(
    '/api/v1/deals/:id',
    { schema: { tags, summary: 'Delete a duplicate (managers and admins)', params: IdParams, response: responses({ 204: Type.Null() }) } },
    async (req, reply) => {
      await deleteDeal(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
