// Whose coaching records the caller reaches, by the coachee they are about: the policy table's
// reach (all / team / own / coachees) turned into a set of coachee ids. The coach of a record
// reaches it too (a manager coached across teams, an outside coach). Everything in coaching asks here.
import { type Ctx, memo } from '../context.js';
import { forbidden } from '../errors.js';
import { type Operation, reachOf } from '../identity/policy.js';
import { teamOwnerIds } from '../identity/visibility.js';
import { coacheeIdsOf } from './relationships.repo.js';

export type CoachingScope = { all: true } | { all: false; coacheeIds: ReadonlySet<string> };

export function myCoacheeIds(ctx: Ctx): Promise<string[]> {
  return memo(ctx, 'coaching:coachees', () => coacheeIdsOf(ctx.db, ctx.actor.workspaceId, ctx.actor.userId));
}

export async function coachingScope(ctx: Ctx, op: Operation): Promise<CoachingScope> {
  const reach = reachOf(ctx.actor.role, 'coaching', op);
  switch (reach) {
    case 'all':
      return { all: true };
    case 'team':
      return { all: false, coacheeIds: new Set([...(await teamOwnerIds(ctx)), ...(await myCoacheeIds(ctx))]) };
    case 'own':
      return { all: false, coacheeIds: new Set([ctx.actor.userId]) };
    case 'coachees':
      return { all: false, coacheeIds: new Set(await myCoacheeIds(ctx)) };
    case 'none':
      throw forbidden(op === 'read' ? 'Your role has no coaching records' : `Your role cannot ${op} coaching records`);
  }
}

/** Null when the role has no reach for the operation (reads that should answer "not found"). */
export async function coachingScopeOrNull(ctx: Ctx, op: Operation): Promise<CoachingScope | null> {
  return reachOf(ctx.actor.role, 'coaching', op) === 'none' ? null : coachingScope(ctx, op);
}

export function reaches(scope: CoachingScope | null, ctx: Ctx, record: { coacheeId: string; coachId?: string | null }): boolean {
  if (scope === null) return false;
  if (scope.all || scope.coacheeIds.has(record.coacheeId)) return true;
  return record.coachId !== undefined && record.coachId === ctx.actor.userId;
}
