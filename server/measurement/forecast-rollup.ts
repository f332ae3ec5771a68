// Pure: the forecast roll-up through the team tree. A manager's team adds up, per direct report,
// their latest call (or, without one, what their deals' categories say) and, per sub-team, its
// manager's latest call (or, without one, that sub-team's own roll-up). The CSO's view adds up the
// top-level teams and the people in no team. Each number is a submitted call or a sum of a few.
import type { TeamNode } from '../../lib/team-tree.js';

export interface Call {
  commit: number;
  bestCase: number;
  won: number;
  submittedAt: number | null;
  weekStart: string | null;
}

export interface RollupInput {
  teams: readonly (TeamNode & { name: string })[];
  users: readonly { id: string; name: string; teamId: string | null }[];
  /** The latest call per user for the period: reps' own, managers' for their team. */
  calls: ReadonlyMap<string, Call>;
  /** What each owner's deals say: commit = won + commit deals, best case = that + best-case deals. */
  system: ReadonlyMap<string, Call>;
}

export interface Row extends Call {
  kind: 'rep' | 'team' | 'own';
  userId: string | null;
  name: string;
  teamId: string | null;
  source: 'submitted' | 'rollup' | 'system';
}

const ZERO: Call = { commit: 0, bestCase: 0, won: 0, submittedAt: null, weekStart: null };

const add = (rows: readonly Call[]): Call => ({
  commit: rows.reduce((s, r) => s + r.commit, 0),
  bestCase: rows.reduce((s, r) => s + r.bestCase, 0),
  won: rows.reduce((s, r) => s + r.won, 0),
  submittedAt: null,
  weekStart: null,
});

function personRow(input: RollupInput, user: { id: string; name: string }, kind: 'rep' | 'own'): Row {
  const call = kind === 'rep' ? input.calls.get(user.id) : undefined;
  if (call) return { ...call, kind, userId: user.id, name: user.name, teamId: null, source: 'submitted' };
  return { ...(input.system.get(user.id) ?? ZERO), submittedAt: null, weekStart: null, kind, userId: user.id, name: user.name, teamId: null, source: 'system' };
}

/** The rows of one team: its people, its sub-teams, and its manager's own deals. */
export function teamRows(input: RollupInput, teamId: string): Row[] {
  const team = input.teams.find((t) => t.id === teamId);
  const children = input.teams.filter((t) => t.parentId === teamId);
  const childManagers = new Set(children.map((c) => c.managerId).filter((m): m is string => m !== null));
  const rows: Row[] = input.users
    .filter((u) => u.teamId === teamId && u.id !== team?.managerId && !childManagers.has(u.id))
    .map((u) => personRow(input, u, 'rep'));
  for (const child of children) rows.push(teamRow(input, child.id));
  const manager = team?.managerId ? input.users.find((u) => u.id === team.managerId) : undefined;
  if (manager) {
    const own = personRow(input, manager, 'own');
    if (own.commit !== 0 || own.bestCase !== 0 || own.won !== 0) rows.push({ ...own, name: `${manager.name} (own deals)` });
  }
  return rows;
}

/** A team as one row: its manager's latest call, or else its own roll-up. */
export function teamRow(input: RollupInput, teamId: string): Row {
  const team = input.teams.find((t) => t.id === teamId);
  const name = team?.name ?? teamId;
  const call = team?.managerId ? input.calls.get(team.managerId) : undefined;
  if (call && team?.managerId) return { ...call, kind: 'team', userId: team.managerId, name, teamId, source: 'submitted' };
  return { ...add(teamRows(input, teamId)), kind: 'team', userId: team?.managerId ?? null, name, teamId, source: 'rollup' };
}

/** A manager's view over every team they manage (a team inside another they manage counts once). */
export function managerRollup(input: RollupInput, teamIds: readonly string[]): { rows: Row[]; total: Call } {
  const roots = teamIds.filter((id) => !isBelow(input, id, teamIds));
  const rows = roots.flatMap((id) => teamRows(input, id));
  return { rows, total: add(rows) };
}

/** The whole organisation: top-level teams and the people in no team. */
export function workspaceRollup(input: RollupInput, adminIds: ReadonlySet<string>): { rows: Row[]; total: Call } {
  const rows: Row[] = input.teams.filter((t) => t.parentId === null).map((t) => teamRow(input, t.id));
  const managers = new Set(input.teams.map((t) => t.managerId));
  for (const u of input.users) if (u.teamId === null && !managers.has(u.id) && !adminIds.has(u.id)) rows.push(personRow(input, u, 'rep'));
  return { rows, total: add(rows) };
}

function isBelow(input: RollupInput, teamId: string, others: readonly string[]): boolean {
  const byId = new Map(input.teams.map((t) => [t.id, t]));
  const seen = new Set<string>();
  for (let p = byId.get(teamId)?.parentId ?? null; p !== null && !seen.has(p); p = byId.get(p)?.parentId ?? null) {
    seen.add(p);
    if (others.includes(p)) return true;
  }
  return false;
}
