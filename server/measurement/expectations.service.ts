// Expectations: "inspect what you expect". Each is a catalogue KPI for a scope and period with a
// target, amber and red thresholds and an owner; its status is computed from the KPI each time it
// is read, so it is never stale. An admin sets them anywhere, a manager for their teams and people.
import type {
  Expectation,
  ExpectationCreate,
  ExpectationList,
  ExpectationListQuery,
  ExpectationPatch,
  ExpectationStatus,
} from '../../api/measurement-targets.js';
import { boundsOf, elapsedShare, type Period, parsePeriodKey, periodContaining } from '../../lib/periods.js';
import { type Ctx, inTransaction } from '../context.js';
import { calendarDate } from '../dates.js';
import type { TargetScopeType } from '../db/schema/measurement.js';
import { forbidden, invalidField, notFound, stale } from '../errors.js';
import { teamOwnerIds } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { assertThresholds, projectedValue, statusOf } from './expectation-status.js';
import {
  archiveExpectation,
  type ExpectationRow,
  findExpectation,
  findExpectations,
  insertExpectation,
  listExpectationRows,
  recordEvaluation,
  updateExpectation,
} from './expectations.repo.js';
import { periodInfo } from './kpi.service.js';
import { figureNow } from './kpi-compute.service.js';
import { calendarOf, type WorkspaceCalendar } from './kpi-request.service.js';
import { findKpi } from './kpis/registry.js';
import type { KpiDefinition } from './kpis/types.js';
import { scopeNameOf } from './quotas.service.js';
import { assertSalesReader, canSeeTarget, loadOrg, type Org, targetScope } from './scope.service.js';

const STATUS_ORDER = { red: 0, amber: 1, green: 2, no_data: 3 } as const;

function periodOfRow(row: Pick<ExpectationRow, 'period_kind' | 'period_key'>, ws: WorkspaceCalendar, today: string): Period {
  const fixed = row.period_key ? parsePeriodKey(row.period_key, ws.fiscalYearStartMonth) : null;
  return fixed ?? periodContaining(row.period_kind, today, ws.fiscalYearStartMonth);
}

/** The expectation's KPI for its scope and period now, judged against its thresholds. */
async function currentStatus(ctx: Ctx, row: ExpectationRow, kpi: KpiDefinition, org: Org, ws: WorkspaceCalendar): Promise<ExpectationStatus> {
  const now = ctx.now();
  const period = periodOfRow(row, ws, calendarDate(now, ws.timezone));
  const bounds = boundsOf(period, ws.timezone);
  const elapsed = elapsedShare(bounds, now);
  const scope = targetScope(org, ws, row.scope_type, row.scope_id);
  const base = { period: periodInfo(period), elapsed };
  if (!scope) return { ...base, status: 'no_data', value: null, projected: null, noData: 'The scope no longer exists' };
  if (elapsed === 0) return { ...base, status: 'no_data', value: null, projected: null, noData: 'The period has not started' };
  const point = await figureNow(ctx, kpi, ws, scope, period);
  const value = point.value;
  const projected = projectedValue(value, kpi.meta.cumulative, elapsed);
  return {
    ...base,
    status: statusOf(projected, kpi.meta.better, { target: row.target, amberThreshold: row.amber_threshold, redThreshold: row.red_threshold }),
    value,
    projected: kpi.meta.cumulative ? projected : null,
    noData: value === null ? (point.noData ?? 'No data') : projected === null ? 'Too early in the period to judge the pace' : null,
  };
}

async function toExpectation(ctx: Ctx, row: ExpectationRow, org: Org, ws: WorkspaceCalendar): Promise<Expectation> {
  const kpi = findKpi(row.kpi_id);
  if (!kpi) throw new Error(`expectation ${row.id} names an unknown KPI ${row.kpi_id}`);
  return {
    id: row.id,
    kpiId: row.kpi_id,
    kpiName: kpi.meta.name,
    unit: kpi.meta.unit,
    better: kpi.meta.better,
    scopeType: row.scope_type,
    scopeId: row.scope_id,
    scopeName: scopeNameOf(org, ws.name, row.scope_type, row.scope_id),
    periodKind: row.period_kind,
    periodKey: row.period_key,
    target: row.target,
    amberThreshold: row.amber_threshold,
    redThreshold: row.red_threshold,
    ownerId: row.owner_id,
    ownerName: org.users.find((u) => u.id === row.owner_id)?.name ?? '(deleted user)',
    note: row.note,
    currency: kpi.meta.unit === 'money' || kpi.meta.unit === 'money_per_day' ? ws.currency : null,
    current: await currentStatus(ctx, row, kpi, org, ws),
    version: row.version,
  };
}

async function visible(ctx: Ctx, org: Org, row: ExpectationRow): Promise<boolean> {
  return row.owner_id === ctx.actor.userId || canSeeTarget(ctx, org, row.scope_type, row.scope_id);
}

/** Expectations the caller may see (their people's, their teams', their own), worst first when filtered. */
export async function listExpectations(ctx: Ctx, q: ExpectationListQuery): Promise<ExpectationList> {
  assertSalesReader(ctx);
  const [ws, org, rows] = await Promise.all([calendarOf(ctx), loadOrg(ctx), listExpectationRows(ctx.db, ctx.actor.workspaceId)]);
  const items: Expectation[] = [];
  for (const row of rows) {
    if (q.ownerId && row.owner_id !== q.ownerId) continue;
    if (!(await visible(ctx, org, row))) continue;
    items.push(await toExpectation(ctx, row, org, ws));
  }
  const wanted = q.status === 'off_track' ? ['amber', 'red'] : q.status ? [q.status] : null;
  const filtered = wanted ? items.filter((e) => wanted.includes(e.current.status)) : items;
  if (q.status) filtered.sort((a, b) => STATUS_ORDER[a.current.status] - STATUS_ORDER[b.current.status]);
  return { items: filtered };
}

export interface Evaluation {
  id: string;
  ownerId: string;
  status: ExpectationStatus['status'];
  period: { key: string; label: string };
}

/**
 * Every live expectation of the workspace judged now, without a visibility check: for the system's
 * daily evaluation (measurement/expectation-alerts.jobs.ts), whose recipients are checked one by one
 * through readableExpectationNames.
 */
export async function evaluateAllExpectations(ctx: Ctx): Promise<Evaluation[]> {
  const [ws, org, rows] = await Promise.all([calendarOf(ctx), loadOrg(ctx), listExpectationRows(ctx.db, ctx.actor.workspaceId)]);
  const out: Evaluation[] = [];
  for (const row of rows) {
    const kpi = findKpi(row.kpi_id);
    if (!kpi) continue;
    const current = await currentStatus(ctx, row, kpi, org, ws);
    out.push({ id: row.id, ownerId: row.owner_id, status: current.status, period: { key: current.period.key, label: current.period.label } });
  }
  return out;
}

/** Stores an evaluation in ctx's transaction; true when it is the one that turned the expectation red. */
export function turnedRed(ctx: Ctx, e: Evaluation): Promise<boolean> {
  return recordEvaluation(ctx.db, {
    expectation_id: e.id,
    workspace_id: ctx.actor.workspaceId,
    status: e.status,
    period_key: e.period.key,
    evaluated_at: ctx.now(),
  });
}

/** "Win rate for Rita Rep" for the expectations among ids that ctx.actor may read now (the list's rule). */
export async function readableExpectationNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await findExpectations(ctx.db, ctx.actor.workspaceId, ids);
  if (rows.length === 0) return new Map();
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const names = new Map<string, string>();
  for (const row of rows) {
    const kpi = findKpi(row.kpi_id);
    if (kpi && (await visible(ctx, org, row))) names.set(row.id, `${kpi.meta.name} for ${scopeNameOf(org, ws.name, row.scope_type, row.scope_id)}`);
  }
  return names;
}

/** Expectations are set by managers and admins; any other role is refused whatever it names. */
function assertSetter(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin' && ctx.actor.role !== 'manager') throw forbidden('Expectations are set by managers and admins');
}

async function assertMayManage(ctx: Ctx, org: Org, type: TargetScopeType, id: string): Promise<void> {
  assertSetter(ctx);
  if (ctx.actor.role === 'admin') return;
  if (type === 'workspace' || !(await canSeeTarget(ctx, org, type, id))) throw forbidden('A manager sets expectations for their own teams and people');
}

/**
 * The scope of a new expectation: a team or person that exists and the caller may set expectations
 * for; one outside the caller's reach answers exactly like one that does not exist (no oracle).
 * The workspace's own scope is named by its type, not an id, so a manager is simply refused it.
 */
async function checkScope(ctx: Ctx, org: Org, ws: { id: string; name: string }, type: TargetScopeType, scopeId: string): Promise<void> {
  assertSetter(ctx);
  const reachable = ctx.actor.role === 'admin' || type === 'workspace' || (await canSeeTarget(ctx, org, type, scopeId));
  if (!targetScope(org, ws, type, scopeId) || !reachable) throw invalidField('scopeId', `no ${type} with this id`);
  await assertMayManage(ctx, org, type, scopeId);
}

/** The owner: an active user the caller may give work to (an admin anyone, a manager their people). */
async function checkOwner(ctx: Ctx, org: Org, ownerId: string): Promise<void> {
  const active = org.users.some((u) => u.id === ownerId && !u.disabled);
  if (!active || (ctx.actor.role !== 'admin' && !(await teamOwnerIds(ctx)).includes(ownerId))) throw invalidField('ownerId', 'no active user with this id');
}

function kpiOf(id: string): KpiDefinition {
  const kpi = findKpi(id);
  if (!kpi) throw invalidField('kpiId', 'is not a KPI of the catalogue');
  return kpi;
}

function checkPeriod(kind: ExpectationRow['period_kind'], key: string | null | undefined, ws: WorkspaceCalendar): string | null {
  if (!key) return null;
  const p = parsePeriodKey(key, ws.fiscalYearStartMonth);
  if (!p || p.kind !== kind) throw invalidField('periodKey', `is not a ${kind === 'year' ? 'fiscal year' : kind}`);
  return p.key;
}

export async function createExpectation(ctx: Ctx, input: ExpectationCreate): Promise<Expectation> {
  const [ws, org] = await Promise.all([calendarOf(ctx), loadOrg(ctx)]);
  const kpi = kpiOf(input.kpiId);
  const scopeId = input.scopeType === 'workspace' ? ws.id : input.scopeId;
  if (!scopeId) throw invalidField('scopeId', `is required for a ${input.scopeType} expectation`);
  await checkScope(ctx, org, ws, input.scopeType, scopeId);
  const ownerId = input.ownerId ?? ctx.actor.userId;
  await checkOwner(ctx, org, ownerId);
  assertThresholds(kpi.meta.better, input);
  const now = ctx.now();
  const row: ExpectationRow = {
    id: newId(),
    workspace_id: ws.id,
    kpi_id: kpi.meta.id,
    scope_type: input.scopeType,
    scope_id: scopeId,
    period_kind: input.periodKind,
    period_key: checkPeriod(input.periodKind, input.periodKey, ws),
    target: input.target,
    amber_threshold: input.amberThreshold,
    red_threshold: input.redThreshold,
    owner_id: ownerId,
    note: input.note?.trim() || null,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    archived_at: null,
    version: 1,
  };
  await inTransaction(ctx, async (tx) => {
    await insertExpectation(tx.db, row);
    await audit(tx, 'expectation.changed', {
      targetType: 'expectation',
      targetId: row.id,
      summary: `Created an expectation on ${row.kpi_id}`,
      details: { op: 'created', kpiId: row.kpi_id, scopeType: row.scope_type, scopeId: row.scope_id, target: row.target },
    });
  });
  return toExpectation(ctx, row, org, ws);
}

export async function patchExpectation(ctx: Ctx, id: string, patch: ExpectationPatch): Promise<Expectation> {
  return inTransaction(ctx, async (tx) => {
    const [ws, org] = await Promise.all([calendarOf(tx), loadOrg(tx)]);
    const row = await findExpectation(tx.db, ctx.actor.workspaceId, id);
    if (!row || !(await visible(tx, org, row))) throw notFound('Expectation');
    await assertMayManage(tx, org, row.scope_type, row.scope_id);
    if (row.version !== patch.version) throw stale('Expectation', row.version);
    const kpi = kpiOf(row.kpi_id);
    const next = {
      target: patch.target ?? row.target,
      amberThreshold: patch.amberThreshold ?? row.amber_threshold,
      redThreshold: patch.redThreshold ?? row.red_threshold,
    };
    assertThresholds(kpi.meta.better, next);
    if (patch.ownerId !== undefined) await checkOwner(tx, org, patch.ownerId);
    const kind = patch.periodKind ?? row.period_kind;
    const key = patch.periodKey !== undefined ? patch.periodKey : patch.periodKind !== undefined ? null : row.period_key;
    const changes = {
      period_kind: kind,
      period_key: checkPeriod(kind, key, ws),
      target: next.target,
      amber_threshold: next.amberThreshold,
      red_threshold: next.redThreshold,
      ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
      ...(patch.note !== undefined && { note: patch.note?.trim() || null }),
    };
    if (!(await updateExpectation(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Expectation', row.version);
    await audit(tx, 'expectation.changed', {
      targetType: 'expectation',
      targetId: id,
      summary: `Changed an expectation on ${row.kpi_id}`,
      details: {
        op: 'updated',
        target: { from: row.target, to: next.target },
        amber: { from: row.amber_threshold, to: next.amberThreshold },
        red: { from: row.red_threshold, to: next.redThreshold },
      },
    });
    return toExpectation(tx, (await findExpectation(tx.db, ctx.actor.workspaceId, id)) as ExpectationRow, org, ws);
  });
}

export async function deleteExpectation(ctx: Ctx, id: string): Promise<void> {
  const org = await loadOrg(ctx);
  const row = await findExpectation(ctx.db, ctx.actor.workspaceId, id);
  if (!row || !(await visible(ctx, org, row))) throw notFound('Expectation');
  await assertMayManage(ctx, org, row.scope_type, row.scope_id);
  await inTransaction(ctx, async (tx) => {
    await archiveExpectation(tx.db, ctx.actor.workspaceId, id, tx.now());
    await audit(tx, 'expectation.changed', {
      targetType: 'expectation',
      targetId: id,
      summary: `Removed an expectation on ${row.kpi_id}`,
      details: { op: 'deleted' },
    });
  });
}
