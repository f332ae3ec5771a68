// Ritual notifications: the occurrence they link to (named only for someone who may read the
// ritual now) and "a ritual starts in an hour", raised by rhythm/ritual-reminders.jobs.ts.
import { defineNotificationKind, defineRecordType } from '../notifications/kind.js';
import { ritualReadScope } from './ritual-scope.service.js';
import { listRitualViews, ritualNames } from './rituals.repo.js';

export const ritualOccurrenceRecord = defineRecordType({
  type: 'ritual-occurrence',
  hidden: 'a ritual you cannot see',
  path: (id) => `/rituals/occurrences/${id}`,
  readableNames: async (ctx, ids) => {
    const rows = await ritualNames(ctx.db, ctx.actor.workspaceId, ids);
    const scope = await ritualReadScope(ctx).catch(() => null);
    if (!scope) return new Map();
    const readable = new Set(
      (await listRitualViews(ctx.db, ctx.actor.workspaceId, { scope, ids: [...new Set(rows.map((r) => r.ritual_id))] })).map((r) => r.id),
    );
    return new Map(rows.filter((r) => readable.has(r.ritual_id)).map((r) => [r.id, r.title]));
  },
});

export const ritualStartsSoon = defineNotificationKind<{ startsAt: string }>({
  id: 'rhythm.ritual-starting',
  label: 'A ritual you own or attend starts in an hour',
  record: ritualOccurrenceRecord,
  title: ({ record }) => `${record ?? ritualOccurrenceRecord.hidden} starts in an hour`,
  defaults: { inApp: true, email: true },
});
