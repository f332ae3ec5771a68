// Call plans: written by the rep who owns the meeting (or their manager), reviewed by a manager of
// that rep, debriefed after the meeting. Every link (meeting, deal, attendees, gaps) is checked
// against what the caller can see; an invisible id answers like a missing one.
import type { Attendee, CallPlan, CallPlanCreate, CallPlanListQuery, CallPlanPatch, CallPlanReview, Gap, Objection } from '../../api/call-plans.js';
import type { DealQualification } from '../../api/qualification.js';
import { type Ctx, inTransaction } from '../context.js';
import { assertReadableContact } from '../crm/contacts.service.js';
import type { CallPlanStatus } from '../db/schema/planning.js';
import { AppError, type FieldProblem, forbidden, invalidField, invalidInput, notFound, ruleViolation, stale } from '../errors.js';
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
import { newId } from '../ids.js';
import { readableDeal } from '../process/deal-access.service.js';
import { getDealQualification } from '../process/deal-qualification.service.js';
import {
  type CallPlanRow,
  type CallPlanView,
  contactsByIds,
  findMeeting,
  findPlanByActivity,
  findPlanView,
  gapLabels,
  insertPlan,
  listPlanViews,
  type PlanChanges,
  updatePlan,
} from './call-plans.repo.js';
import { planQuality } from './plan-quality.js';
import { templateFor } from './templates.service.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const parse = <T>(text: string): T => JSON.parse(text) as T;
const clean = (t: string | null | undefined) => t?.trim() || null;

async function toPlans(ctx: Ctx, views: CallPlanView[]): Promise<CallPlan[]> {
  const ws = ctx.actor.workspaceId;
  const attendees = views.map((v) => parse<Attendee[]>(v.attendees));
  const contacts = new Map(
    (
      await contactsByIds(
        ctx.db,
        ws,
        attendees.flat().map((a) => a.contactId),
      )
    ).map((c) => [c.id, c]),
  );
  const { labels, scores } = await gapLabels(
    ctx.db,
    ws,
    views.map((v) => v.deal_id),
  );
  return views.map((v, i) => {
    const gaps = parse<Gap[]>(v.gaps);
    const questions = parse<string[]>(v.questions);
    const people = attendees[i] ?? [];
    return {
      id: v.id,
      dealId: v.deal_id,
      dealName: v.deal_name,
      activityId: v.activity_id,
      meetingSubject: v.meeting_subject,
      meetingAt: iso(v.meeting_at) as string,
      ownerId: v.owner_id,
      ownerName: v.owner_name,
      meetingType: v.meeting_type,
      objective: v.objective,
      desiredCommitment: v.desired_commitment,
      attendees: people.map((a) => {
        const c = contacts.get(a.contactId);
        return { contactId: a.contactId, role: a.role, name: c ? `${c.first_name} ${c.last_name}` : 'Deleted contact', title: c?.title ?? null };
      }),
      questions,
      objections: parse<Objection[]>(v.objections),
      valueHypothesis: v.value_hypothesis,
      gaps: gaps.map((g) => {
        const key = `${g.frameworkKey}/${g.elementKey}`;
        return { ...g, label: labels.get(key) ?? key, score: scores.get(`${v.deal_id}:${key}`) ?? null };
      }),
      status: v.status,
      quality: planQuality({ objective: v.objective, desiredCommitment: v.desired_commitment, questions, attendees: people, gaps }),
      readyAt: iso(v.ready_at),
      reviewedBy: v.reviewed_by ? { id: v.reviewed_by, name: v.reviewed_by_name ?? '' } : null,
      reviewedAt: iso(v.reviewed_at),
      reviewComment: v.review_comment,
      debrief:
        v.debriefed_at === null
          ? null
          : {
              objectiveMet: v.objective_met === 1,
              commitmentSecured: v.commitment_secured === 1,
              commitmentDate: v.commitment_date,
              learned: v.learned,
              debriefedBy: { id: v.debriefed_by ?? '', name: v.debriefed_by_name ?? '' },
              debriefedAt: iso(v.debriefed_at) as string,
            },
      createdAt: iso(v.created_at) as string,
      updatedAt: iso(v.updated_at) as string,
      version: v.version,
    };
  });
}

export async function listCallPlans(ctx: Ctx, query: CallPlanListQuery): Promise<{ items: CallPlan[]; nextCursor: null }> {
  const scope = await ownerScope(ctx, 'call_plans', 'read');
  const views = await listPlanViews(ctx.db, ctx.actor.workspaceId, scope, query);
  return { items: await toPlans(ctx, views), nextCursor: null };
}

export async function getCallPlan(ctx: Ctx, id: string): Promise<CallPlan> {
  const scope = await ownerScope(ctx, 'call_plans', 'read');
  const view = await findPlanView(ctx.db, ctx.actor.workspaceId, scope, id);
  if (!view) throw notFound('Call plan');
  const [plan] = await toPlans(ctx, [view]);
  return plan as CallPlan;
}

/** The deal's elements worth working on: unscored or below 2 in every framework the deal is scored on. */
export function defaultGaps(q: DealQualification): Gap[] {
  return q.frameworks
    .filter((f) => f.scored > 0)
    .flatMap((f) => f.elements.filter((e) => e.score === null || e.score < 2).map((e) => ({ frameworkKey: f.key, elementKey: e.key })));
}

function checkGaps(q: DealQualification, gaps: readonly Gap[]): FieldProblem[] {
  return gaps.flatMap((g, i) => {
    const f = q.frameworks.find((x) => x.key === g.frameworkKey);
    if (!f) return [{ field: `gaps.${i}.frameworkKey`, message: 'is not a qualification framework of this workspace' }];
    if (!f.elements.some((e) => e.key === g.elementKey)) return [{ field: `gaps.${i}.elementKey`, message: `is not an element of ${f.name}` }];
    if (gaps.findIndex((o) => o.frameworkKey === g.frameworkKey && o.elementKey === g.elementKey) !== i)
      return [{ field: `gaps.${i}`, message: 'is listed twice' }];
    return [];
  });
}

/** Attendees must be contacts the caller can see, on the deal's account (or the deal's own contact). */
async function checkAttendees(ctx: Ctx, deal: { accountId: string | null; contactId: string | null }, attendees: readonly Attendee[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [i, a] of attendees.entries()) {
    const field = `attendees.${i}.contactId`;
    if (attendees.findIndex((o) => o.contactId === a.contactId) !== i) {
      problems.push({ field, message: 'is listed twice' });
      continue;
    }
    try {
      const contact = await assertReadableContact(ctx, a.contactId, field);
      const onDeal = a.contactId === deal.contactId || (deal.accountId !== null && contact.accountId === deal.accountId);
      if (!onDeal) problems.push({ field, message: "is not a contact of the deal's account" });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'invalid_input')) throw error;
      problems.push({ field, message: 'no contact with this id that you can see' });
    }
  }
  return problems;
}

/** The deal of a plan's meeting, as the caller sees it; a deal out of sight reads as a missing meeting. */
async function dealOfMeeting(ctx: Ctx, dealId: string) {
  try {
    return await readableDeal(ctx, dealId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw invalidField('activityId', 'no meeting with this id that you can see');
    throw error;
  }
}

export async function createCallPlan(ctx: Ctx, input: CallPlanCreate): Promise<CallPlan> {
  const id = await inTransaction(ctx, async (tx) => {
    const ws = ctx.actor.workspaceId;
    const meeting = await findMeeting(tx.db, ws, await ownerScope(tx, 'activities', 'read'), input.activityId);
    if (!meeting) throw invalidField('activityId', 'no meeting with this id that you can see');
    if (meeting.type !== 'meeting') throw invalidField('activityId', 'is not a meeting; plans are written for meetings');
    if (!meeting.deal_id) throw invalidField('activityId', 'the meeting is not linked to a deal');
    if (!scopeIncludes(await ownerScope(tx, 'call_plans', 'create'), meeting.owner_id))
      throw invalidField('activityId', 'no meeting with this id that you can see');
    const deal = await dealOfMeeting(tx, meeting.deal_id);
    if (await findPlanByActivity(tx.db, ws, meeting.id)) throw new AppError('conflict', 'This meeting already has a call plan; open it instead');

    const template = await templateFor(tx, input.meetingType);
    const qualification = await getDealQualification(tx, deal.id);
    const gaps = input.gaps ?? defaultGaps(qualification);
    const attendees = input.attendees ?? [];
    const problems = [...(await checkAttendees(tx, deal, attendees)), ...checkGaps(qualification, gaps)];
    if (problems.length > 0) throw invalidInput(problems);

    const now = tx.now();
    const questions = input.questions ?? template.questions;
    const objective = input.objective?.trim() ?? template.objective;
    const desiredCommitment = clean(input.desiredCommitment);
    const row: CallPlanRow = {
      id: newId(),
      workspace_id: ws,
      deal_id: deal.id,
      activity_id: meeting.id,
      owner_id: meeting.owner_id,
      meeting_type: input.meetingType,
      objective,
      desired_commitment: desiredCommitment,
      attendees: JSON.stringify(attendees),
      questions: JSON.stringify(questions.map((q) => q.trim())),
      objections: JSON.stringify(input.objections ?? template.objections),
      value_hypothesis: clean(input.valueHypothesis),
      gaps: JSON.stringify(gaps),
      status: 'draft',
      quality_score: planQuality({ objective, desiredCommitment, questions, attendees, gaps }).score,
      ready_at: null,
      reviewed_by: null,
      reviewed_at: null,
      review_comment: null,
      debriefed_by: null,
      debriefed_at: null,
      objective_met: null,
      commitment_secured: null,
      commitment_date: null,
      learned: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 1,
    };
    await insertPlan(tx.db, row);
    return row.id;
  });
  return getCallPlan(ctx, id);
}

/** The plan's raw row for a write, checked against the caller's reach for that write. */
export async function writablePlan(ctx: Ctx, id: string): Promise<CallPlanView> {
  const view = await findPlanView(ctx.db, ctx.actor.workspaceId, await ownerScope(ctx, 'call_plans', 'read'), id);
  if (!view) throw notFound('Call plan');
  if (!scopeIncludes(await ownerScope(ctx, 'call_plans', 'update'), view.owner_id)) throw forbidden('You cannot change this call plan');
  return view;
}

export async function updateCallPlan(ctx: Ctx, id: string, patch: CallPlanPatch): Promise<CallPlan> {
  await inTransaction(ctx, async (tx) => {
    const current = await writablePlan(tx, id);
    if (current.version !== patch.version) throw stale('Call plan', current.version);
    const content = ['meetingType', 'objective', 'desiredCommitment', 'attendees', 'questions', 'objections', 'valueHypothesis', 'gaps'].some(
      (k) => patch[k as keyof CallPlanPatch] !== undefined,
    );
    // The plan is the prediction its debrief is scored against; it stays as it was.
    if (content && current.debriefed_at !== null) throw ruleViolation('The meeting was debriefed; its plan is kept as it was');
    const problems: FieldProblem[] = [];
    if (patch.attendees) problems.push(...(await checkAttendees(tx, await readableDeal(tx, current.deal_id), patch.attendees)));
    if (patch.gaps) problems.push(...checkGaps(await getDealQualification(tx, current.deal_id), patch.gaps));
    if (problems.length > 0) throw invalidInput(problems);

    const next = {
      objective: patch.objective !== undefined ? patch.objective.trim() : current.objective,
      desiredCommitment: patch.desiredCommitment !== undefined ? clean(patch.desiredCommitment) : current.desired_commitment,
      questions: patch.questions?.map((q) => q.trim()) ?? parse<string[]>(current.questions),
      attendees: patch.attendees ?? parse<Attendee[]>(current.attendees),
      gaps: patch.gaps ?? parse<Gap[]>(current.gaps),
    };
    let status: CallPlanStatus = patch.status ?? current.status;
    // A review approves what was reviewed: changing the plan sends it back for another look.
    if (content && status === 'reviewed') status = 'ready';
    if (status === 'ready' && next.objective === '') throw invalidField('objective', 'is needed before the plan is ready');
    const now = tx.now();
    const changes: PlanChanges = {
      ...(patch.meetingType !== undefined && { meeting_type: patch.meetingType }),
      objective: next.objective,
      desired_commitment: next.desiredCommitment,
      questions: JSON.stringify(next.questions),
      attendees: JSON.stringify(next.attendees),
      gaps: JSON.stringify(next.gaps),
      ...(patch.objections !== undefined && { objections: JSON.stringify(patch.objections) }),
      ...(patch.valueHypothesis !== undefined && { value_hypothesis: clean(patch.valueHypothesis) }),
      status,
      ready_at: status === 'draft' ? current.ready_at : (current.ready_at ?? now),
      quality_score: planQuality(next).score,
    };
    if (!(await updatePlan(tx.db, ctx.actor.workspaceId, id, patch.version, changes, now))) throw stale('Call plan', current.version);
  });
  return getCallPlan(ctx, id);
}

/**
 * A manager of the plan's owner (anyone whose team reach covers the owner, other than the owner)
 * or an admin reviews a plan that is ready. Reps cannot review, not even a peer's plan.
 */
export async function reviewCallPlan(ctx: Ctx, id: string, input: CallPlanReview): Promise<CallPlan> {
  await inTransaction(ctx, async (tx) => {
    const plan = await findPlanView(tx.db, ctx.actor.workspaceId, await ownerScope(tx, 'call_plans', 'read'), id);
    if (!plan) throw notFound('Call plan');
    const reviewer = ctx.actor.role === 'admin' || (ctx.actor.role === 'manager' && plan.owner_id !== ctx.actor.userId);
    if (!reviewer) throw forbidden('Only a manager of the plan owner can review it');
    if (plan.version !== input.version) throw stale('Call plan', plan.version);
    if (plan.status === 'draft') throw ruleViolation('The plan is still a draft; the rep marks it ready before it is reviewed');
    const now = tx.now();
    const ok = await updatePlan(
      tx.db,
      ctx.actor.workspaceId,
      id,
      input.version,
      { status: 'reviewed', reviewed_by: ctx.actor.userId, reviewed_at: now, review_comment: clean(input.comment), ready_at: plan.ready_at ?? now },
      now,
    );
    if (!ok) throw stale('Call plan', plan.version);
  });
  return getCallPlan(ctx, id);
}
