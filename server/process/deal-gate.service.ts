// What a deal needs to move on: its stage's guidance and the exit criteria of its next move, each
// met or missing, and the checklist the rep ticks (who ticked, when, kept in the deal's history).

import type { DealGate, GateItem } from '../../api/deal-gate.js';
import type { Deal } from '../../api/deals.js';
import { type Ctx, inTransaction } from '../context.js';
import { appendChanges } from '../crm/history.repo.js';
import { invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { DAY_MS, fixOf } from './criteria.js';
import { deleteTick, findCriterion, insertTick, listTicks } from './criteria.repo.js';
import { readableDeal, writableDeal } from './deal-access.service.js';
import type { StageRow } from './pipelines.repo.js';
import { currentProcessVersionId, pipelineStages } from './pipelines.service.js';
import { checkExitCriteria, type GateDeal } from './stage-gate.service.js';
import { stagePath } from './stage-path.js';

export const gateDealOf = (ctx: Ctx, d: Deal): GateDeal => ({
  id: d.id,
  workspace_id: ctx.actor.workspaceId,
  owner_id: d.ownerId,
  amount: d.amount,
  close_date: d.closeDate,
  account_id: d.accountId,
  contact_id: d.contactId,
  next_step: d.nextStep,
  source: d.source,
  campaign: d.campaign,
  custom: JSON.stringify(d.custom),
});

/** The next open stage, or the won stage after the last open one; none once closed. */
function nextStage(stages: readonly StageRow[], current: StageRow): StageRow | null {
  if (current.kind !== 'open') return null;
  const later = stages.filter((s) => s.position > current.position);
  return later.find((s) => s.kind === 'open') ?? later.find((s) => s.kind === 'won') ?? stages.find((s) => s.kind === 'won') ?? null;
}

export async function getDealGate(ctx: Ctx, dealId: string, to?: string): Promise<DealGate> {
  const deal = await readableDeal(ctx, dealId);
  const stages = await pipelineStages(ctx, deal.pipelineId);
  const current = stages.find((s) => s.id === deal.stageId);
  if (!current) throw notFound('Stage');
  let target: StageRow | null;
  if (to !== undefined) {
    target = stages.find((s) => s.id === to) ?? null;
    if (!target) throw invalidField('to', 'is not a stage of this deal’s pipeline');
  } else {
    target = nextStage(stages, current);
  }

  const leaving = target ? stagePath(stages, current, target).exitChecks.map((id) => stages.find((s) => s.id === id) as StageRow) : [];
  const gate = await checkExitCriteria(ctx, gateDealOf(ctx, deal), leaving);
  const ticks = gate.results.some((r) => r.criterion.kind === 'checklist') ? await listTicks(ctx.db, ctx.actor.workspaceId, dealId) : [];
  const tickOf = new Map(ticks.map((t) => [t.criterion_id, t]));

  const items: GateItem[] = gate.results.map((r) => {
    const c = r.criterion;
    const tick = tickOf.get(c.id);
    return {
      criterionId: c.id,
      stageId: c.stageId,
      stageName: c.stageName,
      kind: c.kind,
      label: c.label,
      met: r.met,
      ...fixOf(c),
      ...(r.hint ? { hint: r.hint } : {}),
      ...(c.kind === 'checklist'
        ? {
            tickedBy: tick ? { id: tick.ticked_by, name: tick.ticked_by_name ?? '' } : null,
            tickedAt: tick ? new Date(Number(tick.ticked_at)).toISOString() : null,
          }
        : {}),
    };
  });

  const enteredAt = Date.parse(deal.stageEnteredAt);
  const inStage = ctx.now() - enteredAt;
  return {
    dealId,
    dealVersion: deal.version,
    stage: {
      id: current.id,
      name: current.name,
      kind: current.kind,
      guidance: current.guidance,
      agingDays: current.aging_days,
      enteredAt: deal.stageEnteredAt,
      daysInStage: Math.max(0, Math.floor(inStage / DAY_MS)),
      overAging: current.kind === 'open' && current.aging_days !== null && inStage > current.aging_days * DAY_MS,
    },
    target: target ? { id: target.id, name: target.name } : null,
    items,
    missing: gate.missing,
    overrideAllowed: gate.overrideAllowed,
    processVersionId: await currentProcessVersionId(ctx, deal.pipelineId),
  };
}

export async function setChecklistTick(ctx: Ctx, dealId: string, criterionId: string, checked: boolean): Promise<DealGate> {
  await inTransaction(ctx, async (tx) => {
    const deal = await writableDeal(tx, dealId);
    const ws = ctx.actor.workspaceId;
    const c = await findCriterion(tx.db, ws, criterionId);
    if (!c || c.archived_at !== null || c.pipeline_id !== deal.pipelineId) throw notFound('Checklist item');
    if (c.kind !== 'checklist') throw invalidField('criterionId', 'is not a checklist item; it is met by the deal itself');
    const now = tx.now();
    let changed: boolean;
    if (checked) {
      const before = (await listTicks(tx.db, ws, dealId)).some((t) => t.criterion_id === criterionId);
      if (!before)
        await insertTick(tx.db, { id: newId(), workspace_id: ws, deal_id: dealId, criterion_id: criterionId, ticked_by: ctx.actor.userId, ticked_at: now });
      changed = !before;
    } else {
      changed = await deleteTick(tx.db, ws, dealId, criterionId);
    }
    if (changed) {
      const via = ctx.actor.via === 'token' ? 'api' : 'form';
      await appendChanges(tx.db, { workspaceId: ws, entity: 'deal', entityId: dealId, actorId: ctx.actor.userId, at: now, via }, [
        { field: `checklist.${criterionId}`, from: checked ? null : c.label, to: checked ? c.label : null },
      ]);
    }
  });
  return getDealGate(ctx, dealId);
}
