// Who a figure is about, inside what the caller may see: a rep sees their own figures, a manager
// those of anyone in the teams they manage (and below), an admin everything; whoever coaches a
// person (an outside coach, a manager coaching across teams) sees that person's figures. Marketing reads the
// lead funnel, not deals, so deal KPIs are closed to it.
import type { KpiScope, ScopeKind } from '../../api/measurement.js';
import { managedTeamIds, subtreeIds, type TeamNode } from '../../lib/team-tree.js';
import { coacheesOfCaller } from '../coaching/coachees.service.js';
import type { Ctx } from '../context.js';
import type { Role } from '../db/schema/identity.js';
import type { TargetScopeType } from '../db/schema/measurement.js';
import { forbidden, invalidField, notFound } from '../errors.js';
import { teamOwnerIds } from '../identity/visibility.js';
import { orgOf } from '../identity/visibility-org.service.js';
import { getWorkspace } from '../identity/workspaces.service.js';

export interface ResolvedScope extends KpiScope {
  /** Owners whose records count; null for the whole workspace. */
  ownerIds: string[] | null;
  /** How quotas, expectations and forecast calls name this scope. */
  target: { type: TargetScopeType; id: string } | null;
}

export interface Org {
  readonly users: readonly { id: string; name: string; role: Role; teamId: string | null; disabled: boolean }[];
  readonly teams: readonly (TeamNode & { name: string })[];
}

/** The workspace's people and team tree: cached per workspace, checked against its scope version (visibility-org.service.ts). */
export function loadOrg(ctx: Ctx): Promise<Org> {
  return orgOf(ctx);
}

/** Members of a team and every team below it, with the managers of those teams (their own deals count too). */
export function teamMembers(org: Org, teamId: string): string[] {
  const subtree = subtreeIds(org.teams, [teamId]);
  const ids = new Set(org.users.filter((u) => u.teamId !== null && subtree.has(u.teamId)).map((u) => u.id));
  for (const t of org.teams) if (subtree.has(t.id) && t.managerId) ids.add(t.managerId);
  return [...ids];
}

/** Teams the caller may look at: every team for an admin, the managed subtrees for a manager. */
export function visibleTeamIds(ctx: Ctx, org: Org): Set<string> {
  if (ctx.actor.role === 'admin') return new Set(org.teams.map((t) => t.id));
  if (ctx.actor.role !== 'manager') return new Set();
  return subtreeIds(org.teams, managedTeamIds(org.teams, ctx.actor.userId));
}

export function assertSalesReader(ctx: Ctx): void {
  if (ctx.actor.role === 'marketing') throw forbidden('Marketing sees the lead funnel; deal figures are for sales roles');
}

/** A scope by its target name, without any visibility check; null when it names nothing. */
export function targetScope(org: Org, ws: { id: string; name: string }, type: TargetScopeType, id: string): ResolvedScope | null {
  if (type === 'workspace') return id === ws.id ? { kind: 'workspace', id: null, label: ws.name, ownerIds: null, target: { type, id } } : null;
  if (type === 'team') {
    const team = org.teams.find((t) => t.id === id);
    return team ? { kind: 'team', id, label: team.name, ownerIds: teamMembers(org, id), target: { type, id } } : null;
  }
  const user = org.users.find((u) => u.id === id);
  return user ? { kind: 'rep', id, label: user.name, ownerIds: [id], target: { type, id } } : null;
}

/** Whether the caller may see figures of a target: their own, their teams' and their people's; an admin everything. */
export async function canSeeTarget(ctx: Ctx, org: Org, type: TargetScopeType, id: string): Promise<boolean> {
  if (ctx.actor.role === 'admin') return true;
  if (ctx.actor.role === 'marketing' || type === 'workspace') return false;
  if (type === 'user') {
    if (id === ctx.actor.userId || (ctx.actor.role === 'manager' && (await teamOwnerIds(ctx)).includes(id))) return true;
    return (await coacheesOfCaller(ctx)).includes(id);
  }
  return visibleTeamIds(ctx, org).has(id);
}

export async function resolveScope(
  ctx: Ctx,
  q: { scope?: ScopeKind | undefined; scopeId?: string | undefined },
  org?: Org,
  audience: 'sales' | 'funnel' = 'sales',
): Promise<ResolvedScope> {
  // Marketing reads the lead funnel of the whole workspace (it sees every lead, and no deal).
  if (audience === 'funnel' && ctx.actor.role === 'marketing') {
    if (q.scope !== undefined && q.scope !== 'workspace') throw forbidden('Marketing sees the funnel of the whole workspace');
    const ws = await getWorkspace(ctx);
    return { kind: 'workspace', id: null, label: ws.name, ownerIds: null, target: { type: 'workspace', id: ws.id } };
  }
  assertSalesReader(ctx);
  const o = org ?? (await loadOrg(ctx));
  const me = ctx.actor.userId;
  const kind = q.scope ?? defaultKind(ctx, o);
  const ws = await getWorkspace(ctx);

  if (kind === 'workspace') {
    if (ctx.actor.role !== 'admin') throw forbidden('Only an admin sees figures for the whole workspace');
    return targetScope(o, ws, 'workspace', ws.id) as ResolvedScope;
  }
  if (kind === 'team') {
    if (ctx.actor.role === 'rep') throw forbidden('A rep sees their own figures only');
    const managed = managedTeamIds(o.teams, me);
    const teamId = q.scopeId ?? (managed.length === 1 ? managed[0] : undefined);
    if (!teamId) {
      if (q.scope === 'team') throw invalidField('scopeId', 'name the team');
      // A manager of several teams, asked for nothing in particular: everyone they see.
      return { kind: 'mine', id: null, label: 'My teams', ownerIds: await teamOwnerIds(ctx), target: null };
    }
    const scope = targetScope(o, ws, 'team', teamId);
    if (!scope || !(await canSeeTarget(ctx, o, 'team', teamId))) throw notFound('Team');
    return scope;
  }
  const userId = q.scopeId ?? me;
  if (ctx.actor.role === 'rep' && userId !== me) throw forbidden('A rep sees their own figures only');
  const scope = targetScope(o, ws, 'user', userId);
  if (!scope || !(await canSeeTarget(ctx, o, 'user', userId))) throw notFound('User');
  return scope;
}

function defaultKind(ctx: Ctx, org: Org): ScopeKind {
  if (ctx.actor.role === 'admin') return 'workspace';
  if (ctx.actor.role === 'manager' && managedTeamIds(org.teams, ctx.actor.userId).length > 0) return 'team';
  return 'rep';
}
