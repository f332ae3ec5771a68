// The certification fact the stage gate needs: is the owner certified on the named scenario now?
// The criterion names a scenario of the library (matched without regard to case).
import type { Ctx } from '../context.js';
import type { HookFact } from '../process/criteria.js';
import { certifiedUntil, findScenarioByName } from './practice.repo.js';

export async function ownerCertifiedOn(ctx: Ctx, ownerId: string, scenarioName: string): Promise<HookFact> {
  const ws = ctx.actor.workspaceId;
  const scenario = await findScenarioByName(ctx.db, ws, scenarioName);
  if (!scenario) return { state: 'unmet', hint: `There is no scenario named "${scenarioName}" in the practice library; a manager or admin can add it` };
  const until = await certifiedUntil(ctx.db, ws, ownerId, scenario.id, ctx.now());
  if (until === null)
    return {
      state: 'unmet',
      hint: `The owner is not certified on "${scenario.name}": practise it to ${scenario.pass_threshold} readiness, or ask a manager to certify`,
    };
  return { state: 'met' };
}
