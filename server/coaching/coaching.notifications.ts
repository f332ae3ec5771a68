// Coaching notifications: "coaching with X is overdue" (to the coach and the coachee's manager) and
// "an action item from a session is due / overdue" (to its owner), raised by
// coaching/reminders.jobs.ts; "your deal was reviewed" (to the owner), raised by the review itself. Records are named only for a reader who reaches them now.
import { dealRecord } from '../crm/deal.notifications.js';
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';
import { coachingScopeOrNull, reaches } from './coaching-scope.service.js';
import { sessionLabels, userLabels } from './reminders.repo.js';

export const coacheeRecord = defineRecordType({
  type: 'coaching-coachee',
  hidden: 'someone you cannot see',
  path: (id) => `/coaching/people/${id}`,
  readableNames: async (ctx, ids) => {
    const scope = await coachingScopeOrNull(ctx, 'read');
    const rows = await userLabels(ctx.db, ctx.actor.workspaceId, ids);
    return new Map(rows.filter((r) => reaches(scope, ctx, { coacheeId: r.id })).map((r) => [r.id, r.name]));
  },
});

export const sessionRecord = defineRecordType({
  type: 'coaching-session',
  hidden: 'a coaching session you cannot see',
  path: (id) => `/coaching/sessions/${id}`,
  readableNames: async (ctx, ids) => {
    const scope = await coachingScopeOrNull(ctx, 'read');
    const rows = await sessionLabels(ctx.db, ctx.actor.workspaceId, ids);
    return new Map(
      rows
        .filter((r) => reaches(scope, ctx, { coacheeId: r.coachee_id, coachId: r.coach_id }))
        .map((r) => [r.id, `the session with ${r.coachee_name} on ${new Date(Number(r.scheduled_at)).toISOString().slice(0, 10)}`]),
    );
  },
});

export const sessionOverdue = defineNotificationKind<{ cadenceDays: number; dueAt: string }>({
  id: 'coaching.session-overdue',
  label: 'Coaching you give (or your people get) is past its cadence',
  record: coacheeRecord,
  title: ({ record, data }) => `Coaching with ${record ?? coacheeRecord.hidden} is overdue (every ${data.cadenceDays} days)`,
  defaults: { inApp: true, email: true },
});

export const actionItemDue = defineNotificationKind<{ dueDate: string; overdue: boolean }>({
  id: 'coaching.action-item-due',
  label: 'A coaching action item of yours is due or overdue',
  record: sessionRecord,
  title: ({ record, data }) =>
    data.overdue
      ? `An action item from ${record ?? sessionRecord.hidden} is overdue (due ${data.dueDate})`
      : `An action item from ${record ?? sessionRecord.hidden} is due today`,
  defaults: { inApp: true, email: false },
});

export const dealReviewed = defineNotificationKind<Record<string, never>>({
  id: 'coaching.deal-reviewed',
  label: 'Your coach reviews one of your deals',
  record: dealRecord,
  title: ({ actor, record }) => `${actor ?? 'Your coach'} reviewed ${record ?? dealRecord.hidden}`,
  defaults: { inApp: true, email: true },
});
