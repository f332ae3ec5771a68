// The quota of a scope for a period, as quota attainment and pipeline coverage read it.

import type { Period } from '../../lib/periods.js';
import type { Ctx } from '../context.js';
import { quotaKeysFor, resolveQuota } from './quota-rules.js';
import { listQuotaRows, ownQuotas } from './quotas.repo.js';
import type { ResolvedScope } from './scope.service.js';

/**
 * A rep's own quota. A team's (or the workspace's) own quota when set, else the sum of its
 * members' quotas, each resolved on its own (one rep may have monthly quotas, another quarterly).
 * Null when none applies.
 */
export async function quotaFor(ctx: Ctx, scope: ResolvedScope, period: Period, fiscalYearStartMonth: number): Promise<number | null> {
  const keys = quotaKeysFor(period, fiscalYearStartMonth);
  if (keys.length === 0) return null;
  const ws = ctx.actor.workspaceId;
  if (scope.target) {
    const own = await ownQuotas(ctx.db, ws, scope.target.type, scope.target.id, keys);
    const resolved = resolveQuota(period, fiscalYearStartMonth, (key) => own.get(key));
    if (resolved !== null || scope.target.type === 'user') return resolved;
  }
  let total: number | null = null;
  for (const q of (await userQuotas(ctx, scope.ownerIds, period, fiscalYearStartMonth)).values()) total = (total ?? 0) + q;
  return total;
}

/** Each rep's own quota for a period (null: every rep), in one query; reps without one are left out. */
export async function userQuotas(ctx: Ctx, userIds: readonly string[] | null, period: Period, fiscalYearStartMonth: number): Promise<Map<string, number>> {
  const keys = quotaKeysFor(period, fiscalYearStartMonth);
  if (keys.length === 0) return new Map();
  const rows = await listQuotaRows(ctx.db, {
    workspaceId: ctx.actor.workspaceId,
    scopeType: 'user',
    periodKeys: keys,
    ...(userIds ? { scopeIds: userIds } : {}),
  });
  const byUser = new Map<string, Map<string, number>>();
  for (const r of rows) byUser.set(r.scope_id, (byUser.get(r.scope_id) ?? new Map()).set(r.period_key, Number(r.amount)));
  const out = new Map<string, number>();
  for (const [user, quotas] of byUser) {
    const q = resolveQuota(period, fiscalYearStartMonth, (key) => quotas.get(key));
    if (q !== null) out.set(user, q);
  }
  return out;
}
