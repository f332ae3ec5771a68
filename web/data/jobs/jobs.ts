// Background jobs as an admin sees them: the recurring schedules, the recent jobs by state, "run
// now" and retry. A write refreshes both lists: a queued job shows in each.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { JobList, JobListQuery, JobProgress, JobScheduleList } from '../../../api/jobs';
import { api } from '../../app/api';

export function useJobSchedules() {
  return useQuery({
    queryKey: ['job-schedules'],
    queryFn: ({ signal }) => api.get<JobScheduleList>('/api/v1/job-schedules', undefined, { signal }).then((r) => r.items),
  });
}

export function useJobs(state: JobListQuery['state']) {
  return useQuery({
    queryKey: ['jobs', state],
    queryFn: ({ signal }) => api.get<JobList>('/api/v1/jobs', { state, limit: 50 }, { signal }).then((r) => r.items),
  });
}

export const runScheduleNow = (name: string) => api.post(`/api/v1/job-schedules/${encodeURIComponent(name)}/run`);
export const retryJob = (id: string) => api.post(`/api/v1/jobs/${encodeURIComponent(id)}/retry`);

export const refreshJobs = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['job-schedules'] }), queryClient.invalidateQueries({ queryKey: ['jobs'] })]);

/** One job's progress, asked every `pollMs` until it is done or failed (a long import follows its own). */
export function useJobProgress(jobId: string, pollMs: number) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => api.get<JobProgress>(`/api/v1/jobs/${encodeURIComponent(jobId)}`, undefined, { signal }),
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'done' || q.state.data.state === 'failed') ? false : pollMs),
  });
}
