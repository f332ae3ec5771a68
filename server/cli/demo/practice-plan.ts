// What each demo rep practised through the year, and the certifications that follow from it under
// the product's own rules: a scored attempt that brings readiness to the threshold certifies a rep
// who holds no live certification (readiness.ts, certifyOnPass), and a manager can certify (or
// renew before expiry) after a role-play. Pure and deterministic, because the deal simulation asks
// it whether a deal's owner was certified on "Negotiation" at the instant of a move (the stage gate's
// criterion), and the seeder writes exactly these attempts and certifications.
import type { Difficulty } from '../../db/schema/practice.js';
import { attemptScore, readiness } from '../../practice/readiness.js';
import { DAY, HOUR, MINUTE, workingTime } from './calendar.js';
import type { RepSeat } from './org.js';
import { DEMO_PROCESS } from './process.js';
import { hash32, Rng, stringSeed } from './random.js';

const PRACTICE_SEED = 0x9ac71ce5;

export interface DemoScenario {
  key: string;
  name: string;
  persona: string;
  situation: string;
  objectives: string[];
  /** Coaching's skill names (default-skills.ts). */
  skills: string[];
  difficulty: Difficulty;
  meetingType: 'discovery' | 'demo' | 'pricing' | 'executive' | null;
  passThreshold: number;
  validityDays: number;
  /** Days after the workspace was set up that a manager or the CSO added it. */
  addedDay: number;
  addedBy: 'admin' | 'manager';
}

/** The gate's scenario: the demo process names it (Negotiation exit criterion). */
export const GATE_SCENARIO = (() => {
  for (const stage of Object.values(DEMO_PROCESS)) for (const c of stage.criteria) if (c.kind === 'certification' && c.scenario) return c.scenario;
  throw new Error('The demo process has no certification criterion');
})();

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    key: 'negotiation',
    name: GATE_SCENARIO,
    persona: 'Procurement lead at a 2,000-person manufacturer; measured on savings, polite and relentless',
    situation: 'Proposal accepted in principle. Procurement asks for 25% off and a 90-day payment term before signing this quarter.',
    objectives: [
      'Hold price by trading scope, term or references',
      'Get the signature date and the signer named',
      'Never concede without getting something back',
    ],
    skills: ['Negotiation', 'Objection handling', 'Qualification'],
    difficulty: 'advanced',
    meetingType: 'pricing',
    passThreshold: 70,
    validityDays: 180,
    addedDay: 1,
    addedBy: 'admin',
  },
  {
    key: 'discovery',
    name: 'Discovery with a sceptical VP Sales',
    persona: 'VP Sales, 12 years in the role, has bought two sales tools that nobody used',
    situation: 'Inbound demo request from her ops lead; she joins the first call to decide whether it is worth her team’s time.',
    objectives: ['Find the cost of the problem in her words', 'Learn who else decides and how', 'Agree a next meeting with the ops lead and finance'],
    skills: ['Discovery', 'Qualification'],
    difficulty: 'intermediate',
    meetingType: 'discovery',
    passThreshold: 70,
    validityDays: 365,
    addedDay: 1,
    addedBy: 'admin',
  },
  {
    key: 'demo',
    name: 'Demo to a busy operations team',
    persona: 'Head of sales operations and two analysts; they run the forecast in spreadsheets today',
    situation: 'Forty-five minutes booked, ten of them already gone to a late start. They want to see their own Monday forecast call.',
    objectives: ['Show the two problems found in discovery, nothing else', 'Confirm each is solved in their words', 'Book the technical review'],
    skills: ['Demo / presentation', 'Discovery'],
    difficulty: 'basic',
    meetingType: 'demo',
    passThreshold: 65,
    validityDays: 365,
    addedDay: 20,
    addedBy: 'manager',
  },
  {
    key: 'executive',
    name: 'Twenty minutes with the CFO',
    persona: 'CFO of a scale-up; reads the numbers first, dislikes slides',
    situation: 'The champion got you a slot before the board meeting. The CFO has the proposal and one question: why now?',
    objectives: ['State the business case in one sentence with their numbers', 'Name the cost of waiting a quarter', 'Leave with sponsorship or a clear no'],
    skills: ['Negotiation', 'Qualification', 'Demo / presentation'],
    difficulty: 'advanced',
    meetingType: 'executive',
    passThreshold: 75,
    validityDays: 365,
    addedDay: 45,
    addedBy: 'admin',
  },
  {
    key: 'spreadsheets',
    name: '“We are happy with our spreadsheets”',
    persona: 'Sales director of a 40-person team; proud of the model she built herself',
    situation: 'Second call. She likes the product but sees no reason to change what works.',
    objectives: ['Acknowledge what works before challenging it', 'Quantify one thing the spreadsheet cannot do', 'Agree a small test'],
    skills: ['Objection handling', 'Discovery'],
    difficulty: 'intermediate',
    meetingType: null,
    passThreshold: 70,
    validityDays: 365,
    addedDay: 60,
    addedBy: 'manager',
  },
  {
    key: 'cold-call',
    name: 'Cold call to a head of sales',
    persona: 'Head of sales at a mid-market software company, between two meetings',
    situation: 'First contact by phone after an event; you have thirty seconds before she decides to hang up.',
    objectives: ['Earn the next thirty seconds with a relevant observation', 'Ask one good question', 'Book a discovery call'],
    skills: ['Pipeline generation', 'Objection handling'],
    difficulty: 'basic',
    meetingType: null,
    passThreshold: 60,
    validityDays: 365,
    addedDay: 90,
    addedBy: 'manager',
  },
];

/** How a rep practises, by archetype: when they start, how good they are, how fast they learn. */
interface Habit {
  /** Day (after set-up) of the first Negotiation attempt; null: never practises it. */
  start: number | null;
  level: number;
  /** Points gained per attempt, until `cap`. */
  gain: number;
  cap: number;
  /** Mean days between attempts while not certified. */
  cadence: number;
  /** Whether the manager renews the certification with a role-play before it expires. */
  renews: boolean;
  /** Attempts on the rest of the library over the year. */
  others: number;
}

const HABITS: Record<string, Habit> = {
  farmer: { start: 2, level: 64, gain: 4, cap: 92, cadence: 5, renews: true, others: 8 },
  star: { start: 4, level: 66, gain: 4, cap: 95, cadence: 6, renews: true, others: 6 },
  crammer: { start: 70, level: 55, gain: 4, cap: 85, cadence: 9, renews: true, others: 3 },
  'new hire': { start: 150, level: 45, gain: 5, cap: 85, cadence: 6, renews: true, others: 6 },
  volume: { start: 110, level: 56, gain: 4, cap: 84, cadence: 8, renews: true, others: 3 },
  // Certified early, then it lapsed: nobody renewed it.
  'stale pipeline': { start: 30, level: 62, gain: 5, cap: 80, cadence: 7, renews: false, others: 1 },
  // Months of overriding the gate, then the manager insisted.
  overrider: { start: 270, level: 55, gain: 5, cap: 84, cadence: 5, renews: true, others: 1 },
  // Practises now and then, never reaches the bar.
  skipper: { start: 120, level: 45, gain: 2, cap: 62, cadence: 25, renews: false, others: 2 },
  steady: { start: 60, level: 58, gain: 4, cap: 85, cadence: 8, renews: true, others: 4 },
};

export interface PlannedAttempt {
  scenarioKey: string;
  partnerId: string;
  createdAt: number;
  /** Null: waiting for the partner to score it. */
  scoredAt: number | null;
  scores: { skill: string; score: number }[];
  score: number;
  feedback: string | null;
}

export interface PlannedCertification {
  scenarioKey: string;
  method: 'manager' | 'threshold';
  grantedBy: string | null;
  /** Index into the rep's attempts. */
  attempt: number | null;
  note: string;
  grantedAt: number;
  expiresAt: number;
}

export interface RepPractice {
  rep: RepSeat;
  attempts: PlannedAttempt[];
  certifications: PlannedCertification[];
}

/** Skill scores (1–5) whose mean is as close as the rubric allows to `target` (0–100). */
function skillScores(skills: readonly string[], target: number, rng: Rng): { skill: string; score: number }[] {
  const total = Math.min(5 * skills.length, Math.max(skills.length, Math.round((target / 100) * 5 * skills.length)));
  const scores = skills.map(() => Math.floor(total / skills.length));
  for (let left = total - scores.reduce((a, b) => a + b, 0); left > 0; left--) {
    const open = scores.flatMap((v, i) => (v < 5 ? [i] : []));
    const i = rng.pick(open);
    scores[i] = (scores[i] as number) + 1;
  }
  return skills.map((skill, i) => ({ skill, score: scores[i] as number }));
}

const FEEDBACK = [
  'Held the price well; gave the discount away too early on the second ask.',
  'Good questions, but let the buyer set the agenda for the last ten minutes.',
  'Strong on value; name the signer and the date before you talk terms.',
  'Traded term for price instead of conceding: exactly right.',
  'Too much talking after the price. State it, then stop.',
  'Confident and clear. Recap the agreed next step at the end.',
];

export interface PracticeWorld {
  reps: readonly RepSeat[];
  /** When the workspace was set up. */
  createdAt: number;
  now: number;
}

/**
 * Walks one rep's year: attempts in time order, readiness after each scored one, a threshold
 * certification the moment readiness reaches the bar without a live one, a manager's renewal
 * before expiry for reps whose manager keeps them current.
 */
function repPractice(world: PracticeWorld, rep: RepSeat, index: number): RepPractice {
  const rng = new Rng(hash32(PRACTICE_SEED, index, stringSeed(rep.profile.archetype)));
  const habit = HABITS[rep.profile.archetype] ?? (HABITS.steady as Habit);
  const peers = world.reps.filter((r) => r.teamId === rep.teamId && r.id !== rep.id);
  const day = (d: number) => world.createdAt + d * DAY;
  const attempts: PlannedAttempt[] = [];
  const certifications: PlannedCertification[] = [];
  const partner = (manager: boolean) => (manager || peers.length === 0 ? rep.managerId : rng.pick(peers).id);

  const plan: { key: string; at: number; target: number; manager: boolean }[] = [];
  if (habit.start !== null) {
    let at = day(habit.start + rng.float(0, 4));
    let level = habit.level;
    while (at < world.now) {
      plan.push({ key: 'negotiation', at, target: Math.min(habit.cap, level) + rng.normal() * 5, manager: rng.chance(0.4) });
      level += habit.gain;
      at += rng.float(0.6, 1.4) * habit.cadence * DAY;
    }
  }
  for (let k = 0; k < habit.others; k++) {
    const s = rng.pick(DEMO_SCENARIOS.filter((x) => x.key !== 'negotiation'));
    const from = Math.max(s.addedDay + 1, 5);
    plan.push({
      key: s.key,
      at: day(rng.float(from, (world.now - world.createdAt) / DAY)),
      target: habit.level + 8 + rng.normal() * 10,
      manager: rng.chance(0.3),
    });
  }
  plan.sort((a, b) => a.at - b.at);

  const liveUntil = new Map<string, number>();
  const history = new Map<string, { score: number; scoredAt: number }[]>();
  let negotiationCertifiedAt: number | null = null;
  for (const p of plan) {
    const scenario = DEMO_SCENARIOS.find((s) => s.key === p.key) as DemoScenario;
    const created = workingTime(p.at, rng);
    if (created >= world.now) continue;
    // Once certified on the gate scenario a rep stops drilling it; renewals (below) keep it current.
    if (p.key === 'negotiation' && negotiationCertifiedAt !== null) continue;
    const scores = skillScores(scenario.skills, p.target, rng);
    const scoredAt = created + rng.int(20, 90) * MINUTE;
    const pending = scoredAt > world.now || (scoredAt > world.now - 2 * DAY && rng.chance(0.5));
    attempts.push({
      scenarioKey: p.key,
      partnerId: partner(p.manager),
      createdAt: created,
      scoredAt: pending ? null : scoredAt,
      scores,
      score: attemptScore(scores),
      feedback: pending ? null : rng.pick(FEEDBACK),
    });
    if (pending) continue;
    const mine = [...(history.get(p.key) ?? []), { score: attemptScore(scores), scoredAt }];
    history.set(p.key, mine);
    const r = readiness(mine, scoredAt);
    if ((liveUntil.get(p.key) ?? 0) > scoredAt || r.value === null || r.value < scenario.passThreshold) continue;
    certifications.push({
      scenarioKey: p.key,
      method: 'threshold',
      grantedBy: null,
      attempt: attempts.length - 1,
      note: `Readiness ${r.value} reached the threshold of ${scenario.passThreshold}`,
      grantedAt: scoredAt,
      expiresAt: scoredAt + scenario.validityDays * DAY,
    });
    liveUntil.set(p.key, scoredAt + scenario.validityDays * DAY);
    if (p.key === 'negotiation') negotiationCertifiedAt = scoredAt;
  }
  // Reps who keep it current book a renewal role-play with their manager before it lapses.
  return { rep, attempts, certifications: renewals(world, rep, habit, attempts, certifications, rng, negotiationCertifiedAt) };
}

/**
 * For reps whose manager keeps them current: before each Negotiation certification expires, a
 * role-play with the manager and a renewal. Added after the walk so the walk's threshold passes
 * stay what the product would have granted (a renewal starts while a certification is live).
 */
function renewals(
  world: PracticeWorld,
  rep: RepSeat,
  habit: Habit,
  attempts: PlannedAttempt[],
  certs: PlannedCertification[],
  rng: Rng,
  firstAt: number | null,
): PlannedCertification[] {
  if (!habit.renews || firstAt === null) return certs;
  const scenario = DEMO_SCENARIOS.find((s) => s.key === 'negotiation') as DemoScenario;
  const out = [...certs];
  for (let guard = 0; guard < 10; guard++) {
    const current = out.filter((c) => c.scenarioKey === 'negotiation').reduce((a, b) => (b.expiresAt > a.expiresAt ? b : a));
    const at = workingTime(current.expiresAt - rng.float(8, 18) * DAY, rng);
    if (at >= world.now - HOUR) break;
    const scores = skillScores(scenario.skills, Math.min(habit.cap, habit.level + 20) + rng.normal() * 4, rng);
    const scoredAt = at + rng.int(30, 75) * MINUTE;
    attempts.push({
      scenarioKey: 'negotiation',
      partnerId: rep.managerId,
      createdAt: at,
      scoredAt,
      scores,
      score: attemptScore(scores),
      feedback: rng.pick(FEEDBACK),
    });
    const grantedAt = scoredAt + rng.int(5, 40) * MINUTE;
    out.push({
      scenarioKey: 'negotiation',
      method: 'manager',
      grantedBy: rep.managerId,
      attempt: null,
      note: 'Renewed after a role-play: still holds price under pressure',
      grantedAt,
      expiresAt: grantedAt + scenario.validityDays * DAY,
    });
  }
  attempts.sort((a, b) => a.createdAt - b.createdAt);
  // Attempt indexes of threshold certifications follow the sort.
  return out.map((c) => (c.attempt === null ? c : { ...c, attempt: attempts.findIndex((a) => a.scoredAt === c.grantedAt && a.scenarioKey === c.scenarioKey) }));
}

export function practiceYear(world: PracticeWorld): RepPractice[] {
  return world.reps.map((rep, i) => repPractice(world, rep, i));
}

/** The stage gate's question for the simulation: was this rep certified on the gate scenario then? */
export function gateCertification(world: PracticeWorld): (repId: string, at: number) => boolean {
  const spans = new Map<string, { from: number; to: number }[]>();
  for (const p of practiceYear(world))
    spans.set(
      p.rep.id,
      p.certifications.filter((c) => c.scenarioKey === 'negotiation').map((c) => ({ from: c.grantedAt, to: c.expiresAt })),
    );
  return (repId, at) => (spans.get(repId) ?? []).some((s) => s.from <= at && at < s.to);
}
