// Facts the gate needs from capabilities that come later (planning: call plans, certification).
// Until a capability provides its answer, its criteria are honestly not met, with a hint that says
// why; a gate never passes on a fact nobody checked. Planning replaces these two functions.
import type { Ctx } from '../context.js';
import type { HookFact } from './criteria.js';

export interface GateHooks {
  /** Does the deal have a call plan a manager has reviewed? */
  callPlanReviewed(ctx: Ctx, dealId: string): Promise<HookFact>;
  /** Is the user certified on the scenario (or skill)? */
  ownerCertified(ctx: Ctx, ownerId: string, scenario: string): Promise<HookFact>;
}

export const gateHooks: GateHooks = {
  callPlanReviewed: async () => ({
    state: 'unavailable',
    hint: 'Call plans are not enabled in this workspace yet, so this criterion cannot be met; an admin can remove it or allow overrides on the stage',
  }),
  ownerCertified: async (_ctx, _ownerId, scenario) => ({
    state: 'unavailable',
    hint: `Certification is not enabled in this workspace yet, so certification on ${scenario} cannot be confirmed; an admin can remove the criterion or allow overrides on the stage`,
  }),
};
