// Role dashboards: one call for everything a rep, manager or CSO dashboard shows.
import { Dashboard, DashboardQuery } from '../../api/measurement-dashboard.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { dashboard } from './dashboard.service.js';

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
}
