// The call plans' reads and writes (writes go through web/data/write.tsx#useWrite): a plan, the
// plans of a meeting or a deal, the week's planned meetings; create, edit, review, debrief. Query
// keys start with 'call-plans' or 'planned-meetings', so one refresh after a save updates the plan,
// the meetings list and the deal page's plans.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { CallPlan, CallPlanCreate, CallPlanDebriefPut, CallPlanPatch, CallPlanReview } from '../../../api/call-plans';
import type { PlannedMeeting } from '../../../api/planned-meetings';
import { api } from '../../app/api';

type CallPlanList = { items: CallPlan[] };
type PlannedMeetings = { items: PlannedMeeting[] };

const planPath = (id: string) => `/api/v1/call-plans/${encodeURIComponent(id)}`;

export function useCallPlan(id: string | undefined) {
  return useQuery({
    queryKey: ['call-plans', id],
    queryFn: ({ signal }) => api.get<CallPlan>(planPath(id as string), undefined, { signal }),
    enabled: Boolean(id),
  });
}

/** The plan of a meeting (an activity): at most one. */
export function useMeetingPlans(activityId: string) {
  return useQuery({
    queryKey: ['call-plans', 'activity', activityId],
    queryFn: ({ signal }) => api.get<CallPlanList>('/api/v1/call-plans', { activityId }, { signal }).then((r) => r.items),
  });
}

export function useDealPlans(dealId: string) {
  return useQuery({
    queryKey: ['call-plans', 'deal', dealId],
    queryFn: ({ signal }) => api.get<CallPlanList>('/api/v1/call-plans', { dealId }, { signal }).then((r) => r.items),
  });
}

/** The meetings of the next 7 days (the server's default window) with the state of their plans. */
export function usePlannedMeetings() {
  return useQuery({
    queryKey: ['planned-meetings'],
    queryFn: ({ signal }) => api.get<PlannedMeetings>('/api/v1/planned-meetings', undefined, { signal }).then((r) => r.items),
  });
}

/** A deal's meetings of the next 60 days, to offer planning those without a plan. */
export function useDealPlannedMeetings(dealId: string) {
  return useQuery({
    queryKey: ['planned-meetings', 'deal', dealId],
    queryFn: ({ signal }) => {
      const from = new Date().toISOString();
      const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
      return api.get<PlannedMeetings>('/api/v1/planned-meetings', { from, to }, { signal }).then((r) => r.items.filter((m) => m.dealId === dealId));
    },
  });
}

export const createCallPlan = (body: CallPlanCreate) => api.post<CallPlan>('/api/v1/call-plans', body);
export const patchCallPlan = (id: string, body: CallPlanPatch) => api.patch<CallPlan>(planPath(id), body);
export const reviewCallPlan = (id: string, body: CallPlanReview) => api.post<CallPlan>(`${planPath(id)}/review`, body);
export const debriefCallPlan = (id: string, body: CallPlanDebriefPut) => api.put<CallPlan>(`${planPath(id)}/debrief`, body);

/** After any plan write: the plan, every plan list and the meetings lists read fresh. */
export const refreshPlanning = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['call-plans'] }), queryClient.invalidateQueries({ queryKey: ['planned-meetings'] })]);

/** A debrief also changes the deal: its qualification, its gate and its timeline. */
export const refreshDebrief = (queryClient: QueryClient, dealId: string) =>
  Promise.all([
    refreshPlanning(queryClient),
    queryClient.invalidateQueries({ queryKey: ['deals', 'qualification', dealId] }),
    queryClient.invalidateQueries({ queryKey: ['deals', 'gate', dealId] }),
    queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', dealId] }),
  ]);
