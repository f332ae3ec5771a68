// An independent computation of the coaching KPIs, in TypeScript over the raw rows, for tests. The
// relationships are derived here from the team tree and the explicit rows by the rules of
// docs/kpis.md, not by coaching/relationships.sql.ts, so a mistake there shows as a difference.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const DAY = 86_400_000;

export interface CoachingRefData {
  users: { id: string; role: string; team_id: string | null; created_at: number; disabled_at: number | null }[];
  teams: { id: string; parent_id: string | null; manager_id: string | null }[];
  explicit: { id: string; coach_id: string; coachee_id: string; cadence_days: number; created_at: number; ended_at: number | null }[];
  sessions: { id: string; coach_id: string; coachee_id: string; held_at: number | null; created_at: number; deleted_at: number | null }[];
  items: { id: string; session_id: string; owner_id: string; completed_at: number | null; created_at: number; deleted_at: number | null }[];
  objectives: { id: string; coachee_id: string; reviewed_at: number | null; met: number | null }[];
}

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function loadCoachingRefData(db: Kysely<DB>, ws: string): Promise<CoachingRefData> {
  const users = await db.selectFrom('users').select(['id', 'role', 'team_id', 'created_at', 'disabled_at']).where('workspace_id', '=', ws).execute();
  const teams = await db.selectFrom('teams').select(['id', 'parent_id', 'manager_id']).where('workspace_id', '=', ws).execute();
  const explicit = await db
    .selectFrom('coaching_relationships')
    .select(['id', 'coach_id', 'coachee_id', 'cadence_days', 'created_at', 'ended_at'])
    .where('workspace_id', '=', ws)
    .execute();
  const sessions = await db
    .selectFrom('coaching_sessions')
    .select(['id', 'coach_id', 'coachee_id', 'held_at', 'created_at', 'deleted_at'])
    .where('workspace_id', '=', ws)
    .execute();
  const items = await db
    .selectFrom('coaching_action_items')
    .select(['id', 'session_id', 'owner_id', 'completed_at', 'created_at', 'deleted_at'])
    .where('workspace_id', '=', ws)
    .execute();
  const objectives = await db.selectFrom('coaching_objectives').select(['id', 'coachee_id', 'reviewed_at', 'met']).where('workspace_id', '=', ws).execute();
  return {
    users: users.map((u) => ({ ...u, created_at: Number(u.created_at), disabled_at: n(u.disabled_at) })),
    teams,
    explicit: explicit.map((e) => ({ ...e, cadence_days: Number(e.cadence_days), created_at: Number(e.created_at), ended_at: n(e.ended_at) })),
    sessions: sessions.map((s) => ({ ...s, held_at: n(s.held_at), created_at: Number(s.created_at), deleted_at: n(s.deleted_at) })),
    items: items.map((i) => ({ ...i, completed_at: n(i.completed_at), created_at: Number(i.created_at), deleted_at: n(i.deleted_at) })),
    objectives: objectives.map((o) => ({ ...o, reviewed_at: n(o.reviewed_at), met: n(o.met) })),
  };
}

export interface RefRelationship {
  coachId: string;
  coacheeId: string;
  cadenceDays: number;
  /** When it can first exist: the explicit row's creation, or the later of the two people joining. */
  since: number;
  coacheeRole: string;
}

export function referenceRelationships(d: CoachingRefData): RefRelationship[] {
  const users = new Map(d.users.map((u) => [u.id, u]));
  const teams = new Map(d.teams.map((t) => [t.id, t]));
  const defaults = new Map<string, { coachId: string; coacheeId: string; cadenceDays: number }>();
  const offer = (coachId: string, coacheeId: string, cadenceDays: number) => {
    const key = `${coachId}>${coacheeId}`;
    const was = defaults.get(key);
    if (!was || cadenceDays < was.cadenceDays) defaults.set(key, { coachId, coacheeId, cadenceDays });
  };
  for (const u of d.users) {
    const team = u.team_id ? teams.get(u.team_id) : undefined;
    if (team?.manager_id && team.manager_id !== u.id && u.disabled_at === null && (u.role === 'rep' || u.role === 'manager')) offer(team.manager_id, u.id, 7);
  }
  for (const t of d.teams) {
    const parent = t.parent_id ? teams.get(t.parent_id) : undefined;
    if (t.manager_id && parent?.manager_id && parent.manager_id !== t.manager_id) offer(parent.manager_id, t.manager_id, 14);
  }
  const active = d.explicit.filter((e) => e.ended_at === null);
  const out: RefRelationship[] = [];
  const push = (coachId: string, coacheeId: string, cadenceDays: number, since: number | null) => {
    const coach = users.get(coachId);
    const coachee = users.get(coacheeId);
    if (!coach || !coachee || coach.disabled_at !== null || coachee.disabled_at !== null) return;
    out.push({ coachId, coacheeId, cadenceDays, since: since ?? Math.max(coach.created_at, coachee.created_at), coacheeRole: coachee.role });
  };
  for (const r of defaults.values()) {
    if (active.some((e) => e.coach_id === r.coachId && e.coachee_id === r.coacheeId)) continue;
    push(r.coachId, r.coacheeId, r.cadenceDays, null);
  }
  for (const e of active) push(e.coach_id, e.coachee_id, e.cadence_days, e.created_at);
  return out;
}

export interface RefQuery {
  /** Consecutive buckets of the query: [start, end) instants. */
  buckets: readonly { start: number; end: number }[];
  at: number;
  owners: ReadonlySet<string> | null;
}

export interface RefFigure {
  value: number | null;
  numerator: number;
  denominator: number;
}

const known = (s: { created_at: number; deleted_at: number | null }, t: number) => s.created_at <= t && (s.deleted_at === null || s.deleted_at > t);

/** Cadence kept and sessions overdue, one figure per bucket. */
export function referenceCadence(d: CoachingRefData, q: RefQuery): { kept: RefFigure; overdue: number }[] {
  const rels = referenceRelationships(d);
  return q.buckets.map((b) => {
    if (b.start > q.at) return { kept: { value: null, numerator: 0, denominator: 0 }, overdue: 0 };
    const t = Math.min(b.end - 1, q.at);
    let kept = 0;
    let judged = 0;
    for (const r of rels) {
      if (q.owners && !q.owners.has(r.coachId)) continue;
      if (r.since + r.cadenceDays * DAY > t) continue;
      judged += 1;
      const held = d.sessions.filter((s) => s.coach_id === r.coachId && s.coachee_id === r.coacheeId && s.held_at !== null && s.held_at <= t && known(s, q.at));
      const last = Math.max(-Infinity, ...held.map((s) => s.held_at as number));
      if (last > t - r.cadenceDays * DAY) kept += 1;
    }
    return { kept: { value: judged > 0 ? kept / judged : null, numerator: kept, denominator: judged }, overdue: judged - kept };
  });
}

/** Action items closed by the next session, over one range. */
export function referenceActionItems(d: CoachingRefData, q: { start: number; end: number; at: number; owners: ReadonlySet<string> | null }): RefFigure {
  const sessions = new Map(d.sessions.map((s) => [s.id, s]));
  let num = 0;
  let den = 0;
  for (const item of d.items) {
    if (!known(item, q.at) || (q.owners && !q.owners.has(item.owner_id))) continue;
    const from = sessions.get(item.session_id);
    if (!from || from.held_at === null || from.held_at > q.at || !known(from, q.at)) continue;
    const fromHeld = from.held_at;
    const later = d.sessions
      .filter((s) => s.coach_id === from.coach_id && s.coachee_id === from.coachee_id && s.held_at !== null && s.held_at > fromHeld)
      .filter((s) => (s.held_at as number) <= q.at && known(s, q.at))
      .map((s) => s.held_at as number);
    if (later.length === 0) continue;
    const next = Math.min(...later);
    if (next < q.start || next >= q.end) continue;
    den += 1;
    if (item.completed_at !== null && item.completed_at <= next) num += 1;
  }
  return { value: den > 0 ? num / den : null, numerator: num, denominator: den };
}

export function referenceObjectivesMet(d: CoachingRefData, q: { start: number; end: number; at: number; owners: ReadonlySet<string> | null }): RefFigure {
  const reviewed = d.objectives.filter(
    (o) =>
      o.reviewed_at !== null &&
      o.met !== null &&
      o.reviewed_at >= q.start &&
      o.reviewed_at < q.end &&
      o.reviewed_at <= q.at &&
      (!q.owners || q.owners.has(o.coachee_id)),
  );
  const met = reviewed.filter((o) => o.met === 1).length;
  return { value: reviewed.length > 0 ? met / reviewed.length : null, numerator: met, denominator: reviewed.length };
}
