import type { Deal, DealBulkUpdate, GateBlockedDetails } from '../../api/deals.js';
import { type Ctx, inTransaction } from '../context.js';
import { AppError, invalidInput } from '../errors.js';
import { ownerScope } from '../identity/visibility.js';
import { findDealRows } from './deals.repo.js';
import { updateDealById } from './deals.service.js';

/**
 * Changes many deals at once, all or nothing. Stage changes go through the same gate as a single
 * move; when any deal is blocked, nothing is written and every blocked deal is reported.
 */
export async function bulkUpdateDeals(ctx: Ctx, input: DealBulkUpdate): Promise<{ updated: number; items: Deal[] }> {
  const ids = [...new Set(input.ids)];
  return inTransaction(ctx, async (tx) => {
    const scope = await ownerScope(tx, 'deals', 'update');
    const rows = await findDealRows(tx.db, ctx.actor.workspaceId, scope, ids);
    const found = new Set(rows.map((r) => r.id));
    const unknown = ids.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
    if (unknown.length > 0) throw invalidInput(unknown.map(({ i }) => ({ field: `ids.${i}`, message: 'no deal with this id that you can change' })));

    const blocked: GateBlockedDetails[] = [];
    const items: Deal[] = [];
    for (const row of rows) {
      try {
        items.push(
          await updateDealById(
            tx,
            row.id,
            {
              version: row.version,
              ownerId: input.set.ownerId,
              stageId: input.set.stageId,
              closeDate: input.set.closeDate,
              overrideReason: input.set.overrideReason,
            },
            { via: 'bulk' },
          ),
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'gate_blocked') blocked.push(error.details as GateBlockedDetails);
        else throw error;
      }
    }
    if (blocked.length > 0) {
      throw new AppError('gate_blocked', `${blocked.length} of ${rows.length} deals cannot move: exit criteria are not met; nothing was changed`, {
        deals: blocked,
      });
    }
    return { updated: items.length, items };
  });
}
