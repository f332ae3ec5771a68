// Admin changes to pipelines and their stages. Every change to stages runs through
// changeProcess, so it is versioned; renaming or choosing the default pipeline is not a process change.

import type { Pipeline, PipelineCreate, PipelinePatch, ProcessDefinition, StageCreate, StageOrder, StagePatch, VersionedAction } from '../../api/pipelines.js';
import { nameKey, storedName } from '../../lib/names.js';
import { type Ctx, inTransaction } from '../context.js';
import { invalidField, ruleViolation, stale } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { newId } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { insertCriterion, listCriteriaOfPipeline, updateCriterion } from './criteria.repo.js';
import { DEFAULT_STAGES } from './default-pipeline.js';
import {
  clearDefaultPipeline,
  countDealsIn,
  insertPipeline,
  insertStages,
  listPipelineRows,
  listStageRows,
  type StageChanges,
  type StageRow,
  toPipeline,
  updatePipeline,
  updateStage,
} from './pipelines.repo.js';
import { getStage, snapshotProcessVersion } from './pipelines.service.js';
import { activePipeline, changeProcess, getProcess } from './process-definition.service.js';

function assertUniqueName(stages: readonly StageRow[], name: string, exceptId?: string): void {
  const clash = stages.find((s) => s.id !== exceptId && nameKey(s.name) === nameKey(name));
  if (clash) throw invalidField('name', `another stage of this pipeline is called ${clash.name}`);
}

/** Open stages come first; a pipeline keeps at least one open, one won and one lost stage. */
function assertShape(stages: readonly Pick<StageRow, 'kind'>[], field: string): void {
  const firstClosed = stages.findIndex((s) => s.kind !== 'open');
  if (firstClosed >= 0 && stages.slice(firstClosed).some((s) => s.kind === 'open'))
    throw invalidField(field, 'open stages must come before won and lost stages');
  for (const kind of ['open', 'won', 'lost'] as const) {
    if (!stages.some((s) => s.kind === kind)) throw ruleViolation(`A pipeline needs at least one ${kind} stage`);
  }
}

/** Writes positions 1..n in the given order (moves keep the positions they were made at). */
async function renumber(tx: Ctx, ordered: readonly StageRow[]): Promise<void> {
  const now = tx.now();
  for (const [i, s] of ordered.entries()) {
    if (s.position !== i + 1) await updateStage(tx.db, tx.actor.workspaceId, s.id, { position: i + 1 }, now);
  }
}

/** Pipeline names are checked, then written: one such transaction at a time (see teams.service). */
async function lockPipelineNames(tx: Ctx): Promise<void> {
  const lock = tx.dialect.transactionLock(PIPELINE_NAMES_LOCK);
  if (lock) await lock.execute(tx.db);
}
const PIPELINE_NAMES_LOCK = 17_002;

export async function createPipeline(ctx: Ctx, input: PipelineCreate): Promise<ProcessDefinition> {
  requireRole(ctx, 'admin');
  const pipelineId = await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    await lockPipelineNames(tx);
    const now = tx.now();
    const existing = await listPipelineRows(tx.db, ws);
    if (existing.some((p) => nameKey(p.name) === nameKey(input.name))) throw invalidField('name', 'another pipeline has this name');
    const id = newId();
    await insertPipeline(tx.db, {
      id,
      workspace_id: ws,
      name: storedName(input.name),
      is_default: existing.length === 0 ? 1 : 0,
      current_version_id: null,
      created_at: now,
      updated_at: now,
      archived_at: null,
      version: 1,
    });
    const stageRow = (s: Omit<StageRow, 'id' | 'workspace_id' | 'pipeline_id' | 'created_at' | 'updated_at' | 'archived_at'>): StageRow => ({
      ...s,
      id: newId(),
      workspace_id: ws,
      pipeline_id: id,
      created_at: now,
      updated_at: now,
      archived_at: null,
    });
    if (input.copyFromPipelineId) {
      // A copy keeps the stages and their exit criteria, so a new team starts from the proven process.
      await activePipeline(tx, input.copyFromPipelineId).catch(() => {
        throw invalidField('copyFromPipelineId', 'no such pipeline');
      });
      const stages = await listStageRows(tx.db, ws, input.copyFromPipelineId);
      const copies = stages.map((s) => stageRow({ ...s }));
      await insertStages(tx.db, copies);
      const newIdOf = new Map(stages.map((s, i) => [s.id, copies[i]?.id as string]));
      for (const c of await listCriteriaOfPipeline(tx.db, ws, input.copyFromPipelineId)) {
        await insertCriterion(tx.db, { ...c, id: newId(), pipeline_id: id, stage_id: newIdOf.get(c.stage_id) as string, created_at: now, updated_at: now });
      }
    } else {
      await insertStages(
        tx.db,
        DEFAULT_STAGES.map((s, i) =>
          stageRow({
            name: s.name,
            position: i + 1,
            probability: s.probability,
            kind: s.kind,
            guidance: s.guidance,
            aging_days: s.agingDays,
            allow_override: 0,
            forecast_category: s.forecastCategory,
          }),
        ),
      );
    }
    await snapshotProcessVersion(tx.db, { workspaceId: ws, pipelineId: id, actorId: ctx.actor.userId, now, note: 'Pipeline created' });
    await audit(tx, 'process.changed', { targetType: 'pipeline', targetId: id, summary: `Created the pipeline ${storedName(input.name)}` });
    return id;
  });
  return getProcess(ctx, pipelineId);
}

export async function patchPipeline(ctx: Ctx, id: string, patch: PipelinePatch): Promise<Pipeline> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const p = await activePipeline(tx, id);
    if (p.version !== patch.version) throw stale('Pipeline', p.version);
    const now = tx.now();
    if (patch.name !== undefined) {
      await lockPipelineNames(tx);
      const others = (await listPipelineRows(tx.db, ws)).filter((o) => o.id !== id);
      if (others.some((o) => nameKey(o.name) === nameKey(patch.name as string))) throw invalidField('name', 'another pipeline has this name');
    }
    if (patch.isDefault && p.is_default !== 1) await clearDefaultPipeline(tx.db, ws, now);
    await updatePipeline(tx.db, ws, id, { ...(patch.name !== undefined && { name: storedName(patch.name) }), ...(patch.isDefault && { is_default: 1 }) }, now);
    await audit(tx, 'process.changed', {
      targetType: 'pipeline',
      targetId: id,
      summary: `Changed the pipeline ${p.name}`,
      details: { ...(patch.name !== undefined && { name: { from: p.name, to: storedName(patch.name) } }), ...(patch.isDefault && { isDefault: true }) },
    });
    const row = await activePipeline(tx, id);
    return toPipeline(row, await listStageRows(tx.db, ws, id));
  });
}

export async function archivePipeline(ctx: Ctx, id: string, input: VersionedAction): Promise<void> {
  requireRole(ctx, 'admin');
  await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const p = await activePipeline(tx, id);
    if (p.version !== input.version) throw stale('Pipeline', p.version);
    if (p.is_default === 1) throw ruleViolation('The default pipeline cannot be archived; make another pipeline the default first');
    const open = await countDealsIn(tx.db, ws, { pipelineId: id, openOnly: true });
    if (open > 0) throw ruleViolation(`The pipeline still has ${open} open deals; close or move them first`, { openDeals: open });
    await updatePipeline(tx.db, ws, id, { archived_at: tx.now() }, tx.now());
    await audit(tx, 'process.changed', { targetType: 'pipeline', targetId: id, summary: `Archived the pipeline ${p.name}` });
  });
}

export function addStage(ctx: Ctx, pipelineId: string, input: StageCreate): Promise<ProcessDefinition> {
  return changeProcess(ctx, pipelineId, input, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const stages = await listStageRows(tx.db, ws, pipelineId);
    assertUniqueName(stages, input.name);
    const kind = input.kind ?? 'open';
    const openCount = stages.filter((s) => s.kind === 'open').length;
    const index = input.position !== undefined ? Math.min(input.position - 1, stages.length) : kind === 'open' ? openCount : stages.length;
    const now = tx.now();
    const row: StageRow = {
      id: newId(),
      workspace_id: ws,
      pipeline_id: pipelineId,
      name: input.name.trim(),
      position: index + 1,
      probability: input.probability,
      kind,
      guidance: input.guidance?.trim() || null,
      aging_days: input.agingDays ?? null,
      allow_override: input.allowOverride ? 1 : 0,
      forecast_category: input.forecastCategory ?? (kind === 'won' ? 'closed' : kind === 'lost' ? 'omitted' : 'pipeline'),
      created_at: now,
      updated_at: now,
      archived_at: null,
    };
    const ordered = [...stages.slice(0, index), row, ...stages.slice(index)];
    assertShape(ordered, 'position');
    await insertStages(tx.db, [row]);
    await renumber(tx, ordered);
    return `Added stage ${row.name}`;
  });
}

const STAGE_FIELD_NAMES: Record<string, string> = {
  name: 'name',
  probability: 'probability',
  guidance: 'guidance',
  agingDays: 'aging limit',
  allowOverride: 'overrides',
  forecastCategory: 'forecast category',
};

export async function patchStage(ctx: Ctx, stageId: string, patch: StagePatch): Promise<ProcessDefinition> {
  const stage = await stageOf(ctx, stageId);
  return changeProcess(ctx, stage.pipeline_id, patch, async (tx) => {
    const ws = ctx.actor.workspaceId;
    if (patch.name !== undefined) assertUniqueName(await listStageRows(tx.db, ws, stage.pipeline_id), patch.name, stageId);
    const changes: StageChanges = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.probability !== undefined && { probability: patch.probability }),
      ...(patch.guidance !== undefined && { guidance: patch.guidance?.trim() || null }),
      ...(patch.agingDays !== undefined && { aging_days: patch.agingDays }),
      ...(patch.allowOverride !== undefined && { allow_override: patch.allowOverride ? 1 : 0 }),
      ...(patch.forecastCategory !== undefined && { forecast_category: patch.forecastCategory }),
    };
    await updateStage(tx.db, ws, stageId, changes, tx.now());
    const what = Object.keys(STAGE_FIELD_NAMES)
      .filter((k) => (patch as Record<string, unknown>)[k] !== undefined)
      .map((k) => STAGE_FIELD_NAMES[k]);
    return `Changed ${stage.name}${what.length > 0 ? `: ${what.join(', ')}` : ''}`;
  });
}

export function reorderStages(ctx: Ctx, pipelineId: string, input: StageOrder): Promise<ProcessDefinition> {
  return changeProcess(ctx, pipelineId, input, async (tx) => {
    const stages = await listStageRows(tx.db, ctx.actor.workspaceId, pipelineId);
    const byId = new Map(stages.map((s) => [s.id, s]));
    const seen = new Set<string>();
    input.stageIds.forEach((id, i) => {
      if (!byId.has(id)) throw invalidField(`stageIds.${i}`, 'is not an active stage of this pipeline');
      if (seen.has(id)) throw invalidField(`stageIds.${i}`, 'is listed twice');
      seen.add(id);
    });
    if (seen.size !== stages.length) throw invalidField('stageIds', `must list all ${stages.length} active stages of the pipeline`);
    const ordered = input.stageIds.map((id) => byId.get(id) as StageRow);
    assertShape(ordered, 'stageIds');
    await renumber(tx, ordered);
    return `Reordered stages: ${ordered.map((s) => s.name).join(' → ')}`;
  });
}

export async function archiveStage(ctx: Ctx, stageId: string, input: VersionedAction): Promise<ProcessDefinition> {
  const stage = await stageOf(ctx, stageId);
  return changeProcess(ctx, stage.pipeline_id, input, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const deals = await countDealsIn(tx.db, ws, { stageId });
    if (deals > 0) throw ruleViolation(`${deals} deals are in ${stage.name}; move them to another stage first`, { deals });
    const stages = await listStageRows(tx.db, ws, stage.pipeline_id);
    const rest = stages.filter((s) => s.id !== stageId);
    assertShape(rest, 'stageId');
    const now = tx.now();
    await updateStage(tx.db, ws, stageId, { archived_at: now }, now);
    for (const c of await listCriteriaOfPipeline(tx.db, ws, stage.pipeline_id)) {
      if (c.stage_id === stageId) await updateCriterion(tx.db, ws, c.id, { archived_at: now }, now);
    }
    await renumber(tx, rest);
    return `Retired stage ${stage.name}`;
  });
}

async function stageOf(ctx: Ctx, stageId: string): Promise<StageRow> {
  requireRole(ctx, 'admin');
  const stage = await getStage(ctx, stageId);
  if (stage.archived_at !== null) throw invalidField('stageId', 'the stage is retired');
  return stage;
}
