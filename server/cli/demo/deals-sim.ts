// The life of one deal, simulated: time in each stage drawn from its owner's profile, advance or
// loss at each exit, skips, backward moves, overrides, slipped close dates, discounts and quarter-end
// cramming. Produces the deal row and its complete history exactly as the deal services write it.
import type { Selectable } from 'kysely';
import type { HistoryValue } from '../../crm/field-diff.js';
import type { DealsTable } from '../../db/schema/crm.js';
import type { StageKind, StageMovesTable } from '../../db/schema/process.js';
import { stagePath } from '../../process/stage-path.js';
import { berlinDate, DAY, MINUTE, workingTime } from './calendar.js';
import { lostReason, processAt, type SimProcess } from './criteria.js';
import { type ChangeRow, DealHistory, type Via } from './deal-history.js';
import type { DealSeed } from './deal-plan.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import type { RepSeat } from './org.js';
import { BASE_ADVANCE, BASE_DWELL_DAYS, SOURCE_ADVANCE } from './profiles.js';
import type { IdFactory, Rng } from './random.js';
import { decideGate, moveRow } from './sim-gate.js';
import { cram, slippedCloseDates } from './sim-timing.js';

export type DealRow = Selectable<DealsTable>;
export type StageMoveRow = Selectable<StageMovesTable>;
export type { ChangeRow };

export interface SimStage {
  id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  agingDays: number | null;
}

export interface SimContext {
  workspaceId: string;
  pipelineId: string;
  /** The exit criteria and override rules moves are checked against. */
  process: SimProcess;
  currency: string;
  now: number;
  stages: readonly SimStage[];
  /** Reps by team, for the occasional reassignment to a teammate. */
  teams: ReadonlyMap<string, readonly RepSeat[]>;
  ids: IdFactory;
  /** Whether a rep held a live certification on the gate's scenario at an instant (the demo's practice year). */
  certified?: (repId: string, at: number) => boolean;
}

export interface Stay {
  stage: SimStage;
  from: number;
  to: number;
}

export interface NextStep {
  type: 'meeting' | 'call' | 'task';
  subject: string;
  at: number;
  scheduledAt: number;
}

/** What the activity generator needs to know about the deal's life. */
export interface DealStory {
  stays: Stay[];
  owners: { ownerId: string; from: number }[];
  /** closed_at, or now for an open deal. */
  end: number;
  /** A meeting required by an exit criterion was logged inside each window (the gate saw it). */
  requiredMeetings: { from: number; to: number; stageName: string }[];
  /** A move was overridden for want of a meeting: no meeting before this instant. */
  noMeetingBefore: number | null;
  nextStep: NextStep | null;
}

export interface SimulatedDeal {
  deal: DealRow;
  changes: ChangeRow[];
  moves: StageMoveRow[];
  story: DealStory;
}

type Outcome = 'advance' | 'lose' | 'back';

const NEXT_STEP_SUBJECTS: Record<number, readonly string[]> = {
  1: ['Qualification call', 'Intro meeting with the team lead'],
  2: ['Discovery meeting', 'Meet the head of sales operations'],
  3: ['Solution demo', 'Technical deep dive with IT'],
  4: ['Proposal review', 'Walk the CFO through the proposal'],
  5: ['Contract review with legal', 'Signature call'],
};

const KEPT_PROCESS_BONUS = 1.05;

const roundAmount = (minor: number) => Math.max(100_000, Math.round(minor / 50_000) * 50_000);

export function simulateDeal(ctx: SimContext, seed: DealSeed, rng: Rng): SimulatedDeal {
  const open = ctx.stages.filter((s) => s.kind === 'open').sort((a, b) => a.position - b.position);
  const wonStage = ctx.stages.find((s) => s.kind === 'won') as SimStage;
  const lostStage = ctx.stages.find((s) => s.kind === 'lost') as SimStage;
  const last = open.length - 1;
  let seat = seed.rep;
  const { now } = ctx;

  const dealId = ctx.ids.next();
  // Each move records the process version in force at its instant.
  const moveCtx = (at: number) => ({ workspaceId: ctx.workspaceId, ids: ctx.ids, processVersionId: processAt(ctx.process, at).processVersionId });
  const expectedDays = BASE_DWELL_DAYS.reduce((a, b) => a + b, 0) * seat.segment.speed * seat.profile.speed * rng.float(0.8, 1.3);
  const record: Record<string, HistoryValue> = {
    name: seed.name,
    amount: seed.amount,
    currency: ctx.currency,
    close_date: berlinDate(seed.createdAt + expectedDays * DAY),
    owner_id: seat.id,
    stage_id: (open[0] as SimStage).id,
    status: 'open',
    lost_reason: null,
    account_id: seed.account?.id ?? null,
    contact_id: seed.contact?.id ?? null,
    source: seed.source,
    campaign: seed.campaign,
    next_step: null,
    external_id: null,
  };
  // Website leads arrive through the marketing integration; everything else is typed in.
  const h = new DealHistory(ctx.ids, ctx.workspaceId, dealId, record, seed.createdAt, seat.id, seed.campaign === 'Website' ? 'api' : 'form');
  const moves: StageMoveRow[] = [];
  const story: DealStory = {
    stays: [],
    owners: [{ ownerId: seat.id, from: seed.createdAt }],
    end: now,
    requiredMeetings: [],
    noMeetingBefore: null,
    nextStep: null,
  };

  const teammates = (ctx.teams.get(seat.teamId) ?? []).filter((r) => r.id !== seat.id);
  let reassignAt = teammates.length > 0 && rng.chance(0.015) ? seed.createdAt + rng.float(0.2, 1) * expectedDays * DAY : Number.POSITIVE_INFINITY;
  let idx = 0;
  let stageEnteredAt = seed.createdAt;
  let closedAt: number | null = null;
  let usedBack = false;
  let reopened = false;
  // Deals pushed past criteria that matter advance less often afterwards (gate calibration finds it).
  let doubt = 1;

  for (let guard = 0; guard < 40; guard++) {
    const P = seat.profile;
    const stage = open[idx] as SimStage;
    const stayStart = stageEnteredAt;
    let days = rng.lognormal((BASE_DWELL_DAYS[idx] ?? 10) * seat.segment.speed * P.speed, 0.5);
    if (stage.agingDays && rng.chance(P.agingRate)) days = stage.agingDays * rng.float(1.15, 2.8);
    // A deal that kept the process so far is a better-qualified deal: it advances a little more often.
    const fit = doubt < 1 ? doubt : KEPT_PROCESS_BONUS;
    const pAdvance = Math.min(0.96, (BASE_ADVANCE[idx] ?? 0.75) * P.advance * SOURCE_ADVANCE[seed.source] * fit);
    let outcome: Outcome = rng.chance(pAdvance) ? 'advance' : 'lose';
    if (outcome === 'lose') days *= rng.float(1, 1.6);
    if (!usedBack && idx >= 2 && rng.chance(P.backRate)) {
      outcome = 'back';
      usedBack = true;
    }
    const skip = outcome === 'advance' && idx < last && rng.chance(P.skipRate);
    const target: SimStage =
      outcome === 'lose'
        ? lostStage
        : outcome === 'back'
          ? (open[idx - 1] as SimStage)
          : idx === last || (skip && idx === last - 1)
            ? wonStage
            : (open[skip ? idx + 2 : idx + 1] as SimStage);

    let exitAt = workingTime(stayStart + days * DAY, rng);
    if (exitAt <= stayStart) exitAt = stayStart + rng.int(30, 240) * MINUTE;
    let pulledIn = false;
    let holdFor: string | null = null;
    if (target === wonStage && rng.chance(P.crams)) ({ exitAt, pulledIn, holdFor } = cram(exitAt, stayStart, rng));

    // Everything that happens while the deal sits in this stage, in time order.
    const limit = Math.min(exitAt, now);
    const events: { at: number; run: () => void }[] = [];
    if (reassignAt > stayStart && reassignAt < limit) {
      const at = workingTime(reassignAt, rng);
      const to = rng.pick(teammates);
      reassignAt = Number.POSITIVE_INFINITY;
      events.push({
        at,
        run: () => {
          h.apply(h.next(at), { owner_id: to.id }, seat.managerId, 'form');
          seat = to;
          story.owners.push({ ownerId: to.id, from: h.clock });
        },
      });
    }
    const revise = (at: number, factor: number) =>
      events.push({ at, run: () => h.apply(h.next(at), { amount: roundAmount(Number(h.record.amount) * factor) }, seat.id, 'form') });
    if (idx === 2 && rng.chance(0.35)) revise(workingTime(stayStart + rng.float(0.2, 0.8) * (limit - stayStart), rng), rng.float(0.75, 1.4));
    if (idx === last && rng.chance(P.lostBias.Price ? 0.7 : 0.45))
      revise(workingTime(stayStart + rng.float(0.2, 0.8) * (limit - stayStart), rng), rng.float(0.85, 0.97));
    if (holdFor) {
      const at = workingTime(stayStart + rng.float(1, 3) * DAY, rng);
      const date = holdFor;
      events.push({ at, run: () => h.apply(h.next(at), { close_date: date }, seat.id, 'form') });
    } else {
      for (const push of slippedCloseDates(String(h.record.close_date), stayStart, limit, P.hygiene, rng)) {
        events.push({ at: push.at, run: () => h.apply(h.next(push.at), { close_date: push.date }, seat.id, 'form') });
      }
    }
    for (const e of events.sort((a, b) => a.at - b.at)) if (e.at < limit && h.next(e.at) <= now) e.run();

    const at = h.next(exitAt);
    if (exitAt > now || at > now) break;

    // The stage change itself: gate result, override, path, and the deal fields it sets.
    const from = stage;
    const path = stagePath(ctx.stages, from, target);
    const leaving = path.exitChecks.map((id) => ctx.stages.find((s) => s.id === id) as SimStage);
    const facts = {
      hasContact: h.record.contact_id !== null,
      filled: new Set(Object.keys(h.custom).map((k) => `custom.${k}`)),
      meetingLogged: (story.requiredMeetings.at(-1)?.to ?? 0) > at - 14 * DAY,
      ...(ctx.certified && { certified: ctx.certified(seat.id, at) }),
    };
    const process = processAt(ctx.process, at);
    const gate = decideGate(process, leaving, path.skipped, facts, seat.profile.meetRate, rng);
    for (const c of gate.satisfied) {
      if (c.kind === 'activity') story.requiredMeetings.push({ from: Math.max(stayStart, at - 30 * DAY), to: at, stageName: c.stageName });
      // The field was filled during the stay, or in the same save as the move.
      else if (c.field?.startsWith('custom.'))
        h.applyCustom(Math.min(at, h.next(Math.floor(at - rng.float(0.2, 5) * DAY))), c.field.slice(7), budgetHolder(rng), seat.id, 'form');
    }
    if (gate.missing.some((m) => m.kind === 'activity')) story.noMeetingBefore = at;
    for (const m of gate.missing) doubt *= winEffectOf(process, m.criterionId);
    const reason = target === lostStage ? lostReason(rng, stage.position, seat.profile.lostBias) : null;
    const cleanup = reason === 'Lost contact' && rng.chance(0.5);
    const via: Via = cleanup ? 'bulk' : rng.chance(0.03) ? 'api' : rng.chance(seat.profile.boardShare) ? 'board' : 'form';
    const actor = cleanup ? seat.managerId : seat.id;
    const patch: Record<string, HistoryValue> = { stage_id: target.id };
    if (target.kind !== 'open') {
      patch.status = target.kind;
      patch.lost_reason = reason;
      patch.close_date = berlinDate(at);
      if (pulledIn) patch.amount = roundAmount(Number(h.record.amount) * rng.float(0.85, 0.93));
    }
    h.apply(at, patch, actor, via);
    moves.push(moveRow(moveCtx(at), dealId, at, actor, from, target, path, gate, via, seat.id));
    story.stays.push({ stage, from: stayStart, to: at });
    stageEnteredAt = at;

    if (target.kind === 'open') {
      idx = open.indexOf(target);
      continue;
    }
    closedAt = at;
    // A deal lost on timing sometimes comes back when the timing is right.
    const reopenAt = workingTime(at + rng.float(20, 60) * DAY, rng);
    if (reason === 'Timing' && !reopened && rng.chance(0.15) && reopenAt < now) {
      reopened = true;
      const back = open[Math.max(0, idx - 1)] as SimStage;
      const reopenPath = stagePath(ctx.stages, target, back);
      const rAt = h.next(reopenAt);
      h.apply(rAt, { stage_id: back.id, status: 'open', lost_reason: null, close_date: berlinDate(rAt + rng.float(30, 60) * DAY) }, seat.id, 'form');
      moves.push(moveRow(moveCtx(rAt), dealId, rAt, seat.id, target, back, reopenPath, { met: true, missing: [], reason: null }, 'form', seat.id));
      story.stays.push({ stage: target, from: at, to: rAt });
      stageEnteredAt = rAt;
      closedAt = null;
      idx = open.indexOf(back);
      continue;
    }
    break;
  }

  const current = ctx.stages.find((s) => s.id === h.record.stage_id) as SimStage;
  story.stays.push({ stage: current, from: stageEnteredAt, to: closedAt ?? now });
  story.end = closedAt ?? now;
  if (closedAt === null) {
    // Work in progress on the current stage's required fields.
    for (const c of processAt(ctx.process, now).criteria[current.position] ?? []) {
      const fillAt = h.next(workingTime(stageEnteredAt + rng.float(0.2, 0.9) * (now - stageEnteredAt), rng));
      if (c.field?.startsWith('custom.') && fillAt <= now && rng.chance(0.4)) h.applyCustom(fillAt, c.field.slice(7), budgetHolder(rng), seat.id, 'form');
    }
    story.nextStep = planNextStep(h, current, stageEnteredAt, seat, now, rng);
  }

  const r = h.record;
  const deal: DealRow = {
    id: dealId,
    workspace_id: ctx.workspaceId,
    name: String(r.name),
    account_id: (r.account_id as string | null) ?? null,
    contact_id: (r.contact_id as string | null) ?? null,
    owner_id: String(r.owner_id),
    pipeline_id: ctx.pipelineId,
    stage_id: String(r.stage_id),
    amount: Number(r.amount),
    currency: String(r.currency),
    close_date: String(r.close_date),
    status: r.status as DealRow['status'],
    lost_reason: (r.lost_reason as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    campaign: (r.campaign as string | null) ?? null,
    next_step: (r.next_step as string | null) ?? null,
    custom: JSON.stringify(h.custom),
    created_unknown: 0,
    external_id: null,
    stage_entered_at: stageEnteredAt,
    closed_at: closedAt,
    created_at: seed.createdAt,
    updated_at: h.updatedAt,
    deleted_at: null,
    version: h.version,
  };
  return { deal, changes: h.changes, moves, story };
}

/** Open deals of disciplined reps have a scheduled next step; stalled deals rarely do. */
function planNextStep(h: DealHistory, stage: SimStage, enteredAt: number, seat: RepSeat, now: number, rng: Rng): NextStep | null {
  const stalled = stage.agingDays !== null && now - enteredAt > stage.agingDays * DAY;
  if (!rng.chance(seat.profile.nextStepRate * (stalled ? 0.4 : 1))) return null;
  const type = rng.weighted([
    ['meeting', 5],
    ['call', 3],
    ['task', 2],
  ] as const);
  const subject = rng.pick(NEXT_STEP_SUBJECTS[stage.position] ?? ['Follow-up']);
  const at = workingTime(now + rng.float(1, 14) * DAY, rng);
  const scheduledAt = h.next(Math.max(enteredAt, Math.floor(now - rng.float(0, 5) * DAY)));
  if (scheduledAt > now) return null;
  h.apply(scheduledAt, { next_step: subject }, seat.id, 'form');
  return { type, subject, at, scheduledAt };
}

function winEffectOf(process: SimProcess, criterionId: string): number {
  for (const list of Object.values(process.criteria)) {
    const c = list.find((x) => x.criterionId === criterionId);
    if (c) return c.winEffect ?? 1;
  }
  return 1;
}

const BUYER_TITLES = ['CFO', 'CRO', 'VP Sales', 'Managing Director', 'Head of Sales'];

function budgetHolder(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} (${rng.pick(BUYER_TITLES)})`;
}
