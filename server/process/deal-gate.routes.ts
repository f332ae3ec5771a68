// Registered from process-admin.routes.ts: the stage gate as a deal page sees it.

import { IdParams } from '../../api/common.js';
import { ChecklistTick, DealChecklistParams, DealGate, DealGateQuery } from '../../api/deal-gate.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { getDealGate, setChecklistTick } from './deal-gate.service.js';

export function registerDealGateRoutes(app: App): void {
  const tags = ['process'];
  app.get(
    '/api/v1/deals/:id/gate',
    {
      schema: {
        tags,
        summary: 'The deal’s stage guidance and every exit criterion of its next move (or of a move to ?to=), met or missing',
        params: IdParams,
        querystring: DealGateQuery,
        response: responses({ 200: DealGate }),
      },
    },
    async (req) => getDealGate(ctxOf(req), req.params.id, req.query.to),
  );
  app.put(
    '/api/v1/deals/:id/checklist/:criterionId',
    {
      schema: {
        tags,
        summary: 'Tick or untick a checklist item on a deal (kept in the deal’s history); answers the gate as it now is',
        params: DealChecklistParams,
        body: ChecklistTick,
        response: responses({ 200: DealGate }),
      },
    },
    async (req) => setChecklistTick(ctxOf(req), req.params.id, req.params.criterionId, req.body.checked),
  );
}
