// Who an adherence or calibration question is about, inside what the caller may see: the caller's
// deal visibility (marketing has none), narrowed to a rep or a team subtree, and one pipeline.
import { managedTeamIds, subtreeIds } from '../../lib/team-tree.js';
import type { Ctx } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
import { type OrgUser, orgOf } from '../identity/visibility-org.service.js';
import type { AdherenceFilter } from './adherence.repo.js';
import { findPipeline, findVersionRow } from './pipelines.repo.js';

export interface ScopedFilter extends AdherenceFilter {
  teamIds: string[];
  users: readonly OrgUser[];
  teams: { id: string; name: string; parentId: string | null }[];
}

export async function adherenceFilter(
  ctx: Ctx,
  q: { pipelineId?: string | undefined; ownerId?: string | undefined; teamId?: string | undefined; processVersionId?: string | undefined },
): Promise<ScopedFilter> {
  const scope = await ownerScope(ctx, 'deals', 'read');
  // The team tree and people, cached per workspace (visibility-org.service.ts): not every user and team per request.
  const { teams, users } = await orgOf(ctx);
  const nodes = teams.map((t) => ({ id: t.id, parentId: t.parentId, managerId: t.managerId }));
  const visibleTeams = scope.all ? new Set(teams.map((t) => t.id)) : subtreeIds(nodes, managedTeamIds(nodes, ctx.actor.userId));

  if (q.pipelineId) {
    const p = await findPipeline(ctx.db, ctx.actor.workspaceId, q.pipelineId);
    if (!p) throw invalidField('pipelineId', 'no such pipeline');
  }
  if (q.processVersionId) {
    const v = await findVersionRow(ctx.db, ctx.actor.workspaceId, q.processVersionId);
    if (!v || (q.pipelineId && v.pipeline_id !== q.pipelineId)) throw invalidField('processVersionId', 'no such process version of the pipeline');
  }
  let ownerIds: string[] | null = null;
  if (q.ownerId) {
    if (!users.some((u) => u.id === q.ownerId) || !scopeIncludes(scope, q.ownerId)) throw notFound('User');
    ownerIds = [q.ownerId];
  }
  if (q.teamId) {
    if (!visibleTeams.has(q.teamId)) throw notFound('Team');
    const subtree = subtreeIds(nodes, [q.teamId]);
    const members = users.filter((u) => u.teamId !== null && subtree.has(u.teamId)).map((u) => u.id);
    ownerIds = ownerIds === null ? members : ownerIds.filter((id) => members.includes(id));
  }
  return {
    workspaceId: ctx.actor.workspaceId,
    scope,
    ownerIds,
    pipelineId: q.pipelineId ?? null,
    processVersionId: q.processVersionId ?? null,
    teamIds: [...visibleTeams],
    users,
    teams: teams.filter((t) => visibleTeams.has(t.id)).map((t) => ({ id: t.id, name: t.name, parentId: t.parentId })),
  };
}
