// Facts the gate needs from planning and practice: a reviewed call plan for the deal's next
// meeting, and the owner's certification on a scenario. A gate never passes on a fact nobody
// checked: until a capability answers, its criterion is honestly not met, with a hint that says why.
import type { Ctx } from '../context.js';
import { callPlanReviewedForNextMeeting } from '../planning/gate-facts.js';
import type { HookFact } from './criteria.js';

export interface GateHooks {
  /** Does the deal have a call plan a manager has reviewed? */
  callPlanReviewed(ctx: Ctx, dealId: string): Promise<HookFact>;
  /** Is the user certified on the scenario (or skill)? */
  ownerCertified(ctx: Ctx, ownerId: string, scenario: string): Promise<HookFact>;
}

export const gateHooks: GateHooks = {
  callPlanReviewed: callPlanReviewedForNextMeeting,
  ownerCertified: async (_ctx, _ownerId, scenario) => ({
    state: 'unavailable',
    hint: `Certification is not enabled in this workspace yet, so certification on ${scenario} cannot be confirmed; an admin can remove the criterion or allow overrides on the stage`,
  }),
};
