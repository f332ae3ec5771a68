// Who may play the buyer in someone's role-play. One rule for the server's check of partnerId and
// the web's partner picker, so the picker never offers a person the server refuses (decision 0104).
import { ancestorIds, managedTeamIds, subtreeIds, type TeamNode } from './team-tree.js';

export interface PartnerCandidate {
  id: string;
  role: string;
  teamId: string | null;
  active: boolean;
}

/**
 * Roles outside the team tree who may partner anyone: the CSO and outside coaches. Marketing plays
 * no buyer in a sales role-play. Naming one of them shows nothing of another team.
 */
const PARTNERS_ACROSS_TEAMS: readonly string[] = ['admin', 'coach'];

/**
 * A partner is someone the practising person works with: a peer in their own team, a manager of
 * their team or of a team above it, anyone in the teams they manage (a manager practising with
 * their reps), or someone outside the team tree. Another team's rep is not: a role-play shares
 * the scenario, the score and the feedback, and the attempt would show that rep's name and
 * scoring duty to someone outside their reach. An admin practises with anyone.
 */
export function mayPartner(caller: { id: string; role: string; teamId: string | null }, candidate: PartnerCandidate, teams: readonly TeamNode[]): boolean {
  if (candidate.id === caller.id || !candidate.active || candidate.role === 'marketing') return false;
  if (caller.role === 'admin' || PARTNERS_ACROSS_TEAMS.includes(candidate.role)) return true;
  const managed = subtreeIds(teams, managedTeamIds(teams, caller.id));
  if (candidate.teamId !== null && (candidate.teamId === caller.teamId || managed.has(candidate.teamId))) return true;
  const above = caller.teamId ? new Set([caller.teamId, ...ancestorIds(teams, caller.teamId)]) : new Set<string>();
  return teams.some((t) => t.managerId === candidate.id && (above.has(t.id) || managed.has(t.id)));
}
