// Facts the gate needs from planning and practice: a reviewed call plan for the deal's next
// meeting, and the owner's certification on a scenario. A gate never passes on a fact nobody
// checked: until a capability answers, its criterion is honestly not met, with a hint that says why.
import type { Ctx } from '../context.js';
import { callPlanReviewedForNextMeeting } from '../planning/gate-facts.service.js';
import { ownerCertifiedOn } from '../practice/gate-facts.service.js';
import type { HookFact } from './criteria.js';

export interface GateHooks {
  /** Has a manager reviewed the call plan of the deal's next meeting? (planning/gate-facts.service.ts) */
  callPlanReviewed(ctx: Ctx, dealId: string): Promise<HookFact>;
  /** Is the user certified on the named scenario now? (practice/gate-facts.service.ts) */
  ownerCertified(ctx: Ctx, ownerId: string, scenario: string): Promise<HookFact>;
}

export const gateHooks: GateHooks = {
  callPlanReviewed: callPlanReviewedForNextMeeting,
  ownerCertified: ownerCertifiedOn,
};
