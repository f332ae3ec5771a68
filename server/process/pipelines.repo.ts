import type { Kysely, Selectable } from 'kysely';
import type { Pipeline, Stage } from '../../api/pipelines.js';
import type { PipelinesTable, ProcessVersionsTable, StagesTable } from '../db/schema/process.js';
import type { DB } from '../db/schema.js';

export type PipelineRow = Selectable<PipelinesTable>;
export type StageRow = Selectable<StagesTable>;
export type ProcessVersionRow = Selectable<ProcessVersionsTable>;

export const toStage = (r: StageRow): Stage => ({
  id: r.id,
  name: r.name,
  position: r.position,
  probability: r.probability,
  kind: r.kind,
  guidance: r.guidance,
  agingDays: r.aging_days,
  allowOverride: r.allow_override === 1,
  forecastCategory: r.forecast_category,
});

export const toPipeline = (p: PipelineRow, stages: StageRow[]): Pipeline => ({
  id: p.id,
  name: p.name,
  isDefault: p.is_default === 1,
  currentVersionId: p.current_version_id,
  version: p.version,
  stages: stages.filter((s) => s.pipeline_id === p.id).map(toStage),
});

export function listPipelineRows(db: Kysely<DB>, workspaceId: string): Promise<PipelineRow[]> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .execute();
}

export function findPipeline(db: Kysely<DB>, workspaceId: string, id: string): Promise<PipelineRow | undefined> {
  return db.selectFrom('pipelines').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export function findDefaultPipeline(db: Kysely<DB>, workspaceId: string): Promise<PipelineRow | undefined> {
  return db
    .selectFrom('pipelines')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Active stages of a workspace (optionally one pipeline), in process order. */
export function listStageRows(db: Kysely<DB>, workspaceId: string, pipelineId?: string): Promise<StageRow[]> {
  let q = db.selectFrom('stages').selectAll().where('workspace_id', '=', workspaceId).where('archived_at', 'is', null);
  if (pipelineId) q = q.where('pipeline_id', '=', pipelineId);
  return q.orderBy('pipeline_id').orderBy('position').execute();
}

/** Every stage of the workspace, archived ones included (old deals and moves still name them). */
export function allStageRows(db: Kysely<DB>, workspaceId: string): Promise<StageRow[]> {
  return db.selectFrom('stages').selectAll().where('workspace_id', '=', workspaceId).execute();
}

export function findStage(db: Kysely<DB>, workspaceId: string, id: string): Promise<StageRow | undefined> {
  return db.selectFrom('stages').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertPipeline(db: Kysely<DB>, row: PipelineRow): Promise<void> {
  await db.insertInto('pipelines').values(row).execute();
}

export async function insertStages(db: Kysely<DB>, rows: StageRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('stages').values(rows).execute();
}

export async function insertProcessVersion(db: Kysely<DB>, row: ProcessVersionRow): Promise<void> {
  await db.insertInto('process_versions').values(row).execute();
}

export async function setCurrentVersion(db: Kysely<DB>, workspaceId: string, pipelineId: string, versionId: string, now: number): Promise<void> {
  await db
    .updateTable('pipelines')
    .set((eb) => ({ current_version_id: versionId, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', pipelineId)
    .execute();
}

export async function latestVersionNumber(db: Kysely<DB>, pipelineId: string): Promise<number> {
  const r = await db
    .selectFrom('process_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

// ---- Admin writes ------------------------------------------------------------------------------

/**
 * Claims the pipeline for a process change when it is still at `version` (optimistic concurrency
 * for admins: the update also takes the row lock on PostgreSQL, so concurrent changes serialise).
 */
export async function claimPipeline(db: Kysely<DB>, workspaceId: string, id: string, version: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('pipelines')
    .set({ updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updatePipeline(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  changes: Partial<Pick<PipelineRow, 'name' | 'is_default' | 'archived_at'>>,
  now: number,
): Promise<void> {
  await db
    .updateTable('pipelines')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function clearDefaultPipeline(db: Kysely<DB>, workspaceId: string, now: number): Promise<void> {
  await db
    .updateTable('pipelines')
    .set((eb) => ({ is_default: 0, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('is_default', '=', 1)
    .execute();
}

export type StageChanges = Partial<
  Pick<StageRow, 'name' | 'probability' | 'guidance' | 'aging_days' | 'allow_override' | 'forecast_category' | 'position' | 'archived_at'>
>;

export async function updateStage(db: Kysely<DB>, workspaceId: string, id: string, changes: StageChanges, now: number): Promise<void> {
  await db
    .updateTable('stages')
    .set({ ...changes, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Deals (not deleted) currently in a stage or pipeline: a stage with deals cannot be retired. */
export async function countDealsIn(db: Kysely<DB>, workspaceId: string, where: { stageId?: string; pipelineId?: string; openOnly?: boolean }): Promise<number> {
  let q = db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null);
  if (where.stageId) q = q.where('stage_id', '=', where.stageId);
  if (where.pipelineId) q = q.where('pipeline_id', '=', where.pipelineId);
  if (where.openOnly) q = q.where('status', '=', 'open');
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export function listVersionRows(db: Kysely<DB>, workspaceId: string, pipelineId: string): Promise<(ProcessVersionRow & { created_by_name: string | null })[]> {
  return db
    .selectFrom('process_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.name as created_by_name')
    .where('v.workspace_id', '=', workspaceId)
    .where('v.pipeline_id', '=', pipelineId)
    .orderBy('v.number', 'desc')
    .execute();
}

export function findVersionRow(db: Kysely<DB>, workspaceId: string, id: string): Promise<(ProcessVersionRow & { created_by_name: string | null }) | undefined> {
  return db
    .selectFrom('process_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .selectAll('v')
    .select('u.name as created_by_name')
    .where('v.workspace_id', '=', workspaceId)
    .where('v.id', '=', id)
    .executeTakeFirst();
}
