// The demo's year of coaching (issues 10 and 13): every manager coaches each rep of their team
// weekly and the Field Sales manager coaches the two team managers every two weeks (the team-tree
// default relationships, coaching/relationships.sql.ts), and the CSO coaches the Field Sales
// manager every two weeks (an explicit relationship, as an admin sets one). Sessions are scheduled,
// held (or missed) with agenda, notes, skills worked on, deals discussed and action items, some
// ticked off before the next session; coaches rate the skill worked on now and then, and set
// objectives that the first read after their review date measures through the objectives service.
// Enterprise keeps its rhythm all year, Mid-Market lets its cadence lapse after the first quarter,
// Field Sales is in between — the same teams the rituals show keeping and fading. Rows are the
// ones the coaching services write; draws come from a fixed seed and the people's e-mail
// addresses, so the data is the same on every engine and every run for a given `now`.
import type { Kysely } from 'kysely';
import { createObjective, getObjective, patchObjective } from '../../coaching/objectives.service.js';
import type { ExplicitRelationshipRow } from '../../coaching/relationships.repo.js';
import type { ActionItemRow, SessionRow } from '../../coaching/sessions.repo.js';
import type { Database } from '../../db/database.js';
import type { SkillRatingsTable } from '../../db/schema/coaching.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { actAs } from './as-user.js';
import { addDays, berlinDate, DAY, HOUR, MINUTE } from './calendar.js';
import { seedDealReviews } from './deal-reviews.js';
import { hash32, Rng, stringSeed } from './random.js';

const COACHING_SEED = 0xc0ac4026;
const CHUNK = 300;

type Profile = 'keeps' | 'fades' | 'steady';

const SKILL_NOTES: Record<string, { agenda: string; notes: string; action: string }> = {
  discovery: {
    agenda: 'Discovery: questions that get to the buyer’s pain',
    notes: 'Listened to the last discovery call together; more open questions, fewer features. The pain is stated, not yet quantified.',
    action: 'Prepare five open discovery questions for the next first meeting',
  },
  qualification: {
    agenda: 'Qualification: the MEDDPICC gaps on the open deals',
    notes: 'Went through the gaps: economic buyer and decision process are guesses on two deals. Agreed to confirm them before the next stage.',
    action: 'Confirm the economic buyer on the deals discussed',
  },
  demo: {
    agenda: 'Demo: tailoring the presentation to the buyer’s use case',
    notes: 'Rehearsed the opening: start from the buyer’s problem, show three screens, not twelve.',
    action: 'Rehearse the tailored demo in the practice lab',
  },
  objection_handling: {
    agenda: 'Objection handling: price and timing objections heard this month',
    notes: 'Role-played the price objection; acknowledge, ask, then answer with the value case. Better on the second try.',
    action: 'Write down the three objections heard most and the answer to each',
  },
  negotiation: {
    agenda: 'Negotiation: give-gets for the deals in negotiation',
    notes: 'Set the walk-away and the trades before the call; no discount without something back.',
    action: 'Draft the give-get list before the next negotiation call',
  },
  forecasting: {
    agenda: 'Forecasting: commit vs best case, deal by deal',
    notes: 'Moved one deal from commit to best case: no confirmed close plan. Close dates now follow the buyer’s plan.',
    action: 'Update close dates and next steps on every committed deal',
  },
  pipeline_generation: {
    agenda: 'Pipeline generation: next month’s planting against the plan',
    notes: 'Behind on new opportunities for next quarter; blocked two prospecting hours a week.',
    action: 'Block two prospecting hours a week in the calendar',
  },
};
const SKILLS = Object.keys(SKILL_NOTES);

/** Objectives a coach sets: a skill and the KPI that shows it, with the target as a change from the baseline. */
const OBJECTIVES = [
  { skill: 'qualification', kpi: 'process_adherence', lift: 0.08, fallback: 0.8 },
  { skill: 'discovery', kpi: 'call_plan_coverage', lift: 0.1, fallback: 0.5 },
  { skill: 'negotiation', kpi: 'win_rate', lift: 0.05, fallback: 0.25 },
  { skill: 'objection_handling', kpi: 'win_rate_value', lift: 0.05, fallback: 0.25 },
  { skill: 'demo', kpi: 'plan_hit_rate', lift: 0.1, fallback: 0.6 },
] as const;

/** The chance a due session is held, by the coach's profile and whether the first quarter is over. */
function heldShare(profile: Profile, afterQ1: boolean, monthsAfter: number): number {
  if (profile === 'keeps') return 0.93;
  if (profile === 'steady') return 0.8;
  if (!afterQ1) return 0.92;
  return monthsAfter < 2 ? 0.55 : 0.3;
}

function closeShare(profile: Profile, afterQ1: boolean): number {
  if (profile === 'keeps') return 0.8;
  if (profile === 'steady') return 0.65;
  return afterQ1 ? 0.3 : 0.75;
}

interface Pair {
  coach: { id: string; email: string };
  coachee: { id: string; email: string; role: string };
  cadenceDays: number;
  profile: Profile;
}

export interface CoachingSeedInput {
  workspaceId: string;
  now: number;
  log?: (message: string) => void;
}

/** The first 1 April at least a month before now: when the fading team's coaching starts to lapse. */
function endOfFirstQuarter(now: number): number {
  let year = new Date(now).getUTCFullYear();
  if (Date.UTC(year, 3, 1) > now - 30 * DAY) year -= 1;
  return Date.UTC(year, 3, 1);
}

export async function seedCoaching(
  database: Database,
  input: CoachingSeedInput,
): Promise<{ sessions: number; items: number; objectives: number; reviews: number }> {
  const started = Date.now();
  const db = database.db;
  const ws = input.workspaceId;
  const now = input.now;
  const users = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'team_id']).where('workspace_id', '=', ws).orderBy('email').execute();
  const teams = await db.selectFrom('teams').select(['id', 'name', 'parent_id', 'manager_id']).where('workspace_id', '=', ws).orderBy('name').execute();
  const model = await db
    .selectFrom('skill_model_versions')
    .select('version')
    .where('workspace_id', '=', ws)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  const deals = await db
    .selectFrom('deals')
    .select(['id', 'owner_id', 'name', 'created_at', 'closed_at'])
    .where('workspace_id', '=', ws)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const dealsOf = new Map<string, typeof deals>();
  for (const d of deals) dealsOf.set(d.owner_id, [...(dealsOf.get(d.owner_id) ?? []), d]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const admin = users.find((u) => u.role === 'admin');
  const root = teams.find((t) => t.parent_id === null);
  if (!admin || !root?.manager_id) throw new Error('the demo organisation has no CSO or no top team');

  const start = now - 365 * DAY;
  const fadeAt = endOfFirstQuarter(now);
  const leaves = teams.filter((t) => t.parent_id !== null);
  const profileOf = (teamId: string): Profile => (teamId === root.id ? 'steady' : leaves[0]?.id === teamId ? 'keeps' : 'fades');

  const pairs: Pair[] = [];
  const person = (id: string) => {
    const u = byId.get(id);
    if (!u) throw new Error(`no user ${id}`);
    return u;
  };
  for (const team of teams) {
    if (!team.manager_id) continue;
    const coach = person(team.manager_id);
    for (const u of users.filter((x) => x.team_id === team.id && x.id !== team.manager_id && x.role === 'rep'))
      pairs.push({ coach, coachee: u, cadenceDays: 7, profile: profileOf(team.id) });
    for (const child of teams.filter((t) => t.parent_id === team.id && t.manager_id && t.manager_id !== team.manager_id))
      pairs.push({ coach, coachee: person(child.manager_id as string), cadenceDays: 14, profile: 'steady' });
  }
  // The CSO is given no team; an admin sets the relationship to the Field Sales manager explicitly.
  pairs.push({ coach: admin, coachee: person(root.manager_id), cadenceDays: 14, profile: 'keeps' });
  const relationships: ExplicitRelationshipRow[] = [
    {
      id: newId(),
      workspace_id: ws,
      coach_id: admin.id,
      coachee_id: root.manager_id,
      cadence_days: 14,
      note: 'The CSO coaches the head of Field Sales every two weeks',
      created_by: admin.id,
      created_at: start - 7 * DAY,
      updated_at: start - 7 * DAY,
      ended_at: null,
      version: 1,
    },
  ];

  const sessions: SessionRow[] = [];
  const sessionDeals: { session_id: string; deal_id: string; workspace_id: string }[] = [];
  const items: ActionItemRow[] = [];
  const ratings: SkillRatingsTable[] = [];
  // Whose coached skill visibly improves over the year, and whose does not (the story).
  const improver = users.find((u) => u.email.startsWith('rep2@'))?.id;
  const stuck = users.find((u) => u.email.startsWith('rep12@'))?.id;

  for (const [p, pair] of pairs.entries()) {
    const rng = new Rng(hash32(COACHING_SEED, stringSeed(pair.coach.email), stringSeed(pair.coachee.email)));
    const focus = pair.coachee.id === improver ? 'objection_handling' : pair.coachee.id === stuck ? 'negotiation' : (rng.pick(SKILLS) as string);
    const second = rng.pick(SKILLS.filter((s) => s !== focus)) as string;
    // A weekday and an hour per pair, the first slot in the week after the year starts.
    const monday = Math.floor((start + 3 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY + 7 * DAY; // 1970-01-05 was a Monday
    const first = monday + (p % 5) * DAY + (8 + (p % 8)) * HOUR;
    let baseLevel = pair.coachee.id === improver ? 1 : 2;
    const held: SessionRow[] = [];
    let sessionCount = 0;
    for (let at = first; at < now + 21 * DAY; at += pair.cadenceDays * DAY) {
      const scheduledAt = at;
      const past = scheduledAt + 2 * HOUR < now;
      const afterQ1 = scheduledAt >= fadeAt;
      const monthsAfter = (scheduledAt - fadeAt) / (30 * DAY);
      const x = rng.next();
      const isHeld = past && x < heldShare(pair.profile, afterQ1, monthsAfter);
      // A missed session is left scheduled and never held half of the time, and never put in the diary otherwise.
      if (past && !isHeld && rng.chance(0.5)) continue;
      // Only the next session after now is in the diary already.
      if (!past && sessions.some((s) => s.coach_id === pair.coach.id && s.coachee_id === pair.coachee.id && s.scheduled_at > now)) break;
      const late = isHeld && rng.chance(0.15) ? rng.int(1, 2) * DAY : 0;
      const heldAt = isHeld ? Math.min(scheduledAt + late + rng.int(0, 10) * MINUTE, now - HOUR) : null;
      const skills = rng.chance(0.4) ? [focus, second] : [focus];
      const notes = SKILL_NOTES[focus] as (typeof SKILL_NOTES)[string];
      const createdAt = Math.min(scheduledAt - rng.int(2, 6) * DAY, now - 2 * HOUR);
      const loggedAt = heldAt === null ? createdAt : Math.min(heldAt + 40 * MINUTE, now - HOUR / 2);
      const id = newId();
      const row: SessionRow = {
        id,
        workspace_id: ws,
        coach_id: pair.coach.id,
        coachee_id: pair.coachee.id,
        scheduled_at: scheduledAt,
        held_at: heldAt,
        agenda: `${notes.agenda}\nOpen action items from last time\nDeals at risk`,
        shared_notes: heldAt === null ? null : notes.notes,
        private_notes: heldAt !== null && rng.chance(0.2) ? 'Confidence is up; push for more ownership of the forecast next time.' : null,
        skill_keys: JSON.stringify(skills),
        created_by: pair.coach.id,
        created_at: createdAt,
        updated_at: loggedAt,
        deleted_at: null,
        version: heldAt === null ? 1 : 2,
      };
      sessions.push(row);
      sessionCount++;
      if (pair.coachee.role === 'rep') {
        const open = (dealsOf.get(pair.coachee.id) ?? []).filter(
          (d) => Number(d.created_at) <= scheduledAt && (d.closed_at === null || Number(d.closed_at) > scheduledAt),
        );
        const n = Math.min(open.length, rng.int(0, 2));
        const picked = new Set<string>();
        for (let i = 0; i < n; i++) picked.add((open[rng.int(0, open.length - 1)] as (typeof open)[number]).id);
        for (const dealId of picked) sessionDeals.push({ session_id: id, deal_id: dealId, workspace_id: ws });
      }
      if (heldAt === null) continue;
      held.push(row);
      // Now and then the coach rates the skill worked on; the improver climbs, the stuck rep does not.
      if (sessionCount % 4 === 0 && pair.coachee.role === 'rep') {
        const progress = (heldAt - start) / (365 * DAY);
        const level =
          pair.coachee.id === improver
            ? Math.min(4, 1 + Math.floor(progress * 3.2))
            : pair.coachee.id === stuck
              ? 2
              : Math.min(4, baseLevel + (rng.chance(0.15) ? 1 : 0));
        baseLevel = pair.coachee.id === improver || pair.coachee.id === stuck ? baseLevel : Math.max(baseLevel, level === 4 ? 4 : baseLevel);
        ratings.push({
          id: newId(),
          workspace_id: ws,
          user_id: pair.coachee.id,
          skill_key: focus,
          model_version: model.version,
          level,
          session_id: id,
          rated_by: pair.coach.id,
          rated_at: loggedAt,
          note: null,
          source: 'coach',
          attempt_id: null,
        });
      }
    }
    // Action items: from each held session, closed (or not) before the pair's next held session.
    for (const [i, s] of held.entries()) {
      const heldAt = s.held_at as number;
      const nextAt = held[i + 1]?.held_at ?? null;
      const afterQ1 = heldAt >= fadeAt;
      const focus = (JSON.parse(s.skill_keys) as string[])[0] as string;
      const count = rng.chance(0.35) ? 2 : 1;
      for (let k = 0; k < count; k++) {
        const owner = k === 1 && rng.chance(0.5) ? pair.coach.id : pair.coachee.id;
        const createdAt = s.updated_at;
        let completedAt: number | null = null;
        if (rng.chance(closeShare(pair.profile, afterQ1))) {
          const until = nextAt ?? Math.min(heldAt + 7 * DAY, now - HOUR);
          completedAt = until > createdAt ? createdAt + Math.floor(rng.next() * (until - createdAt)) : null;
        } else if (nextAt !== null && rng.chance(0.3)) {
          // Ticked off late, after the next session.
          completedAt = Math.min(nextAt + rng.int(1, 5) * DAY, now - HOUR);
        }
        items.push({
          id: newId(),
          workspace_id: ws,
          session_id: s.id,
          owner_id: owner,
          text: k === 0 ? (SKILL_NOTES[focus]?.action ?? 'Follow up') : 'Send the recap of what we agreed',
          due_date: addDays(berlinDate(heldAt), 6),
          completed_at: completedAt,
          created_at: createdAt,
          updated_at: completedAt ?? createdAt,
          deleted_at: null,
          version: completedAt === null ? 1 : 2,
        });
      }
    }
  }

  const insert = async (
    table: 'coaching_relationships' | 'coaching_sessions' | 'coaching_session_deals' | 'coaching_action_items' | 'skill_ratings',
    rows: object[],
  ) => {
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + CHUNK) as never)
        .execute();
  };
  await insert('coaching_relationships', relationships);
  await insert('coaching_sessions', sessions);
  await insert('coaching_session_deals', sessionDeals);
  await insert('coaching_action_items', items);
  await insert('skill_ratings', ratings);

  const rowsDone = Date.now();
  const repPairs = pairs.filter((x) => x.coachee.role === 'rep');
  const objectives = await seedObjectives(database, db, { ws, now, start, pairs: repPairs });
  const reviews = await seedDealReviews(database, db, { ws, now, pairs: repPairs });
  input.log?.(
    `${sessions.length} coaching sessions, ${items.length} action items, ${ratings.length} coach ratings, ${objectives} objectives, ${reviews} deal reviews in ${((Date.now() - started) / 1000).toFixed(1)} s (objectives and reviews ${((Date.now() - rowsDone) / 1000).toFixed(1)} s)`,
  );
  return { sessions: sessions.length, items: items.length, objectives, reviews };
}

/**
 * Objectives through the objectives service, as each coach sets them (baseline from the KPI engine
 * at the start) and as the first read after the review date measures them: every coachee gets one
 * in spring, reviewed in summer, and every other one another in the autumn, still pending.
 */
async function seedObjectives(database: Database, db: Kysely<DB>, input: { ws: string; now: number; start: number; pairs: Pair[] }): Promise<number> {
  const ctxAs = actAs(database, db, input.ws);
  const spring = berlinDate(input.start + 120 * DAY);
  const summer = addDays(spring, 91);
  const autumn = berlinDate(input.now - 30 * DAY);
  const winter = addDays(autumn, 91);
  let n = 0;
  // Each measured objective costs the KPI engine four reads (about 0.05 s on SQLite): a coach's
  // whole bench is affordable, and a year of coaching with a handful of objectives read as a toy.
  for (const pair of input.pairs) {
    const rng = new Rng(hash32(COACHING_SEED, 7, stringSeed(pair.coachee.email)));
    const bench = input.pairs.filter((x) => x.coach.id === pair.coach.id);
    const windows: [string, string][] =
      bench.indexOf(pair) % 2 === 0
        ? [
            [spring, summer],
            [autumn, winter],
          ]
        : [[spring, summer]];
    for (const [startDate, reviewDate] of windows) {
      const o = rng.pick(OBJECTIVES);
      const at = Date.parse(`${startDate}T08:00:00Z`);
      const coachCtx = await ctxAs(pair.coach.id, at);
      const created = await createObjective(coachCtx, {
        coacheeId: pair.coachee.id,
        skillKey: o.skill,
        kpiId: o.kpi,
        target: 0,
        startDate,
        reviewDate,
      }).catch(() => null);
      if (!created) continue;
      // The target as a lift on the measured baseline (the coach reads the baseline, then sets it).
      // A baseline of 0 (nothing measured yet) would make 0 the target, met without trying.
      const target = created.baseline ? Math.min(1, Math.round(created.baseline * (1 + o.lift) * 1000) / 1000) : o.fallback;
      await patchObjective(coachCtx, created.id, { version: created.version, target });
      n++;
      const reviewAt = Date.parse(`${addDays(reviewDate, 1)}T08:00:00Z`);
      if (reviewAt < input.now) await getObjective(await ctxAs(pair.coach.id, reviewAt), created.id);
    }
  }
  return n;
}
