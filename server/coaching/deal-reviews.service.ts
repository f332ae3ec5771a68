// Deal reviews: a manager (or admin) inspects a deal they can see against its stage criteria and
// qualification and records findings and coaching notes. The review is written as a note on the
// deal's timeline (in the same transaction), notifies the owner and joins their next coaching agenda.
import type { DealReview, DealReviewCreate, DealReviewList } from '../../api/coaching-deal-reviews.js';
import { type Ctx, inTransaction } from '../context.js';
import { createActivity } from '../crm/activities.service.js';
import { getDeal } from '../crm/deals.service.js';
import { forbidden } from '../errors.js';
import { newId } from '../ids.js';
import { notify } from '../notifications/notifications.service.js';
import { dealReviewed } from './coaching.notifications.js';
import { coachingScope, reaches } from './coaching-scope.service.js';
import { type DealReviewView, insertReview, reviewsOfDeal } from './deal-reviews.repo.js';

export function toReview(r: DealReviewView): DealReview {
  return {
    id: r.id,
    dealId: r.deal_id,
    dealName: r.deal_name,
    reviewer: { id: r.reviewer_id, name: r.reviewer_name },
    owner: { id: r.owner_id, name: r.owner_name },
    stageName: r.stage_name,
    findings: r.findings,
    coachingNotes: r.coaching_notes,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function listDealReviews(ctx: Ctx, dealId: string): Promise<DealReviewList> {
  await getDeal(ctx, dealId);
  return { items: (await reviewsOfDeal(ctx.db, ctx.actor.workspaceId, dealId)).map(toReview) };
}

export async function createDealReview(ctx: Ctx, dealId: string, input: DealReviewCreate): Promise<DealReview> {
  const deal = await getDeal(ctx, dealId);
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') throw forbidden('Deal reviews are made by managers');
  if (deal.ownerId === ctx.actor.userId) throw forbidden('A deal review is made by the owner’s coach, not on your own deal');
  if (!reaches(await coachingScope(ctx, 'create'), ctx, { coacheeId: deal.ownerId })) throw forbidden('You do not coach this deal’s owner');
  return inTransaction(ctx, async (tx) => {
    const findings = input.findings.trim();
    const notes = input.coachingNotes?.trim() || null;
    const activity = await createActivity(
      tx,
      {
        type: 'note',
        subject: `Deal review by ${ctx.actor.name}`,
        body: notes ? `${findings}\n\nCoaching notes: ${notes}` : findings,
        dealId,
        ownerId: deal.ownerId,
        occurredAt: new Date(tx.now()).toISOString(),
      },
      'deal_review',
    );
    const id = newId();
    await insertReview(tx.db, {
      id,
      workspace_id: ctx.actor.workspaceId,
      deal_id: dealId,
      reviewer_id: ctx.actor.userId,
      owner_id: deal.ownerId,
      stage_id: deal.stageId,
      findings,
      coaching_notes: notes,
      activity_id: activity.id,
      created_at: tx.now(),
    });
    await notify(tx, dealReviewed, { recipientId: deal.ownerId, recordId: dealId, data: {} });
    const row = (await reviewsOfDeal(tx.db, ctx.actor.workspaceId, dealId)).find((r) => r.id === id);
    if (!row) throw new Error('review just written is missing');
    return toReview(row);
  });
}
