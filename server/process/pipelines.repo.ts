import type { Kysely, Selectable } from 'kysely';
import type { Pipeline, Stage } from '../../api/pipelines.js';
import type { DB, PipelinesTable, ProcessVersionsTable, StagesTable } from '../db/schema.js';

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
