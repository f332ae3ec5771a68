// Coaching objectives: set by whoever coaches the coachee, with the baseline taken from the KPI
// engine at that moment (the same KPI over an equally long window just before the start); after the
// review date, the first read measures the KPI over the objective's window for the coachee and
// their team and records the outcome (reviewed_at, met, result) — the objectives-met KPI counts
// those records. Rows are versioned: a stale edit is 409.
import type { CoachingObjective, ObjectiveCreate, ObjectiveList, ObjectiveListQuery, ObjectivePatch } from '../../api/coaching-objectives.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, invalidField, notFound, stale } from '../errors.js';
import { newId } from '../ids.js';
import { compareWithBenchmark } from '../measurement/kpi-compare.service.js';
import { findKpi } from '../measurement/kpis/registry.js';
import { userNames } from './coachee-access.service.js';
import { coachingScope, coachingScopeOrNull, myCoacheeIds, reaches } from './coaching-scope.service.js';
import { baselineWindow, meets, verifiedEffect } from './objective-rules.js';
import { findObjective, insertObjective, type ObjectiveRow, objectivesOf, recordReview, updateObjective } from './objectives.repo.js';
import { today } from './sessions.service.js';
import { loadSkillModel } from './skills.service.js';

interface StoredReview {
  value: number | null;
  count: number;
  change: number | null;
  benchmark: { label: string; before: number | null; after: number | null; change: number | null };
  effect: number | null;
}

function kpiOf(id: string) {
  const kpi = findKpi(id);
  if (kpi?.meta.audience !== 'sales') throw invalidField('kpiId', 'is not a KPI of the catalogue');
  return kpi;
}

async function toObjective(ctx: Ctx, r: ObjectiveRow): Promise<CoachingObjective> {
  const names = await userNames(ctx);
  const kpi = findKpi(r.kpi_id);
  const window = baselineWindow(r.start_date, r.review_date);
  const stored = r.result === null ? null : (JSON.parse(r.result) as StoredReview);
  const status = r.reviewed_at === null ? 'pending' : r.met === null ? 'no_data' : r.met === 1 ? 'met' : 'not_met';
  return {
    id: r.id,
    coachee: { id: r.coachee_id, name: names.get(r.coachee_id) ?? '(deleted user)' },
    coach: { id: r.coach_id, name: names.get(r.coach_id) ?? '(deleted user)' },
    skillKey: r.skill_key,
    kpiId: r.kpi_id,
    kpiName: kpi?.meta.name ?? r.kpi_id,
    unit: kpi?.meta.unit ?? 'count',
    better: kpi?.meta.better ?? 'higher',
    baseline: r.baseline,
    baselineFrom: window.from,
    baselineTo: window.to,
    target: r.target,
    startDate: r.start_date,
    reviewDate: r.review_date,
    note: r.note,
    archived: r.archived_at !== null,
    status,
    review: stored && r.reviewed_at !== null ? { reviewedAt: new Date(r.reviewed_at).toISOString(), ...stored } : null,
    version: r.version,
  };
}

/**
 * Measures an objective whose review date has passed, once, and records the outcome. The figures
 * come from history, so measuring again later gives the same answer unless history was corrected.
 */
async function reviewIfDue(ctx: Ctx, r: ObjectiveRow, todayDate: string): Promise<ObjectiveRow> {
  if (r.reviewed_at !== null || r.archived_at !== null || r.review_date >= todayDate || !findKpi(r.kpi_id)) return r;
  const window = baselineWindow(r.start_date, r.review_date);
  const after = await compareWithBenchmark(ctx, r.coachee_id, [r.kpi_id], r.start_date, r.review_date);
  const before = await compareWithBenchmark(ctx, r.coachee_id, [r.kpi_id], window.from, window.to);
  const a = after.figures[r.kpi_id];
  const b = before.figures[r.kpi_id];
  const value = a?.person.value ?? null;
  const e = verifiedEffect({ before: r.baseline, after: value }, { before: b?.benchmark.value ?? null, after: a?.benchmark.value ?? null });
  const result: StoredReview = {
    value,
    count: a?.person.count ?? 0,
    change: e.change,
    benchmark: { label: after.benchmark.label, before: b?.benchmark.value ?? null, after: a?.benchmark.value ?? null, change: e.benchChange },
    effect: e.effect,
  };
  const better = findKpi(r.kpi_id)?.meta.better ?? 'higher';
  const met = value === null ? null : meets(value, r.target, better) ? 1 : 0;
  const at = ctx.now();
  // Recorded once: a concurrent read that recorded it first wins, and both saw the same figures.
  await recordReview(ctx.db, ctx.actor.workspaceId, r.id, { reviewed_at: at, met, result: JSON.stringify(result) });
  return (await findObjective(ctx.db, ctx.actor.workspaceId, r.id)) ?? r;
}

async function readable(ctx: Ctx, id: string): Promise<ObjectiveRow> {
  const row = await findObjective(ctx.db, ctx.actor.workspaceId, id);
  if (!row || !reaches(await coachingScopeOrNull(ctx, 'read'), ctx, { coacheeId: row.coachee_id, coachId: row.coach_id })) throw notFound('Coaching objective');
  return row;
}

export async function getObjective(ctx: Ctx, id: string): Promise<CoachingObjective> {
  return toObjective(ctx, await reviewIfDue(ctx, await readable(ctx, id), await today(ctx)));
}

export async function listObjectives(ctx: Ctx, q: ObjectiveListQuery): Promise<ObjectiveList> {
  const scope = await coachingScope(ctx, 'read');
  const rows = await objectivesOf(ctx.db, ctx.actor.workspaceId, {
    coacheeIds: q.coacheeId ? [q.coacheeId] : scope.all ? null : [...scope.coacheeIds, ...(await myCoacheeIds(ctx))],
    archived: q.archived ?? false,
  });
  const todayDate = await today(ctx);
  const items: CoachingObjective[] = [];
  for (const row of rows) {
    if (!reaches(scope, ctx, { coacheeId: row.coachee_id, coachId: row.coach_id })) continue;
    const o = await toObjective(ctx, await reviewIfDue(ctx, row, todayDate));
    if (!q.status || o.status === q.status) items.push(o);
  }
  return { items };
}

export async function createObjective(ctx: Ctx, input: ObjectiveCreate): Promise<CoachingObjective> {
  const scope = await coachingScope(ctx, 'create');
  const names = await userNames(ctx);
  if (!names.has(input.coacheeId) || !reaches(scope, ctx, { coacheeId: input.coacheeId })) throw invalidField('coacheeId', 'no one you coach with this id');
  if (input.coacheeId === ctx.actor.userId) throw invalidField('coacheeId', 'an objective is set by a coach, not for yourself');
  const model = await loadSkillModel(ctx);
  if (!model.skills.some((s) => s.key === input.skillKey)) throw invalidField('skillKey', 'is not a skill of the current model');
  kpiOf(input.kpiId);
  if (!Number.isFinite(input.target)) throw invalidField('target', 'is not a number');
  const startDate = input.startDate ?? (await today(ctx));
  if (input.reviewDate <= startDate) throw invalidField('reviewDate', 'must be after the start date');
  if (input.reviewDate > `${Number(startDate.slice(0, 4)) + 2}${startDate.slice(4)}`)
    throw invalidField('reviewDate', 'may be two years after the start at most');
  const window = baselineWindow(startDate, input.reviewDate);
  const baseline = (await compareWithBenchmark(ctx, input.coacheeId, [input.kpiId], window.from, window.to)).figures[input.kpiId]?.person.value ?? null;
  const now = ctx.now();
  const row: ObjectiveRow = {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    coachee_id: input.coacheeId,
    coach_id: ctx.actor.userId,
    skill_key: input.skillKey,
    kpi_id: input.kpiId,
    baseline,
    target: input.target,
    start_date: startDate,
    review_date: input.reviewDate,
    reviewed_at: null,
    result: null,
    met: null,
    note: input.note?.trim() || null,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    archived_at: null,
    version: 1,
  };
  await insertObjective(ctx.db, row);
  return toObjective(ctx, row);
}

export async function patchObjective(ctx: Ctx, id: string, patch: ObjectivePatch): Promise<CoachingObjective> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx, id);
    const scope = await coachingScopeOrNull(tx, 'update');
    const mayWrite = row.coach_id === ctx.actor.userId || (scope !== null && ctx.actor.role !== 'rep' && reaches(scope, tx, { coacheeId: row.coachee_id }));
    if (!mayWrite) throw forbidden('Only the objective’s coach (or their manager, an admin) changes it');
    if (row.version !== patch.version) throw stale('Coaching objective', row.version);
    if (patch.target !== undefined && !Number.isFinite(patch.target)) throw invalidField('target', 'is not a number');
    if (patch.reviewDate !== undefined && patch.reviewDate <= row.start_date) throw invalidField('reviewDate', 'must be after the start date');
    if ((patch.target !== undefined || patch.reviewDate !== undefined) && row.reviewed_at !== null)
      throw invalidField(patch.target !== undefined ? 'target' : 'reviewDate', 'the objective has been reviewed; set a new one');
    const changes = {
      ...(patch.target !== undefined && { target: patch.target }),
      ...(patch.reviewDate !== undefined && { review_date: patch.reviewDate }),
      ...(patch.note !== undefined && { note: patch.note?.trim() || null }),
      ...(patch.archived !== undefined && { archived_at: patch.archived ? (row.archived_at ?? tx.now()) : null }),
    };
    if (!(await updateObjective(tx.db, ctx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Coaching objective', row.version);
    return toObjective(tx, (await findObjective(tx.db, ctx.actor.workspaceId, id)) as ObjectiveRow);
  });
}
