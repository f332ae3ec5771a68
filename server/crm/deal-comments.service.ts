// Comments on a deal: a leader who may see the deal (manager of the owner's team, admin) comments
// for the rep, the rep answers on their own deal. Reach is the deal's: policy row deal_comments,
// applied to the deal owner; a deal outside it answers 404 like a missing one.
import type { DealComment, DealCommentCreate, DealCommentList } from '../../api/deal-comments.js';
import { type Ctx, inTransaction } from '../context.js';
import { notFound } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { notify } from '../notifications/notifications.service.js';
import { dealCommented } from './deal-comment.notifications.js';
import { commentersOfDeal, commentsOfDeal, type DealCommentRow, type DealCommentView, insertComment, visibleDealOwner } from './deal-comments.repo.js';

const toComment = (r: DealCommentView): DealComment => ({
  id: r.id,
  dealId: r.deal_id,
  author: { id: r.author_id, name: r.author_name },
  body: r.body,
  createdAt: new Date(Number(r.created_at)).toISOString(),
});

export async function listDealComments(ctx: Ctx, dealId: string): Promise<DealCommentList> {
  const scope = await ownerScope(ctx, 'deal_comments', 'read');
  const ws = ctx.actor.workspaceId;
  if ((await visibleDealOwner(ctx.db, ws, scope, dealId)) === undefined) throw notFound('Deal');
  return { items: (await commentsOfDeal(ctx.db, ws, dealId)).map(toComment) };
}

export async function addDealComment(ctx: Ctx, dealId: string, input: DealCommentCreate): Promise<DealComment> {
  // Policy first: a role without reach gets 403 before anything is looked up.
  const scope = await ownerScope(ctx, 'deal_comments', 'create');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx, async (tx) => {
    const ownerId = await visibleDealOwner(tx.db, ws, scope, dealId);
    if (ownerId === undefined) throw notFound('Deal');
    // Told: the owner (a leader's comment is for them) and whoever spoke before (the rep's reply is
    // for them); never the author. notify() skips the actor itself.
    const recipients = new Set([ownerId, ...(await commentersOfDeal(tx.db, ws, dealId))]);
    const row: DealCommentRow = { id: newId(), workspace_id: ws, deal_id: dealId, author_id: ctx.actor.userId, body: input.body.trim(), created_at: tx.now() };
    await insertComment(tx.db, row);
    for (const recipientId of recipients) {
      if (recipientId !== ctx.actor.userId) await notify(tx, dealCommented, { recipientId, recordId: dealId, data: {} });
    }
    return toComment({ ...row, author_name: ctx.actor.name });
  });
}
