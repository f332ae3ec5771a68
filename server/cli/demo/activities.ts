// Calls, emails, meetings, tasks and notes around each simulated deal, consistent with its story:
// a discovery meeting where the gate saw one, none where the rep overrode for want of it, a
// scheduled next step where the deal has one. Plus prospecting that belongs to no deal.
import type { Selectable } from 'kysely';
import type { ActivitiesTable, ActivityType } from '../../db/schema/crm.js';
import { type AccountBook, type ContactRef, pickAccount } from './accounts.js';
import { DAY, MINUTE, workingTime } from './calendar.js';
import type { DealSeed } from './deal-plan.js';
import type { DealStory, SimulatedDeal } from './deals-sim.js';
import { CALL_TOPICS, EMAIL_SUBJECTS, NOTE_SUBJECTS, PROSPECTING_SUBJECTS, TASK_SUBJECTS } from './names.js';
import type { RepSeat } from './org.js';
import type { IdFactory, Rng } from './random.js';

export type ActivityRow = Selectable<ActivitiesTable>;

export interface ActivityContext {
  workspaceId: string;
  now: number;
  ids: IdFactory;
  /** Mean logged activities per deal for an average rep and deal length. */
  perDeal: number;
}

interface Draft {
  type: ActivityType;
  subject: string;
  at: number;
  body?: string | null;
  open?: boolean;
  scheduledAt?: number;
}

const MIX = [
  ['call', 34],
  ['email', 36],
  ['meeting', 10],
  ['task', 10],
  ['note', 10],
] as const;

const MEETING_NOTES = [
  'Good energy; they want to see numbers by team.',
  'Decision by committee: sales ops, finance, IT.',
  'Main pain: forecast surprises at quarter end.',
  'They run pipeline reviews in spreadsheets today.',
  'Champion is keen; economic buyer not yet met.',
];

const DURATION: Record<ActivityType, readonly [number, number] | null> = {
  call: [5, 40],
  meeting: [30, 90],
  email: null,
  task: null,
  note: null,
};

function ownerAt(story: DealStory, at: number): string {
  let owner = (story.owners[0] as { ownerId: string }).ownerId;
  for (const o of story.owners) if (o.from <= at) owner = o.ownerId;
  return owner;
}

function positionAt(story: DealStory, at: number): number {
  for (const s of story.stays) if (s.from <= at && at < s.to) return s.stage.kind === 'open' ? s.stage.position : 5;
  return 5;
}

function subjectFor(type: ActivityType, position: number, contact: ContactRef | null, company: string, rng: Rng): string {
  const who = contact ? `${contact.firstName} ${contact.lastName}` : company;
  switch (type) {
    case 'call':
      return `Call with ${who}: ${rng.pick(CALL_TOPICS[position] ?? CALL_TOPICS[1] ?? ['follow-up'])}`;
    case 'email':
      return rng.pick(EMAIL_SUBJECTS[position] ?? EMAIL_SUBJECTS[1] ?? ['Follow-up']);
    case 'meeting':
      return `Meeting with ${who}`;
    case 'task':
      return rng.pick(TASK_SUBJECTS);
    case 'note':
      return rng.pick(NOTE_SUBJECTS);
  }
}

/** One moment inside [from, to): a working time when one fits, else the midpoint. */
function momentIn(from: number, to: number, rng: Rng): number {
  const at = workingTime(from + rng.next() * (to - from), rng);
  return at >= from && at < to ? at : Math.floor(from + (to - from) / 2);
}

export function dealActivities(ctx: ActivityContext, sim: SimulatedDeal, seed: DealSeed, rng: Rng): ActivityRow[] {
  const { story, deal } = sim;
  const P = seed.rep.profile;
  const start = deal.created_at;
  const end = Math.min(story.end, ctx.now);
  const company = seed.account?.name ?? deal.name;
  const drafts: Draft[] = [];

  const lifeDays = (end - start) / DAY;
  const count = rng.poisson(ctx.perDeal * P.activity * Math.min(2.5, Math.max(0.3, lifeDays / 45)));
  for (let k = 0; k < count && end > start; k++) {
    const at = momentIn(start, end, rng);
    let type = rng.weighted(MIX);
    if (type === 'meeting' && story.noMeetingBefore !== null && at < story.noMeetingBefore) type = 'call';
    const overdue = type === 'task' && story.nextStep === null && deal.status === 'open' && rng.chance(0.3);
    drafts.push({ type, subject: '', at, open: overdue });
  }
  for (const w of story.requiredMeetings) {
    drafts.push({ type: 'meeting', subject: `${w.stageName} meeting – ${company}`, at: momentIn(w.from, w.to, rng), body: rng.pick(MEETING_NOTES) });
  }
  for (const stay of story.stays) {
    if (stay.to <= stay.from || stay.from >= ctx.now || stay.from < (story.noMeetingBefore ?? 0)) continue;
    const to = Math.min(stay.to, ctx.now);
    if (stay.stage.position === 3 && rng.chance(P.activity > 1 ? 0.9 : 0.7))
      drafts.push({ type: 'meeting', subject: `Solution demo – ${company}`, at: momentIn(stay.from, to, rng) });
    if (stay.stage.position === 4 && rng.chance(0.6))
      drafts.push({ type: 'meeting', subject: `Proposal review – ${company}`, at: momentIn(stay.from, to, rng) });
  }
  // Half the deals now in Discovery (the stage that requires one) have had their meeting already.
  const current = story.stays.at(-1);
  if (deal.status === 'open' && current?.stage.position === 2 && current.from < ctx.now && rng.chance(0.5)) {
    drafts.push({
      type: 'meeting',
      subject: `Discovery meeting – ${company}`,
      at: momentIn(Math.max(current.from, ctx.now - 30 * DAY), ctx.now, rng),
      body: rng.pick(MEETING_NOTES),
    });
  }
  // A disciplined rep books the next call or meeting while finishing the last one, so the deal
  // always has a next step; the adherence history reads exactly that.
  drafts.sort((a, b) => a.at - b.at);
  let previous = start;
  for (const d of drafts) {
    if (d.type === 'email' || d.type === 'note') continue;
    if (rng.chance(P.nextStepRate)) d.scheduledAt = previous;
    previous = d.at;
  }
  if (story.nextStep) drafts.push({ ...story.nextStep, open: true });

  return drafts.map((d) => {
    const subject = d.subject || subjectFor(d.type, positionAt(story, d.at), seed.contact, company, rng);
    return row(ctx, d, subject, ownerAt(story, Math.min(d.at, ctx.now)), { deal: deal.id, contact: deal.contact_id, account: deal.account_id }, start, rng);
  });
}

function row(
  ctx: ActivityContext,
  d: Draft,
  subject: string,
  ownerId: string,
  links: { deal: string | null; contact: string | null; account: string | null },
  notBefore: number,
  rng: Rng,
): ActivityRow {
  const range = DURATION[d.type];
  const duration = range ? rng.int(range[0], range[1]) : null;
  const future = d.at > ctx.now;
  const completedAt = d.open || future ? null : Math.min(ctx.now, d.at + (duration ?? 0) * MINUTE);
  // Meetings and tasks are planned ahead; calls, emails and notes are logged when done.
  const planned = d.type === 'meeting' || d.type === 'task' || future;
  const createdAt = d.scheduledAt ?? (planned ? Math.max(notBefore, Math.min(ctx.now, Math.floor(d.at - rng.float(0.5, 7) * DAY))) : (completedAt ?? d.at));
  return {
    id: ctx.ids.next(),
    workspace_id: ctx.workspaceId,
    type: d.type,
    subject,
    body: d.body ?? (d.type === 'note' ? rng.pick(MEETING_NOTES) : null),
    deal_id: links.deal,
    contact_id: links.contact,
    account_id: links.account,
    owner_id: ownerId,
    occurred_at: d.at,
    duration_minutes: duration,
    completed_at: completedAt,
    external_id: null,
    created_at: createdAt,
    updated_at: Math.max(createdAt, completedAt ?? createdAt),
    deleted_at: null,
    version: completedAt !== null && planned ? 2 : 1,
  };
}

/** Calls and emails to the rep's accounts that are not (yet) about a deal. */
export function prospecting(ctx: ActivityContext, rep: RepSeat, book: AccountBook, windowStart: number, weeklyRate: number, rng: Rng): ActivityRow[] {
  const out: ActivityRow[] = [];
  const weeks = (ctx.now - windowStart) / (7 * DAY);
  const count = rng.poisson(weeks * weeklyRate * rep.profile.activity);
  for (let k = 0; k < count; k++) {
    const at = momentIn(windowStart, ctx.now, rng);
    const account = pickAccount(book, rep.id, at, rng);
    if (!account) continue;
    const contacts = account.contacts.filter((c) => c.createdAt <= at);
    const contact = contacts.length > 0 ? rng.pick(contacts) : null;
    const type = rng.weighted([
      ['call', 45],
      ['email', 45],
      ['meeting', 5],
      ['note', 5],
    ] as const);
    const subject = contact ? `${rng.pick(PROSPECTING_SUBJECTS)} – ${contact.firstName} ${contact.lastName}` : rng.pick(PROSPECTING_SUBJECTS);
    out.push(row(ctx, { type, subject, at }, subject, rep.id, { deal: null, contact: contact?.id ?? null, account: account.id }, account.createdAt, rng));
  }
  return out;
}
