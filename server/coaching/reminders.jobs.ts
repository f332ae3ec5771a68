// Coaching reminders: a daily schedule per workspace finds relationships past their cadence (told to
// the coach and the coachee's manager) and open action items due today or overdue (told to their
// owner), and queues one reminder job each with a singleton key naming the occasion. The reminder
// records the occasion (coaching_reminders, unique key) and notifies in one transaction, so a second
// run of the schedule, a retried or a duplicated job never notifies twice.
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { defineJob, defineSchedule } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { systemCtx } from '../jobs/system-ctx.js';
import { notify } from '../notifications/notifications.service.js';
import { cadenceStatus } from './cadence.js';
import { actionItemDue, sessionOverdue } from './coaching.notifications.js';
import { listRelationshipViews } from './relationships.repo.js';
import { claimReminder, managerOf, openItemsDueBy } from './reminders.repo.js';

type Reminder =
  | { kind: 'session-overdue'; key: string; recipientId: string; coacheeId: string; cadenceDays: number; dueAt: number }
  | { kind: 'action-item-due'; key: string; recipientId: string; itemId: string; sessionId: string; dueDate: string; overdue: boolean };

export const coachingReminderJob = defineJob<Reminder>({
  name: 'coaching.reminder',
  description: 'Reminds about an overdue coaching session or action item',
  retryLimit: 3,
  handler: async (job) => {
    await job.db.transaction().execute(async (trx) => {
      const ctx = systemCtx(job, trx);
      const r = job.payload;
      const recordId = r.kind === 'session-overdue' ? r.coacheeId : r.sessionId;
      const claimed = await claimReminder(trx, {
        key: r.key,
        workspace_id: ctx.actor.workspaceId,
        kind: r.kind,
        record_id: r.kind === 'session-overdue' ? r.coacheeId : r.itemId,
        recipient_id: r.recipientId,
        created_at: job.now(),
      });
      if (!claimed) return;
      if (r.kind === 'session-overdue') {
        await notify(ctx, sessionOverdue, {
          recipientId: r.recipientId,
          recordId,
          data: { cadenceDays: r.cadenceDays, dueAt: new Date(r.dueAt).toISOString() },
        });
      } else {
        await notify(ctx, actionItemDue, { recipientId: r.recipientId, recordId, data: { dueDate: r.dueDate, overdue: r.overdue } });
      }
    });
  },
});

/** What is due today in a workspace, each occasion named by its key. */
export async function dueReminders(ctx: Ctx): Promise<Reminder[]> {
  const ws = ctx.actor.workspaceId;
  const now = ctx.now();
  const today = calendarDate(now, (await getWorkspace(ctx)).timezone);
  const out: Reminder[] = [];
  for (const v of await listRelationshipViews(ctx.db, ws, now)) {
    const c = cadenceStatus(v.last_held_at, v.cadence_days, now);
    if (c.status !== 'overdue') continue;
    const manager = await managerOf(ctx.db, ws, v.coachee_id);
    for (const recipientId of new Set([v.coach_id, ...(manager && manager !== v.coachee_id ? [manager] : [])])) {
      out.push({
        kind: 'session-overdue',
        key: `session-overdue:${v.coach_id}:${v.coachee_id}:${c.dueAt}:${recipientId}`,
        recipientId,
        coacheeId: v.coachee_id,
        cadenceDays: v.cadence_days,
        dueAt: c.dueAt,
      });
    }
  }
  for (const item of await openItemsDueBy(ctx.db, ws, today)) {
    const overdue = (item.due_date as string) < today;
    out.push({
      kind: 'action-item-due',
      key: `action-item-due:${item.id}:${overdue ? 'overdue' : 'due'}`,
      recipientId: item.owner_id,
      itemId: item.id,
      sessionId: item.session_id,
      dueDate: item.due_date as string,
      overdue,
    });
  }
  return out;
}

export const planCoachingRemindersJob = defineJob<Record<string, never>>({
  name: 'coaching.plan-reminders',
  description: 'Plans coaching reminders',
  retryLimit: 1,
  handler: async (job) => {
    if (!job.workspaceId) return;
    for (const r of await dueReminders(systemCtx(job))) {
      await enqueue(job, coachingReminderJob, r, { workspaceId: job.workspaceId, singletonKey: r.key });
    }
  },
});

export const planCoachingRemindersSchedule = defineSchedule({ job: planCoachingRemindersJob, cron: '0 7 * * *', scope: 'workspace' });
