// Admin changes to exit criteria. Each one is a process change (a new version). A criterion is
// checked against what it names: a real deal field, an active framework and a reachable minimum.
import type { ExitCriterionCreate, ExitCriterionPatch, ProcessDefinition, VersionedAction } from '../../api/pipelines.js';
import type { Ctx } from '../context.js';
import type { CriterionKind } from '../db/schema/process.js';
import { invalidField, invalidInput, notFound } from '../errors.js';
import { requireRole } from '../identity/roles.js';
import { newId } from '../ids.js';
import { CORE_FIELDS, defaultLabel } from './criteria.js';
import { type CriterionRow, findCriterion, insertCriterion, nextCriterionPosition, updateCriterion } from './criteria.repo.js';
import { listDealFieldRows } from './custom-fields.repo.js';
import { getStage } from './pipelines.service.js';
import { changeProcess } from './process-definition.service.js';
import { findFramework, listElementRows } from './qualification.repo.js';

type Params = Pick<CriterionRow, 'field' | 'activity_type' | 'within_days' | 'framework_id' | 'min_score' | 'scenario'>;

/** Which inputs each kind uses; any other is refused so a typo never silently does nothing. */
const USES: Record<CriterionKind, readonly (keyof ExitCriterionPatch)[]> = {
  field: ['field'],
  checklist: [],
  activity: ['activityType', 'withinDays'],
  qualification: ['frameworkId', 'minScore'],
  call_plan: [],
  certification: ['scenario'],
};
const PARAM_INPUTS = ['field', 'activityType', 'withinDays', 'frameworkId', 'minScore', 'scenario'] as const;

/** Validates the merged parameters of a criterion; returns them with the names a default label needs. */
async function checkParams(
  ctx: Ctx,
  kind: CriterionKind,
  input: ExitCriterionPatch | ExitCriterionCreate,
  current: Params | null,
): Promise<{ params: Params; names: { fieldLabel?: string; frameworkName?: string } }> {
  const problems = PARAM_INPUTS.filter((k) => input[k] !== undefined && !USES[kind].includes(k)).map((k) => ({
    field: k,
    message: `is not used by a ${kind.replace('_', ' ')} criterion`,
  }));
  if (problems.length > 0) throw invalidInput(problems);
  const params: Params = {
    field: input.field ?? current?.field ?? null,
    activity_type: input.activityType ?? current?.activity_type ?? null,
    within_days: input.withinDays !== undefined ? input.withinDays : (current?.within_days ?? null),
    framework_id: input.frameworkId ?? current?.framework_id ?? null,
    min_score: input.minScore ?? current?.min_score ?? null,
    scenario: input.scenario?.trim() ?? current?.scenario ?? null,
  };
  const names: { fieldLabel?: string; frameworkName?: string } = {};
  switch (kind) {
    case 'field': {
      if (!params.field) throw invalidField('field', 'is required for a required-field criterion');
      if (params.field.startsWith('custom.')) {
        const def = (await listDealFieldRows(ctx.db, ctx.actor.workspaceId)).find((f) => `custom.${f.key}` === params.field);
        if (!def) throw invalidField('field', 'is not an active custom field of deals');
        names.fieldLabel = def.label;
      } else if (!(params.field in CORE_FIELDS)) {
        throw invalidField('field', `must be one of ${Object.keys(CORE_FIELDS).join(', ')} or custom.<key>`);
      }
      break;
    }
    case 'checklist':
      if (!input.label && !current) throw invalidField('label', 'is required for a checklist item: it is what the rep ticks');
      break;
    case 'activity':
      if (!params.activity_type) throw invalidField('activityType', 'is required for a required-activity criterion');
      break;
    case 'qualification': {
      if (!params.framework_id) throw invalidField('frameworkId', 'is required for a qualification criterion');
      if (params.min_score === null) throw invalidField('minScore', 'is required for a qualification criterion');
      const f = await findFramework(ctx.db, ctx.actor.workspaceId, params.framework_id);
      if (!f || f.archived_at !== null) throw invalidField('frameworkId', 'no active qualification framework with this id');
      const max = (await listElementRows(ctx.db, ctx.actor.workspaceId, [f.id])).filter((e) => e.archived_at === null).length * 3;
      if (params.min_score > max) throw invalidField('minScore', `cannot exceed the framework's maximum of ${max}`);
      names.frameworkName = f.name;
      break;
    }
    case 'call_plan':
      break;
    case 'certification':
      if (!params.scenario) throw invalidField('scenario', 'is required for a certification criterion');
      break;
  }
  return { params, names };
}

export async function addCriterion(ctx: Ctx, stageId: string, input: ExitCriterionCreate): Promise<ProcessDefinition> {
  requireRole(ctx, 'admin');
  const stage = await getStage(ctx, stageId);
  if (stage.archived_at !== null) throw notFound('Stage');
  if (stage.kind !== 'open') throw invalidField('stageId', 'only open stages have exit criteria; a closed deal does not move on');
  return changeProcess(ctx, stage.pipeline_id, input, async (tx) => {
    const { params, names } = await checkParams(tx, input.kind, input, null);
    const now = tx.now();
    const label = input.label?.trim() || defaultLabel({ kind: input.kind, ...camel(params) }, names);
    await insertCriterion(tx.db, {
      id: newId(),
      workspace_id: ctx.actor.workspaceId,
      pipeline_id: stage.pipeline_id,
      stage_id: stageId,
      position: await nextCriterionPosition(tx.db, stageId),
      kind: input.kind,
      label,
      ...params,
      created_at: now,
      updated_at: now,
      archived_at: null,
    });
    return `Added exit criterion “${label}” to ${stage.name}`;
  });
}

async function activeCriterion(ctx: Ctx, id: string): Promise<CriterionRow> {
  requireRole(ctx, 'admin');
  const c = await findCriterion(ctx.db, ctx.actor.workspaceId, id);
  if (!c || c.archived_at !== null) throw notFound('Exit criterion');
  return c;
}

export async function patchCriterion(ctx: Ctx, id: string, patch: ExitCriterionPatch): Promise<ProcessDefinition> {
  const c = await activeCriterion(ctx, id);
  return changeProcess(ctx, c.pipeline_id, patch, async (tx) => {
    const { params } = await checkParams(tx, c.kind, patch, c);
    await updateCriterion(tx.db, ctx.actor.workspaceId, id, { ...params, ...(patch.label !== undefined && { label: patch.label.trim() }) }, tx.now());
    return `Changed exit criterion “${patch.label?.trim() ?? c.label}”`;
  });
}

export async function archiveCriterion(ctx: Ctx, id: string, input: VersionedAction): Promise<ProcessDefinition> {
  const c = await activeCriterion(ctx, id);
  return changeProcess(ctx, c.pipeline_id, input, async (tx) => {
    await updateCriterion(tx.db, ctx.actor.workspaceId, id, { archived_at: tx.now() }, tx.now());
    return `Removed exit criterion “${c.label}”`;
  });
}

const camel = (p: Params) => ({
  field: p.field,
  activityType: p.activity_type,
  withinDays: p.within_days,
  minScore: p.min_score,
  scenario: p.scenario,
});
