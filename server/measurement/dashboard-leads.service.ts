// The lead funnel dashboard: every funnel KPI of the catalogue for one scope and period in one
// request. Each figure is exactly the KPI API's answer (kpi.service#resultOf on the same request),
// so the screen and GET /api/v1/kpis/:id never disagree, and its drill paths list the leads behind
// it. One request rather than twelve: KPI reads are limited per user (http/heavy-requests.ts).
import type { LeadFunnelDashboard, LeadFunnelQuery } from '../../api/measurement-dashboard.js';
import type { Ctx } from '../context.js';
import { resultOf } from './kpi.service.js';
import { buildRequest, kpiById } from './kpi-request.service.js';
import { loadOrg } from './scope.service.js';

/** Funnel order: the steps, their velocity and revenue (leads whose deal was won in the period), then both sides' SLA compliance (marketing's: new → MQL and delivery), speed to lead (median, 95th percentile and shares) and the rejections. */
export const LEAD_FUNNEL_KPIS = [
  'lead_mqls',
  'mql_to_sal',
  'sal_to_sql',
  'sql_to_opportunity',
  'opportunity_to_won',
  'mql_to_won',
  'lead_to_won_days',
  'lead_revenue',
  'lead_accept_sla',
  'lead_touch_sla',
  'lead_attempts_sla',
  'new_to_mql',
  'marketing_delivery',
  'speed_to_lead',
  'speed_to_lead_p95',
  'speed_to_lead_5m',
  'speed_to_lead_15m',
  'speed_to_lead_60m',
  'lead_rejections',
] as const;

export async function leadFunnelDashboard(ctx: Ctx, q: LeadFunnelQuery): Promise<LeadFunnelDashboard> {
  const org = ctx.actor.role === 'marketing' ? undefined : await loadOrg(ctx);
  const figures: LeadFunnelDashboard['figures'] = [];
  // In turn, not at once: on PostgreSQL heavy reads share a small pool (http/heavy-requests.ts).
  const { leadGroup, ...query } = q;
  for (const id of LEAD_FUNNEL_KPIS) {
    const req = await buildRequest(ctx, kpiById(id), query, { fallbackPeriod: 'quarter', ...(org ? { org } : {}) });
    figures.push(await resultOf(ctx, { ...req, leadGroup: leadGroup ?? null }));
  }
  const first = figures[0];
  if (!first) throw new Error('the funnel has figures');
  return { scope: first.scope, period: first.period, asOf: first.asOf, at: first.at, figures };
}
