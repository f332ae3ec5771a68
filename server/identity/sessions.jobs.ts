// Expired sessions are refused at sign-in check already; this job removes their rows so the table
// does not grow with every browser that never signed out.
import { defineJob, defineSchedule } from '../jobs/job.js';
import { deleteExpiredSessions } from './sessions.repo.js';

export const deleteExpiredSessionsJob = defineJob<Record<string, never>>({
  name: 'identity.delete-expired-sessions',
  description: 'Deletes sign-in sessions that have expired',
  retryLimit: 2,
  handler: async (job) => {
    await deleteExpiredSessions(job.db, job.now());
  },
});

/** Hourly, system-wide (sessions of every workspace at once). */
export const deleteExpiredSessionsSchedule = defineSchedule({ job: deleteExpiredSessionsJob, cron: '17 * * * *', scope: 'system' });
