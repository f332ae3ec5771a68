// Who hears about a deal write: called by deals.service inside the write's transaction, so the
// notification (and its email job) exists exactly when the change committed.
import type { MoveVia } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notifications.service.js';
import { getStage } from '../process/pipelines.service.js';
import { dealAssigned, dealMoved } from './deal.notifications.js';
import type { DealChanges, DealRow } from './deals.repo.js';

/** After a deal write: tell the new owner it is theirs, or the owner that someone else moved it. */
export async function notifyDealChange(ctx: Ctx, before: DealRow | null, after: DealRow, changes: DealChanges, via: MoveVia): Promise<void> {
  // An import hands over thousands of deals at once: one notification per row would bury the inbox.
  if (via === 'import') return;
  const assigned = before === null ? after.owner_id !== ctx.actor.userId : changes.owner_id !== undefined && changes.owner_id !== before.owner_id;
  if (assigned) {
    await notify(ctx, dealAssigned, { recipientId: after.owner_id, recordId: after.id, data: {} });
    return; // being handed a deal says more than where it stands
  }
  if (before !== null && changes.stage_id !== undefined && changes.stage_id !== before.stage_id) {
    const stage = await getStage(ctx, changes.stage_id);
    await notify(ctx, dealMoved, { recipientId: after.owner_id, recordId: after.id, data: { toStage: stage.name } });
  }
}
