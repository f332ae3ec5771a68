import type { Kysely } from 'kysely';
import type { Pipeline } from '../../api/pipelines.js';
import { type Ctx, memo } from '../context.js';
import type { DB } from '../db/schema.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { listCriteriaOfPipeline, toCriterion } from './criteria.repo.js';
import { DEFAULT_STAGES } from './default-pipeline.js';
import {
  allStageRows,
  findDefaultPipeline,
  findPipeline,
  findStage,
  insertPipeline,
  insertProcessVersion,
  insertStages,
  latestVersionNumber,
  listPipelineRows,
  listStageRows,
  type PipelineRow,
  type StageRow,
  setCurrentVersion,
  toPipeline,
  toStage,
} from './pipelines.repo.js';

export async function listPipelines(ctx: Ctx): Promise<Pipeline[]> {
  const [pipelines, stages] = await Promise.all([listPipelineRows(ctx.db, ctx.actor.workspaceId), listStageRows(ctx.db, ctx.actor.workspaceId)]);
  return pipelines.map((p) => toPipeline(p, stages));
}

/** Stages of the workspace by id, memoised for the request (deal lists map stage names from it). */
export function stagesById(ctx: Ctx): Promise<Map<string, StageRow>> {
  return memo(ctx, 'stagesById', async () => {
    const rows = await allStageRows(ctx.db, ctx.actor.workspaceId);
    return new Map(rows.map((s) => [s.id, s]));
  });
}

export async function getStage(ctx: Ctx, stageId: string): Promise<StageRow> {
  const stage = await findStage(ctx.db, ctx.actor.workspaceId, stageId);
  if (!stage) throw notFound('Stage');
  return stage;
}

export async function defaultPipeline(ctx: Ctx): Promise<PipelineRow> {
  const p = await findDefaultPipeline(ctx.db, ctx.actor.workspaceId);
  if (!p) throw notFound('Pipeline');
  return p;
}

/** The process version stage moves are checked against right now. */
export async function currentProcessVersionId(ctx: Ctx, pipelineId: string): Promise<string | null> {
  return (await findPipeline(ctx.db, ctx.actor.workspaceId, pipelineId))?.current_version_id ?? null;
}

/** Active stages of a pipeline, in order. */
export function pipelineStages(ctx: Ctx, pipelineId: string): Promise<StageRow[]> {
  return listStageRows(ctx.db, ctx.actor.workspaceId, pipelineId);
}

/**
 * Records the pipeline's current stages and their exit criteria as a new process version. Every stage move stores the
 * version it was checked against, so a year of metrics stays comparable across process changes.
 */
export async function snapshotProcessVersion(
  db: Kysely<DB>,
  input: { workspaceId: string; pipelineId: string; actorId: string | null; now: number; note: string | null; extra?: Record<string, unknown> },
): Promise<string> {
  const [stages, criteria] = await Promise.all([
    listStageRows(db, input.workspaceId, input.pipelineId),
    listCriteriaOfPipeline(db, input.workspaceId, input.pipelineId),
  ]);
  const number = (await latestVersionNumber(db, input.pipelineId)) + 1;
  const id = newId();
  const snapshot = {
    stages: stages.map((s) => ({
      ...toStage(s),
      criteria: criteria
        .filter((c) => c.stage_id === s.id)
        .sort((a, b) => a.position - b.position)
        .map(toCriterion),
    })),
    ...input.extra,
  };
  await insertProcessVersion(db, {
    id,
    workspace_id: input.workspaceId,
    pipeline_id: input.pipelineId,
    number,
    snapshot: JSON.stringify(snapshot),
    note: input.note,
    created_by: input.actorId,
    created_at: input.now,
  });
  await setCurrentVersion(db, input.workspaceId, input.pipelineId, id, input.now);
  return id;
}

/** Creates the default pipeline of a new workspace with its first process version. */
export async function createDefaultPipeline(db: Kysely<DB>, input: { workspaceId: string; actorId: string | null; now: number }): Promise<string> {
  const pipelineId = newId();
  await insertPipeline(db, {
    id: pipelineId,
    workspace_id: input.workspaceId,
    name: 'Sales',
    is_default: 1,
    current_version_id: null,
    created_at: input.now,
    updated_at: input.now,
    archived_at: null,
    version: 1,
  });
  await insertStages(
    db,
    DEFAULT_STAGES.map((s, i) => ({
      id: newId(),
      workspace_id: input.workspaceId,
      pipeline_id: pipelineId,
      name: s.name,
      position: i + 1,
      probability: s.probability,
      kind: s.kind,
      guidance: s.guidance,
      aging_days: s.agingDays,
      allow_override: 0,
      forecast_category: s.forecastCategory,
      created_at: input.now,
      updated_at: input.now,
      archived_at: null,
    })),
  );
  await snapshotProcessVersion(db, { ...input, pipelineId, note: 'Default process' });
  return pipelineId;
}
