// Home's week from the ordinary list endpoints, in the caller's scope (own, team, all): deals past
// or near their close date, the process's aging and no-next-step deals, overdue tasks, meetings and
// the board's counts. Keys start with 'home'; a deal or activity write refreshes them with the lists.
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Activity } from '../../../api/activities';
import type { AdherenceDealPage } from '../../../api/adherence';
import type { Board, Deal } from '../../../api/deals';
import { addDays } from '../../../lib/calendar';
import { api } from '../../app/api';
import { todayLocal } from '../../app/format';
import type { Page } from '../records';

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
      aging: '/process/deals?filter=aging',
      noNextStep: '/process/deals?filter=noNextStep',
    },
    pastClose: useQuery({
      ...opts,
      queryKey: ['home', 'pastClose', yesterday],
      queryFn: () => list<Deal>('deals', { status: 'open', closeTo: yesterday, sort: 'closeDate', limit: 50 }),
    }),
    closingSoon: useQuery({
      ...opts,
      queryKey: ['home', 'closingSoon', today],
      queryFn: () => list<Deal>('deals', { status: 'open', closeFrom: today, closeTo: in14, sort: 'closeDate', limit: 200 }),
    }),
    // The same definitions the process adherence figures use, longest in stage first.
    aging: useQuery({
      ...opts,
      queryKey: ['home', 'aging'],
      queryFn: () => api.get<AdherenceDealPage>('/api/v1/process/adherence/deals', { filter: 'aging', limit: 50 }),
    }),
    noNextStep: useQuery({
      ...opts,
      queryKey: ['home', 'noNextStep'],
      queryFn: () => api.get<AdherenceDealPage>('/api/v1/process/adherence/deals', { filter: 'noNextStep', limit: 50 }),
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
