// The demo year's call plans, consistent with the gate results recorded for the moves: every move
// out of a stage whose "Call plan reviewed" criterion counted as met has a reviewed plan on the
// deal's next meeting (reviewed before the move, as the gate requires), and no move that overrode it
// has one. Beyond the gate, reps plan their meetings as their habits go: disciplined reps plan,
// get reviewed and debrief most meetings, others few. Run after recordDemoGateChecks.
import type { Insertable, Kysely } from 'kysely';
import type { AttendeeRole } from '../../../api/call-plans.js';
import type { ActivitiesTable } from '../../db/schema/crm.js';
import type { CallPlansTable, MeetingType } from '../../db/schema/planning.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { planQuality } from '../../planning/plan-quality.js';
import { BUILT_IN_TEMPLATES } from '../../planning/template-defaults.js';
import { berlinDate, DAY, HOUR, MINUTE, workingTimeOnOrBefore } from './calendar.js';
import type { RepSeat } from './org.js';
import type { Rng } from './random.js';
import { insertRows, type Sink } from './writer.js';

/** Chance a rep plans a meeting the gate does not ask about, by archetype. */
const PLANS: Record<string, number> = {
  farmer: 0.8,
  star: 0.75,
  'new hire': 0.55,
  steady: 0.5,
  volume: 0.35,
  crammer: 0.35,
  overrider: 0.25,
  skipper: 0.2,
  'stale pipeline': 0.15,
};
const disciplined = (archetype: string) => (PLANS[archetype] ?? 0.5) >= 0.7;

const COMMITMENTS: Record<MeetingType, readonly string[]> = {
  discovery: ['A second meeting with the ops lead and finance booked', 'Agreement to share last quarter’s forecast accuracy figures'],
  demo: ['Technical review with IT booked within two weeks', 'Written list of decision criteria from the head of sales ops'],
  pricing: ['Signature date agreed and the signer named', 'Procurement call booked with the redlines in hand'],
  executive: ['CFO agrees to sponsor the decision at the next board meeting', 'Executive sponsor named and the business case accepted'],
};
const VALUE = [
  'Forecast variance under 10% within two quarters saves a missed quarter a year',
  'Managers get two hours a week back from spreadsheet updates',
  'Deals pushed past the gate unqualified stop costing the team its win rate',
];
const REVIEW_COMMENTS = [
  'Good plan. Ask the price question before they do.',
  'Make sure the economic buyer hears the cost of waiting.',
  'Objective is sharp. Add what you will trade if they push on price.',
  'Looks right. Get the next step in their calendar before you leave.',
  'Name the champion’s role in the meeting; let them open.',
];
const LEARNED = [
  'Finance signs off above 50k; the CFO wants a payback under 12 months.',
  'They compare us with doing nothing, not with a competitor.',
  'The champion is strong but the IT lead has a veto on integrations.',
  'Budget is approved for this quarter only; timing matters more than price.',
  'Procurement needs the security questionnaire before any redlines.',
];
const ROLE_ORDER: readonly AttendeeRole[] = ['champion', 'economic_buyer', 'decision_maker', 'technical_buyer', 'influencer', 'user'];

interface Meeting {
  id: string;
  dealId: string;
  ownerId: string;
  at: number;
  completedAt: number | null;
  createdAt: number;
}

interface DealInfo {
  id: string;
  ownerId: string;
  accountId: string | null;
  accountName: string | null;
  contactId: string | null;
  createdAt: number;
  closedAt: number | null;
  segment: string | null;
  /** Forward and backward moves: [at, toPosition, fromProbability < toProbability]. */
  moves: { at: number; to: number; up: boolean }[];
}

export interface CallPlanInput {
  workspaceId: string;
  pipelineId: string;
  now: number;
  reps: readonly RepSeat[];
}

export interface CallPlanTotals {
  plans: number;
  reviewed: number;
  debriefed: number;
  meetingsAdded: number;
}

const meetingTypeAt = (deal: DealInfo, at: number, rng: Rng): MeetingType => {
  let position = 1;
  for (const m of deal.moves) if (m.at <= at) position = m.to;
  if (position >= 3 && deal.segment === 'enterprise' && rng.chance(0.2)) return 'executive';
  return position <= 2 ? 'discovery' : position === 3 ? 'demo' : 'pricing';
};

export async function seedDemoCallPlans(sink: Sink, input: CallPlanInput, rng: Rng): Promise<CallPlanTotals> {
  const { workspaceId, now } = input;
  const db: Kysely<DB> = sink.db;
  const reps = new Map(input.reps.map((r) => [r.id, r]));
  const criteria = await db
    .selectFrom('exit_criteria')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', input.pipelineId)
    .where('kind', '=', 'call_plan')
    .execute();
  const checks =
    criteria.length === 0
      ? []
      : await db
          .selectFrom('stage_move_checks as k')
          .innerJoin('stage_moves as m', 'm.id', 'k.move_id')
          .select(['k.deal_id', 'k.met', 'm.at', 'm.owner_id'])
          .where('k.workspace_id', '=', workspaceId)
          .where(
            'k.criterion_id',
            'in',
            criteria.map((c) => c.id),
          )
          .execute();
  const dealRows = await db
    .selectFrom('deals as d')
    .leftJoin('accounts as a', 'a.id', 'd.account_id')
    .select(['d.id', 'd.owner_id', 'd.account_id', 'a.name as account_name', 'd.contact_id', 'd.created_at', 'd.closed_at'])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.pipeline_id', '=', input.pipelineId)
    .execute();
  const deals = new Map<string, DealInfo>(
    dealRows.map((d) => [
      d.id,
      {
        id: d.id,
        ownerId: d.owner_id,
        accountId: d.account_id,
        accountName: d.account_name,
        contactId: d.contact_id,
        createdAt: Number(d.created_at),
        closedAt: d.closed_at === null ? null : Number(d.closed_at),
        segment: reps.get(d.owner_id)?.segment.segment ?? null,
        moves: [],
      },
    ]),
  );
  const moves = await db
    .selectFrom('stage_moves')
    .select(['deal_id', 'at', 'to_position', 'from_probability', 'to_probability'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('at')
    .execute();
  for (const m of moves)
    deals.get(m.deal_id)?.moves.push({ at: Number(m.at), to: Math.min(5, m.to_position), up: m.to_probability > (m.from_probability ?? 0) });
  const meetingRows = await db
    .selectFrom('activities')
    .select(['id', 'deal_id', 'owner_id', 'occurred_at', 'completed_at', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', 'meeting')
    .where('deal_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  const meetingsOf = new Map<string, Meeting[]>();
  for (const a of meetingRows) {
    const list = meetingsOf.get(a.deal_id as string) ?? [];
    list.push({
      id: a.id,
      dealId: a.deal_id as string,
      ownerId: a.owner_id,
      at: Number(a.occurred_at),
      completedAt: a.completed_at === null ? null : Number(a.completed_at),
      createdAt: Number(a.created_at),
    });
    meetingsOf.set(a.deal_id as string, list);
  }
  for (const list of meetingsOf.values()) list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const contactsOf = new Map<string, string[]>();
  for (const c of contacts) if (c.account_id) contactsOf.set(c.account_id, [...(contactsOf.get(c.account_id) ?? []), c.id]);
  const weak = await weakElements(db, workspaceId);
  const managerOf = new Map(input.reps.map((r) => [r.id, r.managerId]));

  const added: Insertable<ActivitiesTable>[] = [];
  const plans = new Map<string, Insertable<CallPlansTable>>();
  const earliestFrom = (dealId: string, at: number) => (meetingsOf.get(dealId) ?? []).find((m) => m.at >= at);
  const addMeeting = (deal: DealInfo, ownerId: string, at: number, subject: string, bookedBy = at): Meeting => {
    const duration = rng.int(3, 6) * 15;
    const createdAt = Math.max(deal.createdAt, Math.min(at, now, bookedBy) - Math.round(rng.float(2, 6) * DAY));
    const completedAt = at + duration * MINUTE <= now ? at + duration * MINUTE : null;
    added.push({
      id: newId(),
      workspace_id: workspaceId,
      type: 'meeting',
      subject,
      body: null,
      deal_id: deal.id,
      contact_id: deal.contactId,
      account_id: deal.accountId,
      owner_id: ownerId,
      occurred_at: at,
      duration_minutes: duration,
      completed_at: completedAt,
      external_id: null,
      created_at: createdAt,
      updated_at: completedAt ?? createdAt,
      deleted_at: null,
      version: 1,
    });
    const m: Meeting = { id: added.at(-1)?.id as string, dealId: deal.id, ownerId, at, completedAt, createdAt };
    const list = [...(meetingsOf.get(deal.id) ?? []), m].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    meetingsOf.set(deal.id, list);
    return m;
  };
  const nextMoveAfter = (deal: DealInfo, at: number) => deal.moves.find((m) => m.at > at)?.at ?? deal.closedAt ?? Number.POSITIVE_INFINITY;
  // An instant in [from, to), at a working time when one fits; the instant itself when the window is shut.
  const within = (from: number, to: number) => {
    if (to - from < 30 * MINUTE) return from;
    const x = Math.floor(from + rng.float(0.1, 0.9) * Math.min(to - from, 5 * DAY));
    const w = workingTimeOnOrBefore(x, rng);
    return w >= from && w < to ? w : x;
  };

  const plan = (deal: DealInfo, m: Meeting, type: MeetingType, state: { reviewBy?: number; review: boolean; ready: boolean }) => {
    const rep = reps.get(m.ownerId);
    const keen = disciplined(rep?.profile.archetype ?? 'steady');
    const template = BUILT_IN_TEMPLATES[type];
    const pool = deal.accountId ? (contactsOf.get(deal.accountId) ?? []) : [];
    const people = rng.shuffle([...new Set([deal.contactId, ...pool].filter((x): x is string => x !== null))]).slice(0, rng.int(1, 3));
    const attendees = people.map((contactId, i) => ({
      contactId,
      role: keen || rng.chance(0.5) ? (ROLE_ORDER[i] as AttendeeRole) : ('other' as AttendeeRole),
    }));
    const questions = template.questions.slice(0, keen ? template.questions.length : rng.int(1, template.questions.length));
    const gaps = keen || rng.chance(0.5) ? (weak.get(deal.id) ?? []).slice(0, 3) : [];
    const desiredCommitment = keen || rng.chance(0.6) ? rng.pick(COMMITMENTS[type]) : null;
    const objective = keen || rng.chance(0.6) ? template.objective : 'Move the deal forward';
    const quality = planQuality({ objective, desiredCommitment, questions, attendees, gaps }).score;
    // Written a few days ahead (or between the move and the meeting), marked ready, reviewed.
    const latest = Math.min(m.at, state.reviewBy ?? m.at) - 30 * MINUTE;
    let createdAt = Math.max(deal.createdAt, m.createdAt, latest - Math.round(rng.float(0.5, 4) * DAY));
    if (createdAt > latest) {
      // The gate saw it reviewed, so it was written in time; elsewhere a plan begun this late stays a draft.
      if (state.reviewBy !== undefined) createdAt = latest - 10 * MINUTE;
      else Object.assign(state, { ready: false, review: false });
    }
    const readyAt = state.ready ? Math.min(latest, createdAt + Math.round(rng.float(0.1, 0.5) * (latest - createdAt))) : null;
    const reviewedAt = state.review && readyAt !== null ? Math.min(latest, readyAt + Math.round(rng.float(0.2, 0.9) * (latest - readyAt))) : null;
    const debrief = readyAt !== null && m.completedAt !== null && rng.chance(keen ? 0.9 : 0.45);
    const debriefedAt = debrief ? Math.min(now, (m.completedAt as number) + Math.round(rng.float(0.3, 20) * HOUR)) : null;
    const advanced = deal.moves.some((x) => x.up && x.at > m.at && x.at <= m.at + 7 * DAY);
    const secured = debrief ? rng.chance(advanced ? 0.8 : 0.35) : false;
    plans.set(m.id, {
      id: newId(),
      workspace_id: workspaceId,
      deal_id: deal.id,
      activity_id: m.id,
      owner_id: m.ownerId,
      meeting_type: type,
      objective,
      desired_commitment: desiredCommitment,
      attendees: JSON.stringify(attendees),
      questions: JSON.stringify(questions),
      objections: JSON.stringify(keen || rng.chance(0.5) ? template.objections : []),
      value_hypothesis: keen || rng.chance(0.4) ? rng.pick(VALUE) : null,
      gaps: JSON.stringify(gaps),
      status: reviewedAt !== null ? 'reviewed' : readyAt !== null ? 'ready' : 'draft',
      quality_score: quality,
      ready_at: readyAt,
      reviewed_by: reviewedAt !== null ? (managerOf.get(m.ownerId) ?? null) : null,
      reviewed_at: reviewedAt,
      review_comment: reviewedAt !== null ? rng.pick(REVIEW_COMMENTS) : null,
      debriefed_by: debrief ? m.ownerId : null,
      debriefed_at: debriefedAt,
      objective_met: debrief ? (rng.chance(secured ? 0.9 : 0.5) ? 1 : 0) : null,
      commitment_secured: debrief ? (secured ? 1 : 0) : null,
      commitment_date: secured ? berlinDate((m.completedAt as number) + rng.int(2, 14) * DAY) : null,
      learned: debrief ? rng.pick(LEARNED) : null,
      created_at: createdAt,
      updated_at: Math.max(createdAt, readyAt ?? 0, reviewedAt ?? 0, debriefedAt ?? 0),
      deleted_at: null,
      version: 1 + (readyAt !== null ? 1 : 0) + (reviewedAt !== null ? 1 : 0) + (debrief ? 1 : 0),
    });
  };

  // 1. The gate: a move that met "Call plan reviewed" had a reviewed plan on the deal's next meeting.
  const byDeal = new Map<string, { at: number; met: boolean; ownerId: string }[]>();
  for (const k of checks) byDeal.set(k.deal_id, [...(byDeal.get(k.deal_id) ?? []), { at: Number(k.at), met: Number(k.met) === 1, ownerId: k.owner_id }]);
  const unmet: { deal: DealInfo; at: number; ownerId: string }[] = [];
  for (const [dealId, list] of byDeal) {
    const deal = deals.get(dealId);
    if (!deal) continue;
    for (const k of list.sort((a, b) => a.at - b.at)) {
      if (!k.met) {
        unmet.push({ deal, at: k.at, ownerId: k.ownerId });
        continue;
      }
      // Its own window: from the move to the deal's next move (or close), so windows never share a meeting.
      const end = Math.min(nextMoveAfter(deal, k.at), k.at + 5 * DAY);
      const existing = earliestFrom(dealId, k.at);
      const m =
        existing && existing.at < end && existing.createdAt <= k.at - HOUR && !plans.has(existing.id)
          ? existing
          : addMeeting(
              deal,
              k.ownerId,
              within(k.at, Math.min(end, existing?.at ?? end)),
              `Negotiation meeting – ${deal.accountName ?? 'pricing'}`,
              k.at - 2 * HOUR,
            );
      plan(deal, m, 'pricing', { reviewBy: k.at, review: true, ready: true });
    }
  }
  // 2. A move that overrode it: its next meeting has no reviewed plan. Where that would be a later
  //    move's reviewed meeting, the rep held an unplanned meeting in between.
  const blocked = new Set<string>();
  for (const u of unmet) {
    const next = earliestFrom(u.deal.id, u.at);
    if (next && plans.get(next.id)?.status === 'reviewed') {
      const m = addMeeting(u.deal, u.ownerId, within(u.at, Math.min(next.at, nextMoveAfter(u.deal, u.at))), `Meeting – ${u.deal.accountName ?? 'buyer'}`);
      blocked.add(m.id);
    } else if (next) blocked.add(next.id);
  }
  // 3. Every other meeting, planned as the rep's habits go. The simulation does not model what a
  //    plan does to a meeting, so which meetings were planned is drawn with the outcome in view: a
  //    meeting the deal advanced after was likelier to have been planned (what planning lift reads).
  for (const list of meetingsOf.values()) {
    for (const m of list) {
      const deal = deals.get(m.dealId);
      if (!deal || plans.has(m.id) || m.at < deal.createdAt) continue;
      const habit = PLANS[reps.get(m.ownerId)?.profile.archetype ?? 'steady'] ?? 0.5;
      const advanced = deal.moves.some((x) => x.up && x.at > m.at && x.at <= m.at + 7 * DAY);
      if (!rng.chance(Math.min(0.95, habit * (advanced ? 1.3 : 0.85)))) continue;
      const ready = rng.chance(habit >= 0.7 ? 0.95 : 0.7);
      plan(deal, m, meetingTypeAt(deal, m.at, rng), { ready, review: !blocked.has(m.id) && rng.chance(habit >= 0.7 ? 0.8 : 0.3) });
    }
  }
  await insertRows(sink, 'activities', added);
  const rows = [...plans.values()];
  await insertRows(sink, 'call_plans', rows);
  return {
    plans: rows.length,
    reviewed: rows.filter((p) => p.status === 'reviewed').length,
    debriefed: rows.filter((p) => p.debriefed_at !== null).length,
    meetingsAdded: added.length,
  };
}

/** Per deal, the MEDDPICC elements scored below 2 or not at all: the gaps a plan targets. */
async function weakElements(db: Kysely<DB>, workspaceId: string): Promise<Map<string, { frameworkKey: string; elementKey: string }[]>> {
  const elements = await db
    .selectFrom('qualification_elements as e')
    .innerJoin('qualification_frameworks as f', 'f.id', 'e.framework_id')
    .select(['e.id', 'e.key', 'f.key as framework', 'f.id as framework_id'])
    .where('e.workspace_id', '=', workspaceId)
    .where('e.archived_at', 'is', null)
    .orderBy('e.position')
    .execute();
  const scored = await db
    .selectFrom('deal_qualification_scores')
    .select(['deal_id', 'framework_id', 'element_id', 'score'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const strong = new Set(scored.filter((s) => s.score >= 2).map((s) => `${s.deal_id}|${s.element_id}`));
  const frameworksOf = new Map<string, Set<string>>();
  for (const s of scored) frameworksOf.set(s.deal_id, (frameworksOf.get(s.deal_id) ?? new Set()).add(s.framework_id));
  const out = new Map<string, { frameworkKey: string; elementKey: string }[]>();
  for (const [dealId, frameworks] of frameworksOf)
    out.set(
      dealId,
      elements.filter((e) => frameworks.has(e.framework_id) && !strong.has(`${dealId}|${e.id}`)).map((e) => ({ frameworkKey: e.framework, elementKey: e.key })),
    );
  return out;
}
