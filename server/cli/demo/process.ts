// The demo workspace's sales process: realistic exit criteria on the default stages, overrides
// allowed where a CSO would tolerate them, recorded as one process version. The criteria mirror
// ./criteria.ts (same kinds and labels per stage position), so simulated `missing` lists match them.
import type { Kysely } from 'kysely';
import type { MissingCriterion } from '../../../api/deals.js';
import type { ActivityType, CriterionKind, DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { type CriterionRow, insertCriterion, insertMoveChecks, listCriteriaOfPipeline } from '../../process/criteria.repo.js';
import { findDealFieldByKey, insertDealField } from '../../process/custom-fields.repo.js';
import { listStageRows, updateStage } from '../../process/pipelines.repo.js';
import { snapshotProcessVersion } from '../../process/pipelines.service.js';
import { findFrameworkByKey } from '../../process/qualification.repo.js';
import { seedBuiltinFrameworks } from '../../process/qualification.service.js';
import { stagePath } from '../../process/stage-path.js';

interface Spec {
  kind: CriterionKind;
  label: string;
  field?: string;
  activityType?: ActivityType;
  withinDays?: number;
  framework?: string;
  minScore?: number;
  scenario?: string;
}

/** Exit criteria per open-stage position of the default pipeline. */
export const DEMO_PROCESS: Record<number, { allowOverride: boolean; criteria: readonly Spec[] }> = {
  1: {
    allowOverride: true,
    criteria: [
      { kind: 'field', label: 'Budget holder named', field: 'custom.budget_holder' },
      { kind: 'checklist', label: 'Pain confirmed in the buyer’s words' },
    ],
  },
  // No way past discovery without having met the buyer.
  2: {
    allowOverride: false,
    criteria: [
      { kind: 'activity', label: 'Discovery meeting logged', activityType: 'meeting', withinDays: 45 },
      { kind: 'checklist', label: 'Decision process mapped' },
    ],
  },
  3: {
    allowOverride: true,
    criteria: [
      { kind: 'qualification', label: 'Qualification score at least 60%', framework: 'meddpicc', minScore: 15 },
      { kind: 'checklist', label: 'Value hypothesis agreed' },
    ],
  },
  4: {
    allowOverride: true,
    criteria: [
      { kind: 'field', label: 'Amount entered', field: 'amount' },
      { kind: 'checklist', label: 'Proposal reviewed in draft by the economic buyer' },
      { kind: 'call_plan', label: 'Call plan reviewed' },
    ],
  },
  5: {
    allowOverride: true,
    criteria: [
      { kind: 'field', label: 'Decision maker named as contact', field: 'contactId' },
      { kind: 'checklist', label: 'Close plan agreed with the buyer' },
      { kind: 'certification', label: 'Negotiation practice passed', scenario: 'Negotiation' },
    ],
  },
};

export interface DemoProcess {
  processVersionId: string;
  /** The created criteria by open-stage position, shaped like ./criteria.ts for the simulation. */
  criteriaByPosition: Record<number, { criterionId: string; kind: CriterionKind; label: string }[]>;
  /** Open-stage positions whose stage lets an override through. */
  overridePositions: number[];
}

/**
 * Defines the demo process on the pipeline (call it once, before simulating moves, so every move
 * is checked against the version it creates). Writes through the process repos in the caller's
 * transaction; no request context needed.
 */
export async function defineDemoProcess(
  db: Kysely<DB>,
  input: { workspaceId: string; pipelineId: string; adminId: string; now: number },
): Promise<DemoProcess> {
  const { workspaceId, pipelineId, now } = input;
  await seedBuiltinFrameworks(db, workspaceId, now);
  if (!(await findDealFieldByKey(db, workspaceId, 'budget_holder'))) {
    await insertDealField(db, {
      id: newId(),
      workspace_id: workspaceId,
      entity: 'deal',
      key: 'budget_holder',
      label: 'Budget holder',
      type: 'text',
      options: null,
      position: 0,
      created_at: now,
      archived_at: null,
    });
  }
  const meddpicc = await findFrameworkByKey(db, workspaceId, 'meddpicc');
  const open = (await listStageRows(db, workspaceId, pipelineId)).filter((s) => s.kind === 'open');
  const criteriaByPosition: DemoProcess['criteriaByPosition'] = {};
  const overridePositions: number[] = [];
  for (const stage of open) {
    const plan = DEMO_PROCESS[stage.position];
    if (!plan) continue;
    if (plan.allowOverride) overridePositions.push(stage.position);
    await updateStage(db, workspaceId, stage.id, { allow_override: plan.allowOverride ? 1 : 0 }, now);
    criteriaByPosition[stage.position] = [];
    for (const [i, c] of plan.criteria.entries()) {
      const row: CriterionRow = {
        id: newId(),
        workspace_id: workspaceId,
        pipeline_id: pipelineId,
        stage_id: stage.id,
        position: i + 1,
        kind: c.kind,
        label: c.label,
        field: c.field ?? null,
        activity_type: c.activityType ?? null,
        within_days: c.withinDays ?? null,
        framework_id: c.framework ? (meddpicc?.id ?? null) : null,
        min_score: c.minScore ?? null,
        scenario: c.scenario ?? null,
        created_at: now,
        updated_at: now,
        archived_at: null,
      };
      await insertCriterion(db, row);
      criteriaByPosition[stage.position]?.push({ criterionId: row.id, kind: row.kind, label: row.label });
    }
  }
  const processVersionId = await snapshotProcessVersion(db, {
    workspaceId,
    pipelineId,
    actorId: input.adminId,
    now,
    note: 'Exit criteria for every stage; overrides with a reason everywhere but Discovery',
  });
  return { processVersionId, criteriaByPosition, overridePositions };
}

/**
 * Writes the per-criterion gate results of simulated moves (which a seeder inserts directly, not
 * through the gate): every criterion of the stages a move left counts as met unless the move's
 * `missing` names it (by id, or by stage and label). Gate calibration reads these rows.
 */
export async function recordDemoGateChecks(db: Kysely<DB>, input: { workspaceId: string; pipelineId: string }): Promise<number> {
  const { workspaceId, pipelineId } = input;
  const stages = await listStageRows(db, workspaceId, pipelineId);
  const criteria = await listCriteriaOfPipeline(db, workspaceId, pipelineId);
  const moves = await db
    .selectFrom('stage_moves as m')
    .innerJoin('deals as d', 'd.id', 'm.deal_id')
    .select(['m.id', 'm.deal_id', 'm.at', 'm.from_stage_id', 'm.to_stage_id', 'm.missing'])
    .where('m.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', pipelineId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('stage_move_checks as k').select('k.id').whereRef('k.move_id', '=', 'm.id'))))
    .execute();
  const byId = new Map(stages.map((s) => [s.id, s]));
  let rows: Parameters<typeof insertMoveChecks>[1] = [];
  let written = 0;
  for (const m of moves) {
    const to = byId.get(m.to_stage_id);
    if (!to) continue;
    const from = m.from_stage_id ? (byId.get(m.from_stage_id) ?? null) : null;
    const missing = JSON.parse(m.missing) as MissingCriterion[];
    const ids = new Set(missing.map((x) => x.criterionId));
    const labels = new Set(missing.map((x) => `${x.stageId}|${x.label}`));
    for (const stageId of stagePath(stages, from, to).exitChecks) {
      for (const c of criteria.filter((x) => x.stage_id === stageId)) {
        const met = !ids.has(c.id) && !labels.has(`${stageId}|${c.label}`);
        rows.push({
          id: newId(),
          workspace_id: workspaceId,
          move_id: m.id,
          deal_id: m.deal_id,
          stage_id: stageId,
          criterion_id: c.id,
          met: met ? 1 : 0,
          at: Number(m.at),
        });
      }
    }
    if (rows.length >= 500) {
      await insertMoveChecks(db, rows);
      written += rows.length;
      rows = [];
    }
  }
  await insertMoveChecks(db, rows);
  return written + rows.length;
}
