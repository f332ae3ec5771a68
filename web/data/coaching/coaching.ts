// The coaching screens' reads and writes (writes go through web/data/write.tsx#useWrite): relationships with cadence, sessions, action items, the
// skill model and profiles, deal reviews. Query keys start with 'coaching' so one invalidation
// after a save refreshes every coaching screen, the outside coach's Home (CoachHome) included.
import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Agenda } from '../../../api/coaching-agenda';
import type { DealReview, DealReviewCreate, DealReviewList } from '../../../api/coaching-deal-reviews';
import type { FocusSuggestions, FocusSummary, FocusSummaryList } from '../../../api/coaching-focus';
import { MAX_FOCUS_BATCH } from '../../../api/coaching-focus-limits';
import type { CoachingObjective, ObjectiveCreate, ObjectiveList, ObjectivePatch } from '../../../api/coaching-objectives';
import type { RatingCreate, SkillProfile, SkillRating } from '../../../api/coaching-ratings';
import type { CoachingRelationship, RelationshipCreate, RelationshipList } from '../../../api/coaching-relationships';
import type {
  ActionItem,
  ActionItemInput,
  ActionItemList,
  ActionItemPatch,
  CoachingSession,
  SessionCreate,
  SessionList,
  SessionPatch,
} from '../../../api/coaching-sessions';
import type { SkillModel, SkillModelPut } from '../../../api/coaching-skills';
import { api } from '../../app/api';

export function useRelationships(query: { coachId?: string; coacheeId?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: ['coaching', 'relationships', query],
    queryFn: () => api.get<RelationshipList>('/api/v1/coaching-relationships', query).then((r) => r.items),
    enabled,
  });
}

export function useSessions(query: { coachId?: string; coacheeId?: string; state?: 'upcoming' | 'held' | 'overdue'; limit?: number }, enabled = true) {
  return useQuery({
    queryKey: ['coaching', 'sessions', query],
    queryFn: () => api.get<SessionList>('/api/v1/coaching-sessions', query).then((r) => r.items),
    enabled,
  });
}

export const fetchSession = (id: string) => api.get<CoachingSession>(`/api/v1/coaching-sessions/${encodeURIComponent(id)}`);

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: ['coaching', 'session', id], queryFn: () => fetchSession(id as string), enabled: Boolean(id) });
}

/** Action items at once (the server's first 500): for counting across a coach's people. */
export function useActionItems(query: { ownerId?: string; coacheeId?: string; open?: boolean }, enabled = true) {
  return useQuery({
    queryKey: ['coaching', 'action-items', query],
    queryFn: () => api.get<ActionItemList>('/api/v1/action-items', query).then((r) => r.items),
    enabled,
  });
}

/** One person's action items a page at a time (by due date, undated last), with the total count. */
export function useActionItemPages(query: { coacheeId: string; open?: boolean }, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['coaching', 'action-items', 'pages', query, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api.get<ActionItemList>('/api/v1/action-items', { ...query, limit: pageSize, cursor: pageParam ?? undefined }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSkillModel() {
  return useQuery({ queryKey: ['coaching', 'skill-model'], queryFn: () => api.get<SkillModel>('/api/v1/skill-model'), staleTime: 5 * 60_000 });
}

export function useSkillProfile(userId: string | undefined) {
  return useQuery({
    queryKey: ['coaching', 'profile', userId],
    queryFn: () => api.get<SkillProfile>(`/api/v1/skill-profiles/${encodeURIComponent(userId as string)}`),
    enabled: Boolean(userId),
  });
}

export function useDealReviews(dealId: string, enabled = true) {
  return useQuery({
    queryKey: ['coaching', 'deal-reviews', dealId],
    queryFn: () => api.get<DealReviewList>(`/api/v1/deals/${encodeURIComponent(dealId)}/reviews`).then((r) => r.items),
    enabled,
  });
}

/** A coachee's objectives (archived ones too when asked), each with its status and verified effect. */
export function useObjectives(coacheeId: string, archived = false) {
  return useQuery({
    queryKey: ['coaching', 'objectives', coacheeId, archived],
    queryFn: () => api.get<ObjectiveList>('/api/v1/coaching-objectives', { coacheeId, archived: String(archived) }).then((r) => r.items),
  });
}

export const fetchObjective = (id: string) => api.get<CoachingObjective>(`/api/v1/coaching-objectives/${encodeURIComponent(id)}`);

/** The coachee's funnel levers against their team (the objective form's suggested KPIs). */
export function useFocus(coacheeId: string, enabled = true) {
  return useQuery({
    queryKey: ['coaching', 'focus', coacheeId],
    queryFn: () => api.get<FocusSuggestions>('/api/v1/coaching-focus', { coacheeId }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * The top focus of each coachee of a list, in one request per 50 (the server's batch limit) rather
 * than one per row; keyed by coachee id.
 */
export function useTopFocus(coacheeIds: readonly string[]) {
  const ids = [...new Set(coacheeIds)].sort();
  return useQuery({
    queryKey: ['coaching', 'focus-top', ids],
    queryFn: async () => {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += MAX_FOCUS_BATCH) chunks.push(ids.slice(i, i + MAX_FOCUS_BATCH));
      const pages = await Promise.all(chunks.map((c) => api.get<FocusSummaryList>('/api/v1/coaching-focus/top', { coacheeIds: c.join(',') })));
      return new Map<string, FocusSummary>(pages.flatMap((p) => p.items.map((x) => [x.coachee.id, x] as const)));
    },
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
  });
}

export const putSkillModel = (body: SkillModelPut) => api.put<SkillModel>('/api/v1/skill-model', body);
/** The prepared agenda from live data (focus trend, deals at risk, overdue actions, last notes). */
export function useAgenda(coacheeId: string, enabled = true) {
  return useQuery({ queryKey: ['coaching', 'agenda', coacheeId], queryFn: () => api.get<Agenda>('/api/v1/coaching-agenda', { coacheeId }), enabled });
}

export const createRelationship = (body: RelationshipCreate) => api.post<CoachingRelationship>('/api/v1/coaching-relationships', body);
export const createSession = (body: SessionCreate) => api.post<CoachingSession>('/api/v1/coaching-sessions', body);
export const patchSession = (id: string, body: SessionPatch) => api.patch<CoachingSession>(`/api/v1/coaching-sessions/${encodeURIComponent(id)}`, body);
export const addActionItem = (sessionId: string, body: ActionItemInput) =>
  api.post<ActionItem>(`/api/v1/coaching-sessions/${encodeURIComponent(sessionId)}/action-items`, body);
export const patchActionItem = (id: string, body: ActionItemPatch) => api.patch<ActionItem>(`/api/v1/action-items/${encodeURIComponent(id)}`, body);
export const rateSkill = (body: RatingCreate) => api.post<SkillRating>('/api/v1/skill-ratings', body);
export const createDealReview = (dealId: string, body: DealReviewCreate) => api.post<DealReview>(`/api/v1/deals/${encodeURIComponent(dealId)}/reviews`, body);

export const createObjective = (body: ObjectiveCreate) => api.post<CoachingObjective>('/api/v1/coaching-objectives', body);
export const patchObjective = (id: string, body: ObjectivePatch) => api.patch<CoachingObjective>(`/api/v1/coaching-objectives/${encodeURIComponent(id)}`, body);

/** After any coaching write: every coaching screen and the coach's Home read fresh. */
export const refreshCoaching = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['coaching'] });

/** A deal review is on the deal's timeline too. */
export const refreshDealReviews = (queryClient: QueryClient) =>
  Promise.all([refreshCoaching(queryClient), queryClient.invalidateQueries({ queryKey: ['timeline'] })]);
