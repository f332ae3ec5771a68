// The one gate every stage change passes through (form, board, bulk, import, API, automation).
// It gathers the facts about a deal and evaluates the exit criteria of the stages being left.
import type { MissingCriterion } from '../../api/deals.js';
import type { Ctx } from '../context.js';
import type { ActivityType, DealsTable } from '../db/schema/crm.js';
import type { StageMovesTable } from '../db/schema/process.js';
import { newId } from '../ids.js';
import { CORE_FIELDS, type CriterionResult, type CriterionSpec, evaluateCriteria, type GateFacts, type HookFact, overrideAllowed } from './criteria.js';
import { type CriterionRow, dealActivityFacts, insertMoveChecks, listCriteriaOfStages, listTicks } from './criteria.repo.js';
import { listDealFieldRows } from './custom-fields.repo.js';
import { gateHooks } from './gate-hooks.service.js';
import type { StageRow } from './pipelines.repo.js';
import { dealTotals, findFramework, listElementRows } from './qualification.repo.js';

/** The deal facts the gate reads; a deal row (or the row a change will produce) fits. */
export type GateDeal = Pick<
  DealsTable,
  'id' | 'workspace_id' | 'owner_id' | 'amount' | 'close_date' | 'account_id' | 'contact_id' | 'next_step' | 'source' | 'campaign' | 'custom'
>;

export interface GateCheck {
  criterionId: string;
  stageId: string;
  met: boolean;
}

export interface GateResult {
  missing: MissingCriterion[];
  /** True when every stage with a missing criterion lets an override through (with a reason). */
  overrideAllowed: boolean;
  /** Every criterion checked, met or not, for gate calibration. */
  checks: GateCheck[];
  results: CriterionResult[];
}

const toSpec = (r: CriterionRow, stageName: string): CriterionSpec => ({
  id: r.id,
  stageId: r.stage_id,
  stageName,
  kind: r.kind,
  label: r.label,
  field: r.field,
  activityType: r.activity_type,
  withinDays: r.within_days,
  frameworkId: r.framework_id,
  minScore: r.min_score,
  scenario: r.scenario,
});

function parseCustom(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const NOT_NEEDED: HookFact = { state: 'unavailable', hint: 'not asked' };

/** Loads only the facts the given criteria need. */
async function gatherFacts(ctx: Ctx, deal: GateDeal, specs: readonly CriterionSpec[]): Promise<GateFacts> {
  const ws = ctx.actor.workspaceId;
  const kinds = new Set(specs.map((s) => s.kind));
  const custom = parseCustom(deal.custom);
  const fields: Record<string, unknown> = {
    amount: Number(deal.amount),
    closeDate: deal.close_date,
    accountId: deal.account_id,
    contactId: deal.contact_id,
    nextStep: deal.next_step,
    source: deal.source,
    campaign: deal.campaign,
    ...Object.fromEntries(Object.entries(custom).map(([k, v]) => [`custom.${k}`, v])),
  };
  const fieldLabels: Record<string, string> = { ...CORE_FIELDS };
  if (specs.some((s) => s.kind === 'field' && s.field?.startsWith('custom.'))) {
    for (const f of await listDealFieldRows(ctx.db, ws)) fieldLabels[`custom.${f.key}`] = f.label;
  }

  const ticked = kinds.has('checklist') ? new Set((await listTicks(ctx.db, ws, deal.id)).map((t) => t.criterion_id)) : new Set<string>();
  const activityTypes = [...new Set(specs.filter((s) => s.kind === 'activity').map((s) => s.activityType ?? 'meeting'))] as ActivityType[];
  const activities = await dealActivityFacts(ctx.db, ws, deal.id, activityTypes);

  const qualification = new Map<string, { name: string; total: number; maxTotal: number }>();
  const frameworkIds = [...new Set(specs.filter((s) => s.kind === 'qualification' && s.frameworkId).map((s) => s.frameworkId as string))];
  if (frameworkIds.length > 0) {
    const [elements, totals] = await Promise.all([listElementRows(ctx.db, ws, frameworkIds), dealTotals(ctx.db, ws, deal.id, frameworkIds)]);
    for (const id of frameworkIds) {
      const f = await findFramework(ctx.db, ws, id);
      if (!f || f.archived_at !== null) continue;
      const active = elements.filter((e) => e.framework_id === id && e.archived_at === null).length;
      qualification.set(id, { name: f.name, total: totals.get(id) ?? 0, maxTotal: active * 3 });
    }
  }

  const callPlan = kinds.has('call_plan') ? await gateHooks.callPlanReviewed(ctx, deal.id) : NOT_NEEDED;
  const certifications = new Map<string, HookFact>();
  for (const scenario of new Set(specs.filter((s) => s.kind === 'certification').map((s) => s.scenario ?? ''))) {
    certifications.set(scenario, await gateHooks.ownerCertified(ctx, deal.owner_id, scenario));
  }
  return { now: ctx.now(), fields, fieldLabels, ticked, activities, qualification, callPlan, certifications };
}

/**
 * Evaluates the exit criteria of `leaving` (in process order) against the deal as it will be
 * after the change. Returns every missing item, not just the first.
 */
export async function checkExitCriteria(ctx: Ctx, deal: GateDeal, leaving: readonly StageRow[]): Promise<GateResult> {
  const rows = await listCriteriaOfStages(
    ctx.db,
    ctx.actor.workspaceId,
    leaving.map((s) => s.id),
  );
  const specs = leaving.flatMap((s) => rows.filter((r) => r.stage_id === s.id).map((r) => toSpec(r, s.name)));
  if (specs.length === 0) return { missing: [], overrideAllowed: true, checks: [], results: [] };
  const facts = await gatherFacts(ctx, deal, specs);
  const { results, missing } = evaluateCriteria(specs, facts);
  const allows = new Map(leaving.map((s) => [s.id, s.allow_override === 1]));
  return {
    missing,
    overrideAllowed: overrideAllowed(missing, (id) => allows.get(id) ?? false),
    checks: results.map((r) => ({ criterionId: r.criterion.id, stageId: r.criterion.stageId, met: r.met })),
    results,
  };
}

/** Keeps what each criterion said at the moment of a move (gate calibration reads it). Same transaction as the move. */
export async function recordGateChecks(ctx: Ctx, move: Pick<StageMovesTable, 'id' | 'deal_id' | 'at'>, checks: readonly GateCheck[]): Promise<void> {
  await recordManyGateChecks(ctx, [{ move, checks }]);
}

/** recordGateChecks for many moves at once, in multi-row statements (an import's slice). */
export async function recordManyGateChecks(
  ctx: Ctx,
  moves: readonly { move: Pick<StageMovesTable, 'id' | 'deal_id' | 'at'>; checks: readonly GateCheck[] }[],
): Promise<void> {
  await insertMoveChecks(
    ctx.db,
    moves.flatMap(({ move, checks }) =>
      checks.map((c) => ({
        id: newId(),
        workspace_id: ctx.actor.workspaceId,
        move_id: move.id,
        deal_id: move.deal_id,
        stage_id: c.stageId,
        criterion_id: c.criterionId,
        met: c.met ? 1 : 0,
        at: move.at,
      })),
    ),
  );
}
