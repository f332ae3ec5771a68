// Which rituals the caller reaches, from the policy table's rituals row: all, the teams below the
// teams they manage, or only what they own or attend. Writes need the team in the write reach.

import { managedTeamIds, subtreeIds } from '../../lib/team-tree.js';
import { type Ctx, memo } from '../context.js';
import { forbidden } from '../errors.js';
import { type Operation, reachOf } from '../identity/policy.js';
import { listTeams } from '../identity/teams.service.js';
import type { RitualReadScope } from './rituals.repo.js';

/** Teams in the subtrees of the teams the caller manages. */
export function managedSubtree(ctx: Ctx): Promise<string[]> {
  return memo(ctx, 'rituals.managedSubtree', async () => {
    const nodes = (await listTeams(ctx)).map((t) => ({ id: t.id, parentId: t.parentId, managerId: t.managerId }));
    return [...subtreeIds(nodes, managedTeamIds(nodes, ctx.actor.userId))];
  });
}

export async function ritualReadScope(ctx: Ctx): Promise<RitualReadScope> {
  const reach = reachOf(ctx.actor.role, 'rituals', 'read');
  if (reach === 'all') return { all: true };
  if (reach === 'none') throw forbidden('Your role cannot read rituals');
  return { all: false, teamIds: reach === 'team' ? await managedSubtree(ctx) : [], userId: ctx.actor.userId };
}

/** Whether the caller may create, change or delete rituals of a team. */
export async function mayWriteTeam(ctx: Ctx, teamId: string, op: Exclude<Operation, 'read'>): Promise<boolean> {
  const reach = reachOf(ctx.actor.role, 'rituals', op);
  if (reach === 'all') return true;
  if (reach === 'team') return (await managedSubtree(ctx)).includes(teamId);
  return false;
}
