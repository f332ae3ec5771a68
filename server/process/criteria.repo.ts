import type { Kysely, Selectable } from 'kysely';
import type { ExitCriterion } from '../../api/pipelines.js';
import { insertChunks } from '../db/batch-insert.js';
import type { ActivityType } from '../db/schema/crm.js';
import type { DealChecklistTicksTable, ExitCriteriaTable, StageMoveChecksTable } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';

export type CriterionRow = Selectable<ExitCriteriaTable>;
export type TickRow = Selectable<DealChecklistTicksTable>;
export type MoveCheckRow = Selectable<StageMoveChecksTable>;

export const toCriterion = (r: CriterionRow): ExitCriterion => ({
  id: r.id,
  stageId: r.stage_id,
  position: r.position,
  kind: r.kind,
  label: r.label,
  field: r.field,
  activityType: r.activity_type,
  withinDays: r.within_days,
  frameworkId: r.framework_id,
  minScore: r.min_score,
  scenario: r.scenario,
});

/** Active criteria of the given stages, in criterion order within each stage. */
export async function listCriteriaOfStages(db: Kysely<DB>, workspaceId: string, stageIds: readonly string[]): Promise<CriterionRow[]> {
  if (stageIds.length === 0) return [];
  return db
    .selectFrom('exit_criteria')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', 'in', [...stageIds])
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function listCriteriaOfPipeline(db: Kysely<DB>, workspaceId: string, pipelineId: string): Promise<CriterionRow[]> {
  return db
    .selectFrom('exit_criteria')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', pipelineId)
    .where('archived_at', 'is', null)
    .orderBy('stage_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findCriterion(db: Kysely<DB>, workspaceId: string, id: string): Promise<CriterionRow | undefined> {
  return db.selectFrom('exit_criteria').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function nextCriterionPosition(db: Kysely<DB>, stageId: string): Promise<number> {
  const r = await db
    .selectFrom('exit_criteria')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

export async function insertCriterion(db: Kysely<DB>, row: CriterionRow): Promise<void> {
  await db.insertInto('exit_criteria').values(row).execute();
}

export type CriterionChanges = Partial<
  Pick<CriterionRow, 'label' | 'field' | 'activity_type' | 'within_days' | 'framework_id' | 'min_score' | 'scenario' | 'archived_at'>
>;

export async function updateCriterion(db: Kysely<DB>, workspaceId: string, id: string, changes: CriterionChanges, now: number): Promise<void> {
  await db
    .updateTable('exit_criteria')
    .set({ ...changes, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Active criteria that name a field or framework (so neither is retired while a gate needs it). */
export function criteriaUsing(db: Kysely<DB>, workspaceId: string, use: { field?: string; frameworkId?: string }): Promise<CriterionRow[]> {
  let q = db.selectFrom('exit_criteria').selectAll().where('workspace_id', '=', workspaceId).where('archived_at', 'is', null);
  if (use.field) q = q.where('kind', '=', 'field').where('field', '=', use.field);
  if (use.frameworkId) q = q.where('kind', '=', 'qualification').where('framework_id', '=', use.frameworkId);
  return q.execute();
}

// ---- Checklist ticks ---------------------------------------------------------------------------

export function listTicks(db: Kysely<DB>, workspaceId: string, dealId: string): Promise<(TickRow & { ticked_by_name: string | null })[]> {
  return db
    .selectFrom('deal_checklist_ticks as t')
    .leftJoin('users as u', 'u.id', 't.ticked_by')
    .selectAll('t')
    .select('u.name as ticked_by_name')
    .where('t.workspace_id', '=', workspaceId)
    .where('t.deal_id', '=', dealId)
    .execute();
}

export async function insertTick(db: Kysely<DB>, row: TickRow): Promise<void> {
  await db
    .insertInto('deal_checklist_ticks')
    .values(row)
    .onConflict((oc) => oc.columns(['deal_id', 'criterion_id']).doNothing())
    .execute();
}

/** Removes a tick; true when there was one. */
export async function deleteTick(db: Kysely<DB>, workspaceId: string, dealId: string, criterionId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('deal_checklist_ticks')
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .where('criterion_id', '=', criterionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---- Facts and per-move results --------------------------------------------------------------------

/** Activities of a deal that a required-activity criterion could count. */
export async function dealActivityFacts(
  db: Kysely<DB>,
  workspaceId: string,
  dealId: string,
  types: readonly ActivityType[],
): Promise<{ type: ActivityType; occurredAt: number; completedAt: number | null }[]> {
  if (types.length === 0) return [];
  const rows = await db
    .selectFrom('activities')
    .select(['type', 'occurred_at', 'completed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .where('deleted_at', 'is', null)
    .where('type', 'in', [...types])
    .execute();
  return rows.map((r) => ({ type: r.type, occurredAt: Number(r.occurred_at), completedAt: r.completed_at === null ? null : Number(r.completed_at) }));
}

export async function insertMoveChecks(db: Kysely<DB>, rows: MoveCheckRow[]): Promise<void> {
  for (const chunk of insertChunks(rows)) await db.insertInto('stage_move_checks').values(chunk).execute();
}
