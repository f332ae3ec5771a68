// The lead funnel dashboard (GET /api/v1/dashboard/leads): every funnel KPI for a scope and period
// in one request, and the same per source, campaign or agreement version (each figure's breakdown).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeadGroup } from '../../../api/measurement';
import type { LeadFunnelDashboard } from '../../../api/measurement-dashboard';
import { api } from '../../app/api';
import type { MeasureQuery } from '../../measurement/kpi-links';

export function useLeadFunnel(q: MeasureQuery, leadGroup?: LeadGroup) {
  const params = { scope: q.scope, scopeId: q.scopeId, period: q.period, from: q.from, to: q.to, asOf: q.asOf, leadGroup };
  return useQuery({
    queryKey: ['measurement', 'lead-funnel', params],
    queryFn: ({ signal }) => api.get<LeadFunnelDashboard>('/api/v1/dashboard/leads', params, { signal }),
    placeholderData: keepPreviousData,
  });
}
