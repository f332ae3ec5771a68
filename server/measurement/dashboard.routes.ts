// Role dashboards: one call for everything a rep, manager or CSO dashboard shows, and marketing's
// funnel in aggregates.
import { Dashboard, DashboardQuery, FunnelDashboard, FunnelQuery, LeadFunnelDashboard, LeadFunnelQuery } from '../../api/measurement-dashboard.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { dashboard } from './dashboard.service.js';
import { funnelDashboard } from './dashboard-funnel.service.js';
import { leadFunnelDashboard } from './dashboard-leads.service.js';

export function registerDashboardRoutes(app: App): void {
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['measurement'],
        summary:
          'A role dashboard: headline KPIs with formulas and drill-downs, monthly trends over the fiscal year, pipeline by stage, people compared, and the expectations with their status',
        querystring: DashboardQuery,
        response: responses({ 200: Dashboard }),
      },
    },
    async (req) => dashboard(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/dashboard/funnel',
    {
      schema: {
        tags: ['measurement'],
        summary:
          'Marketing’s dashboard (marketing and admins): pipeline created, win rate and bookings for the workspace with their formulas, month by month over the fiscal year, and by deal source and campaign — aggregates only, no deal records',
        querystring: FunnelQuery,
        response: responses({ 200: FunnelDashboard }),
      },
    },
    async (req) => funnelDashboard(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/dashboard/leads',
    {
      schema: {
        tags: ['measurement'],
        summary:
          'The lead funnel both sides look at: MQLs and conversion MQL → SAL → SQL → opportunity → won, sales SLA compliance (accept, first touch, attempts), marketing delivery against commitment, speed to lead and rejections by reason, each with its formula and drill-down to the leads; marketing reads the workspace, reps their own, managers their teams',
        querystring: LeadFunnelQuery,
        response: responses({ 200: LeadFunnelDashboard }),
      },
    },
    async (req) => leadFunnelDashboard(ctxOf(req), req.query),
  );
}
