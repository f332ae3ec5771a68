// The KPI catalogue, a KPI for a scope, period and as-of date, its trend, and its drill-down.
import { KpiCatalogue, KpiParams, KpiQuery, KpiRecordPage, KpiRecordsQuery, KpiResult, KpiTrend, KpiTrendQuery } from '../../api/measurement.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { catalogue, kpiRecords, kpiTrend, kpiValue } from './kpi.service.js';

export function registerKpiRoutes(app: App): void {
  const tags = ['measurement'];
  app.get(
    '/api/v1/kpis',
    {
      schema: {
        tags,
        summary: 'The KPI catalogue: every KPI with its formula, unit, period basis and definition version',
        response: responses({ 200: KpiCatalogue }),
      },
    },
    async (req) => {
      ctxOf(req);
      return catalogue();
    },
  );
  app.get(
    '/api/v1/kpis/:id',
    {
      schema: {
        tags,
        summary:
          'A KPI for a scope (rep, team subtree, workspace) and period, optionally as it was known at a past date, with its formula and drill-down links',
        params: KpiParams,
        querystring: KpiQuery,
        response: responses({ 200: KpiResult }),
      },
    },
    async (req) => kpiValue(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/kpis/:id/trend',
    {
      schema: {
        tags,
        summary: 'A KPI per week, month or quarter over a period (default: the current fiscal year by month)',
        params: KpiParams,
        querystring: KpiTrendQuery,
        response: responses({ 200: KpiTrend }),
      },
    },
    async (req) => kpiTrend(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/kpis/:id/records',
    {
      schema: {
        tags,
        summary: 'The records behind the numerator or denominator of a KPI (the same query as the figure), as they stood at the as-of instant',
        params: KpiParams,
        querystring: KpiRecordsQuery,
        response: responses({ 200: KpiRecordPage }),
      },
    },
    // Marketing may open the leads behind funnel KPIs (never deals): kpiRecords checks per KPI.
    async (req) => kpiRecords(ctxOf(req), req.params.id, req.query),
  );
}
