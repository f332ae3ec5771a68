// Every background job and recurring schedule, listed explicitly (no discovery). A capability adds
// its job definitions here; the runner refuses a schedule whose job is not listed.
import { deleteExpiredSessionsJob, deleteExpiredSessionsSchedule } from '../identity/sessions.jobs.js';
import { notificationEmailJob } from '../notifications/email.jobs.js';
import type { JobDefinition, ScheduleDefinition } from './job.js';

export const JOBS: readonly JobDefinition<any>[] = [deleteExpiredSessionsJob, notificationEmailJob];

export const SCHEDULES: readonly ScheduleDefinition[] = [deleteExpiredSessionsSchedule];
