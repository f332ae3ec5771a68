// Quotas: set per rep, team or workspace and per month, fiscal quarter or fiscal year — by an admin
// anywhere, by a manager for the teams they run and the people in them (decision 0070); readable by
// whoever may see the scope's figures.
import type { Quota, QuotaBatchResult, QuotaList, QuotaListQuery, QuotaSet } from '../../api/measurement-targets.js';
import { parsePeriodKey } from '../../lib/periods.js';
import { type Ctx, inTransaction } from '../context.js';
import type { TargetScopeType } from '../db/schema/measurement.js';
import { type FieldProblem, forbidden, invalidInput, notFound, stale } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { quotaKeysFor } from './quota-rules.js';
import { deleteQuota as deleteQuotaRow, findQuota, findQuotaByScope, insertQuota, listQuotaRows, type QuotaRow, updateQuotaAmount } from './quotas.repo.js';
import { assertSalesReader, canSeeTarget, loadOrg, type Org, teamMembers, visibleTeamIds } from './scope.service.js';

export function scopeNameOf(org: Org, workspaceName: string, type: TargetScopeType, id: string): string {
  if (type === 'workspace') return workspaceName;
  if (type === 'team') return org.teams.find((t) => t.id === id)?.name ?? '(deleted team)';
  return org.users.find((u) => u.id === id)?.name ?? '(deleted user)';
}

function toQuota(r: QuotaRow, org: Org, workspaceName: string, fyStart: number): Quota {
  return {
    id: r.id,
    scopeType: r.scope_type,
    scopeId: r.scope_id,
    scopeName: scopeNameOf(org, workspaceName, r.scope_type, r.scope_id),
    periodKey: r.period_key,
    periodLabel: parsePeriodKey(r.period_key, fyStart)?.label ?? r.period_key,
    amount: Number(r.amount),
    currency: r.currency,
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
    version: r.version,
  };
}

export async function listQuotas(ctx: Ctx, q: QuotaListQuery): Promise<QuotaList> {
  assertSalesReader(ctx);
  const [ws, org] = await Promise.all([getWorkspace(ctx), loadOrg(ctx)]);
  let keys: string[] | undefined;
  if (q.year) {
    const fy = parsePeriodKey(q.year, ws.fiscalYearStartMonth);
    keys = fy ? quotaKeysFor(fy, ws.fiscalYearStartMonth) : [];
  }
  if (q.period) keys = keys ? keys.filter((k) => k === q.period) : [q.period];
  const rows = await listQuotaRows(ctx.db, {
    workspaceId: ws.id,
    ...(keys ? { periodKeys: keys } : {}),
    ...(q.scopeType ? { scopeType: q.scopeType } : {}),
    ...(q.scopeId ? { scopeIds: [q.scopeId] } : {}),
  });
  const visible: QuotaRow[] = [];
  for (const r of rows) if (await canSeeTarget(ctx, org, r.scope_type, r.scope_id)) visible.push(r);
  return { items: visible.map((r) => toQuota(r, org, ws.name, ws.fiscalYearStartMonth)), currency: ws.currency };
}

export interface CheckedQuota {
  scopeType: TargetScopeType;
  scopeId: string;
  periodKey: string;
  amount: number | null;
}

/**
 * Whether the caller may set this scope's quota: an admin any; a manager the teams they run (and the
 * teams below) and the people in them, but not their own quota or the workspace's, which come from above.
 */
export function canSetQuota(ctx: Ctx, org: Org, type: TargetScopeType, id: string): boolean {
  if (ctx.actor.role === 'admin') return true;
  if (ctx.actor.role !== 'manager' || type === 'workspace') return false;
  const teams = visibleTeamIds(ctx, org);
  if (type === 'team') return teams.has(id);
  return id !== ctx.actor.userId && [...teams].some((t) => teamMembers(org, t).includes(id));
}

function requireQuotaSetter(ctx: Ctx): void {
  requireRole(ctx, 'admin', 'manager');
}

const NO_USER = 'no active user with this id whose quota you set';
const NO_TEAM = 'no team with this id whose quota you set';

/** The workspace's and the caller's own quota come from above (the caller knows both ids: no oracle). */
export function checkQuotaReach(ctx: Ctx, org: Org, item: CheckedQuota, field: (name: string) => string): CheckedQuota | FieldProblem {
  if (canSetQuota(ctx, org, item.scopeType, item.scopeId)) return item;
  if (item.scopeType === 'workspace') return { field: field('scopeType'), message: 'the workspace quota is set by an admin' };
  if (item.scopeId === ctx.actor.userId) return { field: field('scopeId'), message: 'your own quota is set by an admin or your manager' };
  return { field: field('scopeId'), message: item.scopeType === 'team' ? NO_TEAM : NO_USER };
}

/**
 * Checks one quota setting against the workspace: a scope that exists (and, given `reaches`, that the
 * caller may set: a person or team outside it answers exactly like a missing one, before any other
 * check), a month, quarter or year.
 */
export function checkQuota(
  org: Org,
  workspaceId: string,
  fyStart: number,
  item: QuotaSet,
  field: (name: string) => string,
  reaches: (type: TargetScopeType, id: string) => boolean = () => true,
): CheckedQuota | FieldProblem {
  let scopeId = item.scopeId;
  if (item.scopeType === 'workspace') scopeId = workspaceId;
  else if (!scopeId) return { field: field('scopeId'), message: `is required for a ${item.scopeType} quota` };
  else if (item.scopeType === 'user' && (!org.users.some((u) => u.id === scopeId && !u.disabled) || !reaches('user', scopeId)))
    return { field: field('scopeId'), message: NO_USER };
  else if (item.scopeType === 'team' && (!org.teams.some((t) => t.id === scopeId) || !reaches('team', scopeId)))
    return { field: field('scopeId'), message: NO_TEAM };
  const period = parsePeriodKey(item.periodKey, fyStart);
  if (!period || period.kind === 'week')
    return { field: field('periodKey'), message: 'must be a month (2026-11), fiscal quarter (FY2027-Q1) or fiscal year (FY2027)' };
  return { scopeType: item.scopeType, scopeId: scopeId as string, periodKey: period.key, amount: item.amount };
}

/** Sets (or removes, with amount null) each quota in one transaction. */
export async function applyQuotas(ctx: Ctx, items: readonly CheckedQuota[], currency: string): Promise<QuotaBatchResult> {
  return inTransaction(ctx, async (tx) => {
    const result = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    const now = tx.now();
    for (const item of items) {
      const existing = await findQuotaByScope(tx.db, ctx.actor.workspaceId, item.scopeType, item.scopeId, item.periodKey);
      if (item.amount === null) {
        if (existing) {
          await deleteQuotaRow(tx.db, ctx.actor.workspaceId, existing.id);
          result.removed += 1;
        } else result.unchanged += 1;
      } else if (!existing) {
        await insertQuota(tx.db, {
          id: newId(),
          workspace_id: ctx.actor.workspaceId,
          scope_type: item.scopeType,
          scope_id: item.scopeId,
          period_key: item.periodKey,
          amount: item.amount,
          currency,
          created_by: ctx.actor.userId,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        result.created += 1;
      } else if (Number(existing.amount) === item.amount) result.unchanged += 1;
      else {
        await updateQuotaAmount(tx.db, ctx.actor.workspaceId, existing.id, existing.version, item.amount, now);
        result.updated += 1;
      }
    }
    if (result.created + result.updated + result.removed > 0) {
      await audit(tx, 'quota.changed', {
        targetType: 'quota',
        summary: `Set quotas: ${result.created} created, ${result.updated} updated, ${result.removed} removed`,
        details: { ...result, items: items.map((i) => ({ scopeType: i.scopeType, scopeId: i.scopeId, periodKey: i.periodKey, amount: i.amount })) },
      });
    }
    return result;
  });
}

export async function setQuotas(ctx: Ctx, items: readonly QuotaSet[]): Promise<QuotaBatchResult> {
  requireQuotaSetter(ctx);
  const [ws, org] = await Promise.all([getWorkspace(ctx), loadOrg(ctx)]);
  const checked = items.map((item, i) => {
    const field = (name: string) => `items.${i}.${name}`;
    // The caller's own id is theirs to know: it gets its own answer from checkQuotaReach.
    const reaches = (type: TargetScopeType, id: string) => id === ctx.actor.userId || canSetQuota(ctx, org, type, id);
    const c = checkQuota(org, ws.id, ws.fiscalYearStartMonth, item, field, reaches);
    return 'field' in c ? c : checkQuotaReach(ctx, org, c, field);
  });
  const problems = checked.filter((c): c is FieldProblem => 'field' in c);
  if (problems.length > 0) throw invalidInput(problems);
  return applyQuotas(ctx, checked as CheckedQuota[], ws.currency);
}

/** The quota the caller may change: one they cannot see is missing; one they see but do not set is forbidden. */
async function settableQuota(ctx: Ctx, id: string): Promise<QuotaRow> {
  const row = await findQuota(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Quota');
  const org = await loadOrg(ctx);
  if (canSetQuota(ctx, org, row.scope_type, row.scope_id)) return row;
  if (await canSeeTarget(ctx, org, row.scope_type, row.scope_id)) throw forbidden('This quota is set by an admin or a manager above you');
  throw notFound('Quota');
}

export async function patchQuota(ctx: Ctx, id: string, patch: { version: number; amount: number }): Promise<Quota> {
  requireQuotaSetter(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await settableQuota(tx, id);
    if (!(await updateQuotaAmount(tx.db, ctx.actor.workspaceId, id, patch.version, patch.amount, tx.now()))) throw stale('Quota', row.version);
    await audit(tx, 'quota.changed', {
      targetType: 'quota',
      targetId: id,
      summary: `Changed the ${row.period_key} quota`,
      details: { scopeType: row.scope_type, scopeId: row.scope_id, periodKey: row.period_key, amount: { from: Number(row.amount), to: patch.amount } },
    });
    const [ws, org] = await Promise.all([getWorkspace(tx), loadOrg(tx)]);
    return toQuota((await findQuota(tx.db, ctx.actor.workspaceId, id)) as QuotaRow, org, ws.name, ws.fiscalYearStartMonth);
  });
}

export async function deleteQuota(ctx: Ctx, id: string): Promise<void> {
  requireQuotaSetter(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await settableQuota(tx, id);
    await deleteQuotaRow(tx.db, ctx.actor.workspaceId, id);
    await audit(tx, 'quota.changed', {
      targetType: 'quota',
      targetId: id,
      summary: `Removed the ${row.period_key} quota`,
      details: { scopeType: row.scope_type, scopeId: row.scope_id, periodKey: row.period_key, amount: { from: Number(row.amount), to: null } },
    });
  });
}
