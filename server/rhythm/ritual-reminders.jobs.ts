// "A ritual starts in an hour": every five minutes a workspace schedule finds the occurrences
// starting within the hour and queues one reminder job each (singleton key per occurrence, so a
// second pass queues nothing new); the reminder marks the occurrence reminded and notifies its
// people in one transaction, so a retried or duplicated job never reminds twice. A daily schedule
// keeps a quarter of occurrences materialised ahead.
import { defineJob, defineSchedule } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { systemCtx } from '../jobs/system-ctx.js';
import { notify } from '../notifications/notifications.service.js';
import { ritualStartsSoon } from './ritual.notifications.js';
import { materialize } from './ritual-occurrences.service.js';
import { allRitualRows, claimReminder, dueForReminder, findOccurrenceView, peopleOf } from './rituals.repo.js';

const HOUR = 3_600_000;

export const ritualReminderJob = defineJob<{ occurrenceId: string }>({
  name: 'rhythm.ritual-reminder',
  description: 'Reminds attendees that a ritual starts soon',
  retryLimit: 3,
  handler: async (job) => {
    await job.db.transaction().execute(async (trx) => {
      const ctx = systemCtx(job, trx);
      const occurrence = await findOccurrenceView(trx, ctx.actor.workspaceId, job.payload.occurrenceId);
      // Completed, cancelled or already started: nothing to remind of.
      if (occurrence?.status !== 'scheduled' || Number(occurrence.scheduled_at) <= job.now()) return;
      if (!(await claimReminder(trx, occurrence.id, job.now()))) return;
      for (const recipientId of await peopleOf(trx, occurrence.ritual_id)) {
        await notify(ctx, ritualStartsSoon, {
          recipientId,
          recordId: occurrence.id,
          data: { startsAt: new Date(Number(occurrence.scheduled_at)).toISOString() },
        });
      }
    });
  },
});

export const planRitualRemindersJob = defineJob<Record<string, never>>({
  name: 'rhythm.plan-ritual-reminders',
  description: 'Plans reminders for upcoming rituals',
  retryLimit: 1,
  handler: async (job) => {
    if (!job.workspaceId) return;
    const now = job.now();
    for (const o of await dueForReminder(job.db, job.workspaceId, now, now + HOUR)) {
      await enqueue(
        job,
        ritualReminderJob,
        { occurrenceId: o.id },
        { workspaceId: job.workspaceId, runAt: Math.max(now, Number(o.scheduled_at) - HOUR), singletonKey: `ritual-reminder:${o.id}` },
      );
    }
  },
});

export const planRitualRemindersSchedule = defineSchedule({ job: planRitualRemindersJob, cron: '*/5 * * * *', scope: 'workspace' });

export const extendRitualsJob = defineJob<Record<string, never>>({
  name: 'rhythm.extend-rituals',
  description: 'Creates the next occurrences of recurring rituals',
  retryLimit: 2,
  handler: async (job) => {
    if (!job.workspaceId) return;
    const ctx = systemCtx(job);
    for (const ritual of await allRitualRows(job.db, job.workspaceId)) await materialize(ctx, ritual);
  },
});

export const extendRitualsSchedule = defineSchedule({ job: extendRitualsJob, cron: '20 2 * * *', scope: 'workspace' });
