// Process adherence and gate calibration, with the drill-downs behind every number.
import { AdherenceDealPage, AdherenceDealsQuery, AdherenceMovePage, AdherenceMovesQuery, AdherenceQuery, AdherenceReport } from '../../api/adherence.js';
import { Calibration, CalibrationDealPage, CalibrationDealsQuery, CalibrationQuery } from '../../api/gate-calibration.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { adherenceReport } from './adherence.service.js';
import { adherenceDeals, adherenceMoves } from './adherence-drilldown.service.js';
import { calibration, calibrationDeals } from './calibration.service.js';

export function registerAdherenceRoutes(app: App): void {
  const tags = ['process'];
  app.get(
    '/api/v1/process/adherence',
    {
      schema: {
        tags,
        summary:
          'Process adherence for a period: moves that met every exit criterion without override or skipped stage ÷ all moves, the probability-weighted variant, overrides, skips, backward moves, aging deals and deals without a next step; weekly, per rep and per team',
        querystring: AdherenceQuery,
        response: responses({ 200: AdherenceReport }),
      },
    },
    async (req) => adherenceReport(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/process/adherence/moves',
    {
      schema: {
        tags,
        summary: 'The stage moves behind an adherence number, newest first',
        querystring: AdherenceMovesQuery,
        response: responses({ 200: AdherenceMovePage }),
      },
    },
    async (req) => adherenceMoves(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/process/adherence/deals',
    {
      schema: {
        tags,
        summary: 'The deals open, past their aging limit or without a next step at the end of a day (default: now), longest in stage first',
        querystring: AdherenceDealsQuery,
        response: responses({ 200: AdherenceDealPage }),
      },
    },
    async (req) => adherenceDeals(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/process/calibration',
    {
      schema: {
        tags,
        summary: 'Gate calibration for closed deals: win rate by stage reached vs configured probability, and per criterion the win rate when met vs not',
        querystring: CalibrationQuery,
        response: responses({ 200: Calibration }),
      },
    },
    async (req) => calibration(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/process/calibration/deals',
    {
      schema: {
        tags,
        summary: 'The closed deals behind a calibration number',
        querystring: CalibrationDealsQuery,
        response: responses({ 200: CalibrationDealPage }),
      },
    },
    async (req) => calibrationDeals(ctxOf(req), req.query),
  );
}
