// A leader accepts or challenges a rep's gate override, with a comment: one verdict per stage move,
// changed under its version. The rep reads it on the deal's timeline; adherence counts challenged
// overrides (adherence.repo.ts#CHALLENGED).
import type { OverrideReview, OverrideReviewPut, OverrideVerdict } from '../../api/override-reviews.js';
import { type Ctx, inTransaction } from '../context.js';
import { updateVersioned } from '../db/records.js';
import { forbidden, notFound, ruleViolation, stale } from '../errors.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { notify } from '../notifications/notifications.service.js';
import { overrideReviewed } from './override-review.notifications.js';
import { findMoveOfLiveDeal, findReviewOfMove, insertReview, type OverrideReviewRow } from './override-reviews.repo.js';

function toReview(r: OverrideReviewRow, reviewerName: string): OverrideReview {
  return {
    id: r.id,
    stageMoveId: r.stage_move_id,
    dealId: r.deal_id,
    verdict: r.verdict,
    comment: r.comment,
    reviewer: { id: r.reviewer_id, name: reviewerName },
    reviewedAt: new Date(Number(r.reviewed_at)).toISOString(),
    version: Number(r.version),
  };
}

/** A blank comment is no comment; a comment is kept trimmed, as override reasons are. */
const commentOf = (comment: string | null | undefined) => (comment?.trim() ? comment.trim() : null);

/** The person who overrode (the owner when the system moved it) hears of a new or changed verdict. */
async function tellTheMover(tx: Ctx, move: { deal_id: string; owner_id: string; actor_id: string | null }, verdict: OverrideVerdict): Promise<void> {
  await notify(tx, overrideReviewed, { recipientId: move.actor_id ?? move.owner_id, recordId: move.deal_id, data: { verdict } });
}

export async function reviewOverride(ctx: Ctx, moveId: string, input: OverrideReviewPut): Promise<OverrideReview> {
  // Policy first: a role without reach gets 403 before anything is looked up.
  const scope = await ownerScope(ctx, 'override_reviews', 'create');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx, async (tx) => {
    const move = await findMoveOfLiveDeal(tx.db, ws, moveId);
    // A move of a deal outside the caller's reach answers like a missing one.
    if (!move || !scopeIncludes(scope, move.owner_id)) throw notFound('Stage move');
    if (move.override_reason === null) throw ruleViolation('This move did not override the gate: there is nothing to review');
    if (move.actor_id === ctx.actor.userId) throw forbidden('An override is reviewed by someone other than the person who made it');
    const now = tx.now();
    const comment = commentOf(input.comment);
    const existing = await findReviewOfMove(tx.db, ws, moveId);
    if (!existing) {
      // Two leaders giving the first verdict at once: the unique index lets one in, the other is stale.
      if (input.version !== undefined) throw stale('Override review', 0);
      const row: OverrideReviewRow = {
        id: newId(),
        workspace_id: ws,
        stage_move_id: move.id,
        deal_id: move.deal_id,
        verdict: input.verdict,
        comment,
        reviewer_id: ctx.actor.userId,
        reviewed_at: now,
        version: 1,
        updated_at: now,
      };
      try {
        await insertReview(tx.db, row);
      } catch (error) {
        if (tx.dialect.isUniqueViolation(error)) throw stale('Override review', 1);
        throw error;
      }
      await tellTheMover(tx, move, input.verdict);
      return toReview(row, ctx.actor.name);
    }
    if (input.version === undefined || input.version !== existing.version) throw stale('Override review', existing.version);
    const updated = await updateVersioned(
      tx.db,
      'override_reviews',
      { workspaceId: ws, id: existing.id, version: existing.version },
      { verdict: input.verdict, comment, reviewer_id: ctx.actor.userId, reviewed_at: now },
      now,
    );
    if (!updated) throw stale('Override review', existing.version);
    if (updated.verdict !== existing.verdict) await tellTheMover(tx, move, input.verdict);
    return toReview(updated, ctx.actor.name);
  });
}
