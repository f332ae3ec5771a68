// "This week's meetings": every meeting the caller can see in a window, with its plan's state and
// the reminders worth acting on before it starts.
import type { PlannedMeeting, PlannedMeetingsQuery } from '../../api/planned-meetings.js';
import type { Ctx } from '../context.js';
import { invalidField } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { practiceReminders } from '../practice/reminders.service.js';
import { listMeetingsWithPlans } from './meetings.repo.js';

const DAY = 86_400_000;

function instant(text: string | undefined, field: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw invalidField(field, 'must be an ISO 8601 date-time');
  return ms;
}

export async function listPlannedMeetings(ctx: Ctx, query: PlannedMeetingsQuery): Promise<{ items: PlannedMeeting[] }> {
  const today = Math.floor(ctx.now() / DAY) * DAY;
  const from = instant(query.from, 'from', today);
  const to = instant(query.to, 'to', from + 7 * DAY);
  if (to <= from) throw invalidField('to', 'must be after from');
  if (to - from > 92 * DAY) throw invalidField('to', 'the window is at most 92 days');
  const rows = await listMeetingsWithPlans(ctx.db, ctx.actor.workspaceId, await ownerScope(ctx, 'activities', 'read'), from, to, query.ownerId);
  const reminders = await practiceReminders(
    ctx,
    rows
      .filter((r) => Number(r.occurred_at) >= ctx.now())
      .map((r) => ({ key: r.activity_id, ownerId: r.owner_id, meetingType: r.meeting_type, subject: r.subject })),
  );
  return {
    items: rows.map((r) => ({
      activityId: r.activity_id,
      subject: r.subject,
      at: new Date(Number(r.occurred_at)).toISOString(),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      dealId: r.deal_id,
      dealName: r.deal_name,
      planId: r.plan_id,
      planStatus: r.plan_status,
      meetingType: r.meeting_type,
      qualityScore: r.quality_score,
      debriefed: r.debriefed_at !== null,
      reminders: reminders.get(r.activity_id) ?? [],
    })),
  };
}
