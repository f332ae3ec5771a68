// The demo workspace's sales process: realistic exit criteria on the default stages, overrides
// allowed where a CSO would tolerate them, recorded as one process version. The criteria mirror
// ./criteria.ts (same kinds and labels per stage position), so simulated `missing` lists match them.
import type { Kysely } from 'kysely';
import type { MissingCriterion } from '../../../api/deals.js';
import type { Ctx } from '../../context.js';
import type { ActivityType } from '../../db/schema/crm.js';
import type { CriterionKind } from '../../db/schema/process.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { type CriterionRow, insertCriterion, insertMoveChecks, listCriteriaOfPipeline } from '../../process/criteria.repo.js';
import { addCriterion } from '../../process/criteria-admin.service.js';
import { findDealFieldByKey, insertField } from '../../process/custom-fields.repo.js';
import { findPipeline, listStageRows, updateStage } from '../../process/pipelines.repo.js';
import { snapshotProcessVersion } from '../../process/pipelines.service.js';
import { findFrameworkByKey, listElementRows } from '../../process/qualification.repo.js';
import { seedBuiltinFrameworks } from '../../process/qualification.service.js';
import { stagePath } from '../../process/stage-path.js';
import type { Rng } from './random.js';

interface Spec {
  kind: CriterionKind;
  label: string;
  field?: string;
  activityType?: ActivityType;
  withinDays?: number;
  framework?: string;
  minScore?: number;
  scenario?: string;
  /**
   * How much pushing a deal past this criterion unmet lowers its chance of advancing at every later
   * stage (1 = not at all). It gives gate calibration something real to find: some criteria predict
   * winning, some (the call plan) do not.
   */
  winEffect?: number;
  /** Extra chance a rep moves past it unmet: a new criterion the reps are not used to yet. */
  missRate?: number;
}

/** Exit criteria per open-stage position of the default pipeline. */
export const DEMO_PROCESS: Record<number, { allowOverride: boolean; criteria: readonly Spec[] }> = {
  1: {
    allowOverride: true,
    criteria: [
      { kind: 'field', label: 'Budget holder named', field: 'custom.budget_holder', winEffect: 0.85 },
      { kind: 'checklist', label: 'Pain confirmed in the buyer’s words', winEffect: 0.75 },
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
      { kind: 'qualification', label: 'MEDDPICC score at least 15 of 24', framework: 'meddpicc', minScore: 15, winEffect: 0.7 },
      { kind: 'checklist', label: 'Value hypothesis agreed', winEffect: 0.9 },
    ],
  },
  4: {
    allowOverride: true,
    criteria: [
      { kind: 'field', label: 'Amount entered', field: 'amount' },
      { kind: 'checklist', label: 'Proposal reviewed in draft by the economic buyer', winEffect: 0.75 },
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

/**
 * The mid-year process change: deals without a tested champion kept stalling in Proposal, so on
 * 1 July the CSO makes it an exit criterion of Solution (a new process version). Some reps forget
 * the new item and override it; deals pushed past it win less often.
 */
export const DEMO_CHANGE = {
  position: 3,
  spec: { kind: 'checklist', label: 'Champion identified and tested', winEffect: 0.8, missRate: 0.2 } satisfies Spec,
  note: 'Solution: “Champion identified and tested” is now required — deals without a champion stalled in Proposal',
} as const;

/** Noon in Berlin on the latest 1 July at least 90 days before `now`: mid-year of the year the demo shows. */
export function demoChangeAt(now: number): number {
  const DAY = 86_400_000;
  let year = new Date(now).getUTCFullYear();
  while (Date.UTC(year, 6, 1, 10) > now - 90 * DAY) year--;
  return Date.UTC(year, 6, 1, 10);
}

export interface DemoChange {
  at: number;
  processVersionId: string;
  criterion: { criterionId: string; kind: CriterionKind; label: string };
}

/**
 * Makes the mid-year change as an admin does in Settings → Process: through the same service the
 * API calls (addCriterion), so it checks the pipeline version, adds the criterion and records a new
 * process version with the change note. `ctx` acts as the CSO at the change instant.
 */
export async function changeDemoProcess(ctx: Ctx, pipelineId: string): Promise<DemoChange> {
  const ws = ctx.actor.workspaceId;
  const pipeline = await findPipeline(ctx.db, ws, pipelineId);
  const stage = (await listStageRows(ctx.db, ws, pipelineId)).find((s) => s.kind === 'open' && s.position === DEMO_CHANGE.position);
  if (!pipeline || !stage) throw new Error('The demo pipeline has no Solution stage');
  const { kind, label } = DEMO_CHANGE.spec;
  const process = await addCriterion(ctx, stage.id, { version: pipeline.version, kind, label, note: DEMO_CHANGE.note });
  const added = process.stages.find((s) => s.id === stage.id)?.criteria.find((c) => c.label === label);
  if (!added || !process.currentVersion) throw new Error('The demo process change recorded no criterion or version');
  return { at: ctx.now(), processVersionId: process.currentVersion.id, criterion: { criterionId: added.id, kind, label } };
}

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
    await insertField(db, {
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
      // Checked against the process in force at the move: criteria added later were not asked.
      for (const c of criteria.filter((x) => x.stage_id === stageId && Number(x.created_at) <= Number(m.at))) {
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

/** What a rep writes as evidence for an element scored 2 or 3, by element key. */
const EVIDENCE: Record<string, readonly string[]> = {
  metrics: ['Cut forecast variance from 25% to under 10% this year', 'Two hours a week back per manager, their estimate'],
  economic_buyer: ['CFO joined the second call and owns the budget line', 'Met the CRO; she signs anything above 50k'],
  decision_criteria: ['Written scorecard shared: integrations, reporting, price', 'Must run on their own servers; SSO required'],
  decision_process: ['Committee of sales ops, finance and IT; decision by month end', 'Pilot, then a board decision in the next quarter'],
  paper_process: ['Security review booked; procurement needs two weeks', 'Their standard MSA, legal has seen our redlines'],
  identify_pain: ['Missed two quarters after late surprises in the pipeline', 'Reps spend Fridays updating spreadsheets'],
  champion: ['Head of sales ops sells it internally and shared the org chart', 'VP Sales asked for the proposal to take to the board'],
  competition: ['Evaluating one incumbent CRM add-on; doing nothing is the real rival', 'Shortlist of two; we lead on reporting'],
};

/** Element scores (0–3 each) that add up to `total`, spread the way a rep fills them in. */
function spread(total: number, elements: number, rng: Rng): number[] {
  const scores = new Array<number>(elements).fill(0);
  for (let left = Math.min(total, elements * 3); left > 0; left--) {
    const open = scores.flatMap((v, i) => (v < 3 ? [i] : []));
    const i = open[rng.int(0, open.length - 1)] as number;
    scores[i] = (scores[i] as number) + 1;
  }
  return scores;
}

/**
 * Scores the deals on the framework a qualification criterion counts, consistent with the gate
 * results recorded for them: a deal that met the minimum when it left the stage has at least that
 * total, one pushed past it has less; some open deals in that stage are part-way there. Written as
 * the owner, with the history rows the deal page shows. Run after recordDemoGateChecks.
 */
export async function recordDemoQualification(db: Kysely<DB>, input: { workspaceId: string; pipelineId: string; now: number }, rng: Rng): Promise<number> {
  const { workspaceId, pipelineId, now } = input;
  const criteria = (await listCriteriaOfPipeline(db, workspaceId, pipelineId)).filter((c) => c.kind === 'qualification' && c.framework_id);
  let written = 0;
  const seen = new Set<string>();
  for (const c of criteria) {
    const frameworkId = c.framework_id as string;
    const min = c.min_score ?? 0;
    const framework = await db.selectFrom('qualification_frameworks').select('key').where('id', '=', frameworkId).executeTakeFirst();
    const elements = (await listElementRows(db, workspaceId, [frameworkId])).filter((e) => e.archived_at === null);
    if (!framework || elements.length === 0) continue;
    const max = elements.length * 3;
    const checked = await db
      .selectFrom('stage_move_checks as k')
      .innerJoin('deals as d', 'd.id', 'k.deal_id')
      .select(['k.deal_id', 'd.owner_id', 'd.created_at'])
      .select((eb) => [eb.fn.min('k.met').as('met'), eb.fn.min('k.at').as('at')])
      .where('k.workspace_id', '=', workspaceId)
      .where('k.criterion_id', '=', c.id)
      .groupBy(['k.deal_id', 'd.owner_id', 'd.created_at'])
      .execute();
    const inStage = await db
      .selectFrom('deals')
      .select(['id', 'owner_id', 'stage_entered_at'])
      .where('workspace_id', '=', workspaceId)
      .where('stage_id', '=', c.stage_id)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null)
      .execute();
    const plans: { dealId: string; ownerId: string; at: number; total: number }[] = [];
    for (const d of checked) {
      const at = Math.max(Number(d.created_at), Number(d.at) - Math.round(rng.float(0.5, 6) * 86_400_000));
      const total = Number(d.met) === 1 ? rng.int(min, Math.min(max, min + 7)) : rng.int(Math.max(2, min - 9), Math.max(2, min - 1));
      plans.push({ dealId: d.deal_id, ownerId: d.owner_id, at, total });
    }
    for (const d of inStage) {
      if (!rng.chance(0.6)) continue;
      const at = Math.min(now, Number(d.stage_entered_at) + Math.round(rng.float(0.5, 8) * 86_400_000));
      plans.push({ dealId: d.id, ownerId: d.owner_id, at, total: rng.int(3, Math.min(max, min + 3)) });
    }
    let headers: DB['deal_qualifications'][] = [];
    let scores: DB['deal_qualification_scores'][] = [];
    let changes: DB['changes'][] = [];
    const flush = async () => {
      if (headers.length > 0) await db.insertInto('deal_qualifications').values(headers).execute();
      if (scores.length > 0) await db.insertInto('deal_qualification_scores').values(scores).execute();
      if (changes.length > 0) await db.insertInto('changes').values(changes).execute();
      headers = [];
      scores = [];
      changes = [];
    };
    for (const p of plans) {
      const key = `${p.dealId}|${frameworkId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push({
        id: newId(),
        workspace_id: workspaceId,
        deal_id: p.dealId,
        framework_id: frameworkId,
        updated_by: p.ownerId,
        created_at: p.at,
        updated_at: p.at,
        version: 1,
      });
      for (const [i, score] of spread(p.total, elements.length, rng).entries()) {
        const e = elements[i];
        if (!e || (score === 0 && rng.chance(0.5))) continue;
        const evidence = score >= 2 ? rng.pick(EVIDENCE[e.key] ?? ['Confirmed with the buyer']) : null;
        scores.push({
          id: newId(),
          workspace_id: workspaceId,
          deal_id: p.dealId,
          framework_id: frameworkId,
          element_id: e.id,
          score,
          evidence,
          updated_by: p.ownerId,
          updated_at: p.at,
        });
        changes.push({
          id: newId(),
          workspace_id: workspaceId,
          entity: 'deal',
          entity_id: p.dealId,
          field: `qualification.${framework.key}.${e.key}`,
          from_value: null,
          to_value: `${score}${evidence ? ` — ${evidence}` : ''}`,
          actor_id: p.ownerId,
          at: p.at,
          via: 'form',
        });
      }
      written++;
      if (scores.length >= 400) await flush();
    }
    await flush();
  }
  return written;
}
