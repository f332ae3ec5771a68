// Turns the caller's role and place in the team tree into the set of owners whose records they
// may touch. Every core service asks here before it reads or writes; repos apply the result in SQL.

import { managedTeamIds, subtreeIds } from '../../lib/team-tree.js';
import { type Ctx, memo } from '../context.js';
import type { OwnerScope } from '../db/scope.js';
import { forbidden, invalidField } from '../errors.js';
import { type Operation, type Resource, reachOf } from './policy.js';
import { findUser } from './users.repo.js';
import { orgOf } from './visibility-org.service.js';

/** The teams the caller manages and every team below them (the team tree cached per workspace: visibility-org.service.ts). */
export function managedSubtreeIds(ctx: Ctx): Promise<string[]> {
  return memo(ctx, 'managedSubtreeIds', async () => {
    const { teams } = await orgOf(ctx);
    return [...subtreeIds(teams, managedTeamIds(teams, ctx.actor.userId))];
  });
}

/** Owners in the subtree of the teams the caller manages, plus the caller. */
export function teamOwnerIds(ctx: Ctx): Promise<string[]> {
  return memo(ctx, 'teamOwnerIds', async () => {
    const subtree = new Set(await managedSubtreeIds(ctx));
    const { users } = await orgOf(ctx);
    const ids = subtree.size === 0 ? [] : users.filter((u) => u.teamId !== null && subtree.has(u.teamId)).map((u) => u.id);
    return [...new Set([ctx.actor.userId, ...ids])];
  });
}

/** The caller's reach for an operation on a resource, or a 403 when the role has none. */
export async function ownerScope(ctx: Ctx, resource: Resource, op: Operation): Promise<OwnerScope> {
  const reach = reachOf(ctx.actor.role, resource, op);
  switch (reach) {
    case 'all':
      return { all: true };
    case 'team':
      return { all: false, ownerIds: await teamOwnerIds(ctx) };
    case 'own':
      return { all: false, ownerIds: [ctx.actor.userId] };
    case 'coachees':
      // Only coaching records have this reach, and coaching resolves it (it owns the relationships).
      throw new Error(`${resource}: a coachees reach is resolved by coaching/coaching-scope.ts`);
    case 'none':
      throw forbidden(`Your role cannot ${op} ${resource}`);
  }
}

/** Null when the role has no reach (used where "none" should read as "not found" rather than 403). */
export async function ownerScopeOrNull(ctx: Ctx, resource: Resource, op: Operation): Promise<OwnerScope | null> {
  return reachOf(ctx.actor.role, resource, op) === 'none' ? null : ownerScope(ctx, resource, op);
}

export function scopeIncludes(scope: OwnerScope, ownerId: string): boolean {
  return scope.all || scope.ownerIds.includes(ownerId);
}

export const ASSIGNABLE_OWNER_MESSAGE = 'no active user with this id that you can assign records to';

/**
 * Checks that a record may be given to ownerId: an active user of the workspace whom the caller
 * may assign work to. Used on create and on every owner change.
 */
export async function assertAssignableOwner(ctx: Ctx, resource: Resource, ownerId: string, field = 'ownerId'): Promise<void> {
  const user = await findUser(ctx.db, ctx.actor.workspaceId, ownerId);
  // One answer for a missing, disabled, foreign or out-of-reach user: a write is no way to probe ids.
  const scope = await ownerScope(ctx, resource, 'create');
  if (!user || user.disabled_at !== null || !scopeIncludes(scope, ownerId)) throw invalidField(field, ASSIGNABLE_OWNER_MESSAGE);
}
