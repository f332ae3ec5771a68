// Who sees which leads: the policy's owner reach, plus the unclaimed pool of the teams in reach
// (a rep: their team's pool; a manager: the pools of the teams they manage). Used by every lead
// read and write, so an invisible lead answers exactly like a missing one.
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Ctx, memo } from '../context.js';
import type { AnyExpressionBuilder } from '../db/query-types.js';
import type { OwnerScope } from '../db/scope.js';
import { ownerFilter } from '../db/scope.js';
import type { Operation } from '../identity/policy.js';
import { reachOf } from '../identity/policy.js';
import { managedTeamIds, subtreeIds } from '../identity/team-tree.js';
import { listTeams } from '../identity/teams.repo.js';
import { ownerScope } from '../identity/visibility.js';

export interface LeadScope {
  owners: OwnerScope;
  /** Teams whose unclaimed leads are in reach. */
  poolTeamIds: readonly string[];
}

async function managedTeams(ctx: Ctx): Promise<string[]> {
  return memo(ctx, 'alignment.managedTeams', async () => {
    const teams = (await listTeams(ctx.db, ctx.actor.workspaceId)).map((t) => ({ id: t.id, parentId: t.parent_id, managerId: t.manager_id }));
    return [...subtreeIds(teams, managedTeamIds(teams, ctx.actor.userId))];
  });
}

/** Throws 403 when the role has no reach for the operation. */
export async function leadScope(ctx: Ctx, op: Operation): Promise<LeadScope> {
  const owners = await ownerScope(ctx, 'leads', op);
  const reach = reachOf(ctx.actor.role, 'leads', op);
  const poolTeamIds = reach === 'team' ? await managedTeams(ctx) : reach === 'own' && ctx.actor.teamId ? [ctx.actor.teamId] : [];
  return { owners, poolTeamIds };
}

export function leadFilter(eb: AnyExpressionBuilder, scope: LeadScope): Expression<SqlBool> {
  if (scope.owners.all) return sql<SqlBool>`1 = 1`;
  const owned = ownerFilter(eb, 'l.owner_id', scope.owners);
  if (scope.poolTeamIds.length === 0) return owned;
  return eb.or([owned, eb.and([eb('l.owner_id', 'is', null), eb('l.team_id', 'in', [...scope.poolTeamIds])])]);
}
