// Who sees which leads: the policy's owner reach, plus the unclaimed pool of the teams in reach
// (a rep: their team's pool; a manager: the pools of the teams they manage). Used by every lead
// read and write, so an invisible lead answers exactly like a missing one. The SQL that applies it
// is leads.repo.ts#leadFilter.
import type { Ctx } from '../context.js';
import type { OwnerScope } from '../db/scope.js';
import type { Operation } from '../identity/policy.js';
import { reachOf } from '../identity/policy.js';
import { managedSubtreeIds, ownerScope } from '../identity/visibility.js';

export interface LeadScope {
  owners: OwnerScope;
  /** Teams whose unclaimed leads are in reach. */
  poolTeamIds: readonly string[];
}

/** Throws 403 when the role has no reach for the operation. */
export async function leadScope(ctx: Ctx, op: Operation): Promise<LeadScope> {
  const owners = await ownerScope(ctx, 'leads', op);
  const reach = reachOf(ctx.actor.role, 'leads', op);
  const poolTeamIds = reach === 'team' ? await managedSubtreeIds(ctx) : reach === 'own' && ctx.actor.teamId ? [ctx.actor.teamId] : [];
  return { owners, poolTeamIds };
}
