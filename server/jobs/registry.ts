// Every background job and recurring schedule, listed explicitly (no discovery). A capability adds
// its job definitions here; the runner refuses a schedule whose job is not listed.
import { leadSlaAlertJob, planLeadSlaAlertsJob, planLeadSlaAlertsSchedule } from '../alignment/sla-alerts.jobs.js';
import { coachingReminderJob, planCoachingRemindersJob, planCoachingRemindersSchedule } from '../coaching/reminders.jobs.js';
import { importJob } from '../crm/import-export/import.jobs.js';
import { deleteExpiredSessionsJob, deleteExpiredSessionsSchedule } from '../identity/sessions.jobs.js';
import { evaluateExpectationsJob, evaluateExpectationsSchedule } from '../measurement/expectation-alerts.jobs.js';
import { notificationEmailJob } from '../notifications/email.jobs.js';
import { purgeAuditJob, purgeAuditSchedule } from '../ops/audit.jobs.js';
import { deliverWebhookJob } from '../ops/webhooks.jobs.js';
import { planWeeklyDigestJob, weeklyDigestJob, weeklyDigestSchedule } from '../rhythm/digest.jobs.js';
import { disciplineAlertsJob, disciplineAlertsSchedule } from '../rhythm/discipline-alerts.jobs.js';
import {
  extendRitualsJob,
  extendRitualsSchedule,
  planRitualRemindersJob,
  planRitualRemindersSchedule,
  ritualReminderJob,
} from '../rhythm/ritual-reminders.jobs.js';
import type { JobDefinition, ScheduleDefinition } from './job.js';

// biome-ignore lint/suspicious/noExplicitAny: a list of jobs with different payloads; each is typed where it is defined and enqueued
export const JOBS: readonly JobDefinition<any>[] = [
  deleteExpiredSessionsJob,
  notificationEmailJob,
  deliverWebhookJob,
  purgeAuditJob,
  ritualReminderJob,
  planRitualRemindersJob,
  extendRitualsJob,
  planCoachingRemindersJob,
  coachingReminderJob,
  weeklyDigestJob,
  planWeeklyDigestJob,
  disciplineAlertsJob,
  importJob,
  evaluateExpectationsJob,
  planLeadSlaAlertsJob,
  leadSlaAlertJob,
];

export const SCHEDULES: readonly ScheduleDefinition[] = [
  deleteExpiredSessionsSchedule,
  purgeAuditSchedule,
  planRitualRemindersSchedule,
  extendRitualsSchedule,
  planCoachingRemindersSchedule,
  weeklyDigestSchedule,
  disciplineAlertsSchedule,
  evaluateExpectationsSchedule,
  planLeadSlaAlertsSchedule,
];
