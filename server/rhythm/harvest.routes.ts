// The harvest plan and the per-team overrides of its assumptions.
import { HarvestOverride, HarvestOverrideList, HarvestOverrideParams, HarvestOverrideSet, HarvestPlan, HarvestPlanQuery } from '../../api/harvest.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { harvestPlanFor } from './harvest.service.js';
import { getHarvestOverride, listHarvestOverrides, setHarvestOverride } from './harvest-overrides.service.js';

export function registerHarvestRoutes(app: App): void {
  const tags = ['rhythm'];
  app.get(
    '/api/v1/harvest-plan',
    {
      schema: {
        tags,
        summary: 'The harvest plan of a fiscal year: pipeline to plant per month by team and rep, planted so far, behind months, the formulas and assumptions',
        querystring: HarvestPlanQuery,
        response: responses({ 200: HarvestPlan }),
      },
    },
    async (req) => harvestPlanFor(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/harvest-overrides',
    {
      schema: {
        tags,
        summary: 'Assumption overrides of the teams you manage (admin: all), with their changes',
        response: responses({ 200: HarvestOverrideList }),
      },
    },
    async (req) => listHarvestOverrides(ctxOf(req)),
  );
  app.get(
    '/api/v1/harvest-overrides/:teamId',
    {
      schema: { tags, summary: 'A team’s assumption override with its changes', params: HarvestOverrideParams, response: responses({ 200: HarvestOverride }) },
    },
    async (req) => getHarvestOverride(ctxOf(req), req.params.teamId),
  );
  app.put(
    '/api/v1/harvest-overrides/:teamId',
    {
      schema: {
        tags,
        summary: 'Override (or, with null, clear) a team’s win rate, average deal size or cycle length for the harvest plan; recorded and audited',
        params: HarvestOverrideParams,
        body: HarvestOverrideSet,
        response: responses({ 200: HarvestOverride }),
      },
    },
    async (req) => setHarvestOverride(ctxOf(req), req.params.teamId, req.body),
  );
}
