// The quota of a scope for a period, as quota attainment and pipeline coverage read it.
import type { Ctx } from '../context.js';
import type { Period } from './periods.js';
import { quotaKeysFor, resolveQuota } from './quota-rules.js';
import { ownQuotas, summedUserQuotas } from './quotas.repo.js';
import type { ResolvedScope } from './scope.js';

/**
 * A rep's own quota; a team's own or else the sum of its members'; the workspace's own or else
 * every rep's; "my teams" the sum of the members'. Null when none applies.
 */
export async function quotaFor(ctx: Ctx, scope: ResolvedScope, period: Period, fiscalYearStartMonth: number): Promise<number | null> {
  const keys = quotaKeysFor(period, fiscalYearStartMonth);
  if (keys.length === 0) return null;
  const ws = ctx.actor.workspaceId;
  const own = scope.target ? await ownQuotas(ctx.db, ws, scope.target.type, scope.target.id, keys) : new Map<string, number>();
  const members = scope.target?.type === 'user' ? new Map<string, number>() : await summedUserQuotas(ctx.db, ws, scope.ownerIds, keys);
  return resolveQuota(period, fiscalYearStartMonth, (key) => own.get(key) ?? members.get(key));
}
