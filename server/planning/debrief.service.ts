// The debrief: what happened against the plan, and what was learned about the deal's
// qualification, written in one transaction through the qualification service (so the deal's
// history records each element change).
import type { CallPlan, CallPlanDebriefPut } from '../../api/call-plans.js';
import { type Ctx, inTransaction } from '../context.js';
import { AppError, invalidField, invalidInput, ruleViolation, stale } from '../errors.js';
import { putDealQualification } from '../process/deal-qualification.service.js';
import { updatePlan } from './call-plans.repo.js';
import { getCallPlan, writablePlan } from './call-plans.service.js';

/** Qualification errors name their field inside the debrief body, so the form can show them. */
function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'invalid_input') return error;
  const fields = (error.details as { fields?: { field: string; message: string }[] })?.fields ?? [];
  return invalidInput(fields.map((f) => ({ field: `${prefix}.${f.field}`, message: f.message })));
}

export async function debriefCallPlan(ctx: Ctx, id: string, input: CallPlanDebriefPut): Promise<CallPlan> {
  await inTransaction(ctx, async (tx) => {
    const plan = await writablePlan(tx, id);
    if (plan.version !== input.version) throw stale('Call plan', plan.version);
    const now = tx.now();
    if (Number(plan.meeting_at) > now) throw ruleViolation('The meeting has not started yet; debrief it afterwards');
    if (!input.commitmentSecured && input.commitmentDate) throw invalidField('commitmentDate', 'is only given when the commitment was secured');
    for (const [i, q] of (input.qualification ?? []).entries()) {
      try {
        await putDealQualification(tx, plan.deal_id, q.frameworkId, { version: q.version, scores: q.scores });
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') throw invalidField(`qualification.${i}.frameworkId`, 'no framework with this id');
        throw prefixed(error, `qualification.${i}`);
      }
    }
    const ok = await updatePlan(
      tx.db,
      ctx.actor.workspaceId,
      id,
      input.version,
      {
        debriefed_by: ctx.actor.userId,
        debriefed_at: now,
        objective_met: input.objectiveMet ? 1 : 0,
        commitment_secured: input.commitmentSecured ? 1 : 0,
        commitment_date: input.commitmentSecured ? (input.commitmentDate ?? null) : null,
        learned: input.learned?.trim() || null,
      },
      now,
    );
    if (!ok) throw stale('Call plan', plan.version);
  });
  return getCallPlan(ctx, id);
}
