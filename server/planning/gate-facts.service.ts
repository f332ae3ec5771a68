// The call-plan fact the stage gate needs: "a reviewed call plan exists for the next meeting".
// The next meeting is the deal's earliest meeting at or after now; with none scheduled the
// criterion is unmet, since there is nothing planned to advance the deal with.
import type { Ctx } from '../context.js';
import type { HookFact } from '../process/criteria.js';
import { nextMeetingWithPlan } from './gate-facts.repo.js';

export async function callPlanReviewedForNextMeeting(ctx: Ctx, dealId: string): Promise<HookFact> {
  const next = await nextMeetingWithPlan(ctx.db, ctx.actor.workspaceId, dealId, ctx.now());
  if (!next) return { state: 'unmet', hint: 'No upcoming meeting on this deal: schedule the next meeting and have its call plan reviewed' };
  const when = new Date(Number(next.occurred_at)).toISOString().slice(0, 10);
  if (next.status === null) return { state: 'unmet', hint: `The next meeting ("${next.subject}", ${when}) has no call plan yet` };
  if (next.status !== 'reviewed')
    return { state: 'unmet', hint: `The call plan for the next meeting ("${next.subject}", ${when}) is ${next.status}; a manager must review it` };
  return { state: 'met' };
}
