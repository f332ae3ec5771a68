// Reading the process: a pipeline's stages with their exit criteria, its versions, and the deal
// fields a criterion may require. Every signed-in user may read it (reps need the guidance).
import type { FieldChoice, ProcessDefinition, ProcessVersion, ProcessVersionDetail } from '../../api/pipelines.js';
import { type Ctx, inTransaction } from '../context.js';
import { forbidden, notFound, stale } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { audit } from '../ops/audit.service.js';
import { CORE_FIELDS } from './criteria.js';
import { listCriteriaOfPipeline, toCriterion } from './criteria.repo.js';
import { listDealFieldRows } from './custom-fields.repo.js';
import {
  claimPipeline,
  findPipeline,
  findVersionRow,
  listStageRows,
  listVersionRows,
  type PipelineRow,
  type ProcessVersionRow,
  toStage,
} from './pipelines.repo.js';
import { snapshotProcessVersion } from './pipelines.service.js';

const toVersion = (v: ProcessVersionRow & { created_by_name: string | null }): ProcessVersion => ({
  id: v.id,
  number: v.number,
  note: v.note,
  createdAt: new Date(Number(v.created_at)).toISOString(),
  createdById: v.created_by,
  createdByName: v.created_by_name,
});

export async function fieldChoices(ctx: Ctx): Promise<FieldChoice[]> {
  const custom = await listDealFieldRows(ctx.db, ctx.actor.workspaceId);
  return [...Object.entries(CORE_FIELDS).map(([field, label]) => ({ field, label })), ...custom.map((f) => ({ field: `custom.${f.key}`, label: f.label }))];
}

export async function activePipeline(ctx: Ctx, pipelineId: string): Promise<PipelineRow> {
  const p = await findPipeline(ctx.db, ctx.actor.workspaceId, pipelineId);
  if (!p || p.archived_at !== null) throw notFound('Pipeline');
  return p;
}

export async function getProcess(ctx: Ctx, pipelineId: string): Promise<ProcessDefinition> {
  if (ctx.actor.role === 'marketing') throw forbidden('The sales process is for sales roles');
  const ws = ctx.actor.workspaceId;
  const p = await activePipeline(ctx, pipelineId);
  const [stages, criteria, choices] = await Promise.all([
    listStageRows(ctx.db, ws, pipelineId),
    listCriteriaOfPipeline(ctx.db, ws, pipelineId),
    fieldChoices(ctx),
  ]);
  const current = p.current_version_id ? await findVersionRow(ctx.db, ws, p.current_version_id) : undefined;
  return {
    pipeline: { id: p.id, name: p.name, isDefault: p.is_default === 1, version: p.version },
    stages: stages.map((s) => ({
      ...toStage(s),
      criteria: criteria
        .filter((c) => c.stage_id === s.id)
        .sort((a, b) => a.position - b.position)
        .map(toCriterion),
    })),
    currentVersion: current ? toVersion(current) : null,
    fieldChoices: choices,
  };
}

export async function listVersions(ctx: Ctx, pipelineId: string): Promise<ProcessVersion[]> {
  if (ctx.actor.role === 'marketing') throw forbidden('The sales process is for sales roles');
  await activePipeline(ctx, pipelineId);
  return (await listVersionRows(ctx.db, ctx.actor.workspaceId, pipelineId)).map(toVersion);
}

export async function getVersion(ctx: Ctx, id: string): Promise<ProcessVersionDetail> {
  if (ctx.actor.role === 'marketing') throw forbidden('The sales process is for sales roles');
  const v = await findVersionRow(ctx.db, ctx.actor.workspaceId, id);
  if (!v) throw notFound('Process version');
  return { ...toVersion(v), pipelineId: v.pipeline_id, snapshot: JSON.parse(v.snapshot) as unknown };
}

/**
 * Runs one admin change to a pipeline's process: checks the pipeline version the admin read,
 * applies the change, records a new process version and answers the process as it now is.
 * `change` returns the version note to use when the admin gave none.
 */
export async function changeProcess(
  ctx: Ctx,
  pipelineId: string,
  input: { version: number; note?: string | undefined },
  change: (tx: Ctx) => Promise<string>,
): Promise<ProcessDefinition> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const p = await activePipeline(tx, pipelineId);
    const now = tx.now();
    if (p.version !== input.version || !(await claimPipeline(tx.db, ctx.actor.workspaceId, pipelineId, input.version, now))) {
      throw stale('Pipeline', p.version);
    }
    const autoNote = await change(tx);
    await snapshotProcessVersion(tx.db, {
      workspaceId: ctx.actor.workspaceId,
      pipelineId,
      actorId: ctx.actor.userId,
      now,
      note: input.note?.trim() || autoNote,
    });
    await audit(tx, 'process.changed', {
      targetType: 'pipeline',
      targetId: pipelineId,
      summary: `Changed the process of ${p.name}: ${input.note?.trim() || autoNote}`,
    });
    return getProcess(tx, pipelineId);
  });
}
