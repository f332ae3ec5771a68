// The caller's calendar feed: whether a private address is live, making a new one (its address
// comes back once) and revoking it.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { CalendarFeed, CalendarFeedCreated } from '../../../api/rituals';
import { api } from '../../app/api';

export function useCalendarFeed() {
  return useQuery({ queryKey: ['calendar-feed'], queryFn: ({ signal }) => api.get<CalendarFeed>('/api/v1/calendar-feed', undefined, { signal }) });
}

export const createCalendarFeed = () => api.post<CalendarFeedCreated>('/api/v1/calendar-feed', {});
export const revokeCalendarFeed = () => api.delete<CalendarFeed>('/api/v1/calendar-feed');

export const refreshCalendarFeed = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
