// Home reads the week from the ordinary list endpoints, in the caller's scope (own, team, all).
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Activity } from '../../api/activities';
import type { Board, Deal } from '../../api/deals';
import type { Pipeline } from '../../api/pipelines';
import { api } from '../app/api';
import { addDays, daysSince, todayLocal } from '../app/format';
import type { Page } from '../crm/shared/resources';

const list = <T>(entity: string, params: Record<string, string | number | undefined>) => api.get<Page<T>>(`/api/v1/${entity}`, params);

export function useHomeData(enabled: boolean) {
  const today = todayLocal();
  const in14 = addDays(today, 14);
  const yesterday = addDays(today, -1);
  const nowIso = new Date().toISOString();
  const weekEnd = dayjs().add(7, 'day').toISOString();
  const opts = { enabled, staleTime: 30_000 };

  return {
    today,
    links: {
      pastClose: `/deals?closeTo=${yesterday}`,
      closingSoon: `/deals?closeFrom=${today}&closeTo=${in14}`,
      overdueTasks: `/activities?type=task&completed=false&to=${today}`,
      meetings: `/activities?type=meeting&from=${today}&to=${addDays(today, 7)}&sort=occurredAt`,
    },
    pastClose: useQuery({
      ...opts,
      queryKey: ['home', 'pastClose', yesterday],
      queryFn: () => list<Deal>('deals', { status: 'open', closeTo: yesterday, sort: 'closeDate', limit: 50 }),
    }),
    closingSoon: useQuery({
      ...opts,
      queryKey: ['home', 'closingSoon', today],
      queryFn: () => list<Deal>('deals', { status: 'open', closeFrom: today, closeTo: in14, sort: 'closeDate', limit: 50 }),
    }),
    // Longest in their stage first; the aging limit per stage comes from the pipeline.
    longInStage: useQuery({
      ...opts,
      queryKey: ['home', 'longInStage'],
      queryFn: () => list<Deal>('deals', { status: 'open', sort: 'stageEnteredAt', limit: 200 }),
    }),
    overdueTasks: useQuery({
      ...opts,
      queryKey: ['home', 'overdueTasks', today],
      queryFn: () => list<Activity>('activities', { type: 'task', completed: 'false', to: nowIso, sort: 'occurredAt', limit: 50 }),
    }),
    meetings: useQuery({
      ...opts,
      queryKey: ['home', 'meetings', today],
      queryFn: () => list<Activity>('activities', { type: 'meeting', from: nowIso, to: weekEnd, sort: 'occurredAt', limit: 50 }),
    }),
    board: useQuery({ ...opts, queryKey: ['home', 'board'], queryFn: () => api.get<Board>('/api/v1/deals/board', { perStage: 1 }) }),
  };
}

export function overAging(deals: Deal[], pipelines: Pipeline[] | undefined): { deal: Deal; days: number; limit: number }[] {
  const limits = new Map<string, number>();
  for (const p of pipelines ?? []) for (const s of p.stages) if (s.agingDays !== null) limits.set(s.id, s.agingDays);
  return deals
    .map((deal) => ({ deal, days: daysSince(deal.stageEnteredAt), limit: limits.get(deal.stageId) ?? Number.POSITIVE_INFINITY }))
    .filter((x) => x.days > x.limit)
    .sort((a, b) => b.days - b.limit - (a.days - a.limit));
}
