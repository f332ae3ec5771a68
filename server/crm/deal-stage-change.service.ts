// The one implementation of a deal's stage change. Every path (form, board, bulk, import, API,
// automation) calls planStageChange inside its transaction, so the gate cannot be side-stepped.
import type { MoveVia } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import { AppError, invalidField } from '../errors.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import type { StageRow } from '../process/pipelines.repo.js';
import { currentProcessVersionId, pipelineStages } from '../process/pipelines.service.js';
import { checkExitCriteria, type GateCheck, type GateResult } from '../process/stage-gate.service.js';
import { stagePath } from '../process/stage-path.js';
import type { DealChanges, DealRow, StageMoveRow } from './deals.repo.js';

export interface StageChangeRequest {
  stageId: string;
  overrideReason?: string | undefined;
  lostReason?: string | null | undefined;
  /** An explicit close date wins over "today" when the change closes the deal. */
  closeDate?: string | undefined;
  via: MoveVia;
  /**
   * A move another system made, brought in by an historical import (decision 0180): recorded as
   * history, not checked against today's exit criteria (they did not exist then), its path unknown
   * (no stage counts as skipped). Only the import sets it; no API body can.
   */
  imported?: boolean | undefined;
}

/**
 * What a plan reads besides the gate: the pipeline's stages, its current process version and the
 * workspace's zone. Read from the database per call unless the caller holds them (an import planning
 * thousands of moves in one transaction reads them once: importLookups).
 */
export interface StageChangeLookups {
  stages(pipelineId: string): Promise<StageRow[]>;
  processVersionId(pipelineId: string): Promise<string | null>;
  timezone(): Promise<string>;
}

function readLookups(ctx: Ctx): StageChangeLookups {
  return {
    stages: (pipelineId) => pipelineStages(ctx, pipelineId),
    processVersionId: (pipelineId) => currentProcessVersionId(ctx, pipelineId),
    timezone: async () => (await getWorkspace(ctx)).timezone,
  };
}

/** Lookups read once and kept: for one long transaction that no one else can change the process under (an import). */
export function heldLookups(ctx: Ctx): StageChangeLookups {
  const read = readLookups(ctx);
  const stages = new Map<string, Promise<StageRow[]>>();
  const versions = new Map<string, Promise<string | null>>();
  let timezone: Promise<string> | undefined;
  return {
    stages: (id) => stages.get(id) ?? (stages.set(id, read.stages(id)).get(id) as Promise<StageRow[]>),
    processVersionId: (id) => versions.get(id) ?? (versions.set(id, read.processVersionId(id)).get(id) as Promise<string | null>),
    timezone: () => (timezone ??= read.timezone()),
  };
}

export interface StageChangePlan {
  changes: DealChanges;
  move: StageMoveRow;
  /** Every criterion checked on the way, met or not; written with the move for gate calibration. */
  checks: GateCheck[];
}

/**
 * Checks a stage change against the process and returns the deal changes and the stage-move row
 * to write, or throws 422 gate_blocked listing every missing criterion. `deal` is the deal as it
 * will be after the other field changes of the same request, so a form can fill a required
 * field and move in one save.
 */
export async function planStageChange(
  ctx: Ctx,
  deal: DealRow,
  request: StageChangeRequest,
  field = 'stageId',
  lookups: StageChangeLookups = readLookups(ctx),
): Promise<StageChangePlan | null> {
  if (request.stageId === deal.stage_id) return null;
  const stages = await lookups.stages(deal.pipeline_id);
  const to = stages.find((s) => s.id === request.stageId);
  if (!to) throw invalidField(field, 'is not a stage of this deal’s pipeline');
  const from = stages.find((s) => s.id === deal.stage_id) ?? null;

  const path = stagePath(stages, from, to);
  const leaving = path.exitChecks.map((id) => stages.find((s) => s.id === id) as StageRow);
  const gate: GateResult = request.imported ? { missing: [], overrideAllowed: true, checks: [], results: [] } : await checkExitCriteria(ctx, deal, leaving);

  // A reason of spaces is no reason: it would pass the length check and record nothing.
  const overrideReason = request.overrideReason?.trim();
  if (request.overrideReason !== undefined && (overrideReason?.length ?? 0) < 3) throw invalidField('overrideReason', 'must say why, in at least 3 characters');
  const overriding = gate.missing.length > 0;
  if (overriding && !(overrideReason && gate.overrideAllowed)) {
    const names = [...new Set(gate.missing.map((m) => m.stageName))].join(', ');
    throw new AppError('gate_blocked', `The deal cannot leave ${names} yet: ${gate.missing.length} exit criteria are not met`, {
      dealId: deal.id,
      missing: gate.missing,
      overrideAllowed: gate.overrideAllowed,
    });
  }

  const now = ctx.now();
  const changes: DealChanges = { stage_id: to.id, stage_entered_at: now };
  if (to.kind === 'open') {
    if (deal.status !== 'open') Object.assign(changes, { status: 'open', closed_at: null, lost_reason: null });
  } else {
    const lostReason = request.lostReason?.trim() || (to.kind === 'lost' ? deal.lost_reason : null);
    if (to.kind === 'lost' && !lostReason) throw invalidField('lostReason', 'is required to close a deal as lost');
    const timezone = await lookups.timezone();
    Object.assign(changes, {
      status: to.kind,
      closed_at: now,
      lost_reason: to.kind === 'lost' ? lostReason : null,
      close_date: request.closeDate ?? calendarDate(now, timezone),
    });
  }

  const move: StageMoveRow = {
    id: newId(),
    workspace_id: deal.workspace_id,
    deal_id: deal.id,
    actor_id: ctx.actor.userId,
    at: now,
    from_stage_id: from?.id ?? null,
    to_stage_id: to.id,
    from_position: from?.position ?? null,
    to_position: to.position,
    from_probability: from?.probability ?? null,
    to_probability: to.probability,
    process_version_id: await lookups.processVersionId(deal.pipeline_id),
    criteria_met: overriding ? 0 : 1,
    missing: JSON.stringify(gate.missing),
    override_reason: overriding ? (overrideReason ?? null) : null,
    skipped: request.imported ? 0 : path.skipped,
    direction: path.direction,
    via: request.via,
    owner_id: (changes.owner_id as string | undefined) ?? deal.owner_id,
    imported: request.imported ? 1 : 0,
  };
  return { changes, move, checks: gate.checks };
}
