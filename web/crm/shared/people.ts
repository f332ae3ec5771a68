// Who may be given or may change records, from the users and teams (read in web/data/people/).
import type { Team, User } from '../../../api/identity';
import { subtreeIds } from '../../../lib/team-tree';
import { can, type Resource } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useTeams, useUsers } from '../../data/people/people';

/** The teams a user manages and every team below them (teams nest): the rule the server applies. */
export const teamSubtree = (teams: Team[], rootIds: string[]): Set<string> => subtreeIds(teams, rootIds);

/**
 * People the signed-in user may give records to, as the server decides it: admins anyone,
 * managers themselves and their team subtrees, reps only themselves.
 */
export function useAssignableOwners(): { value: string; label: string }[] {
  const { user } = useSession();
  const users = useUsers();
  const teams = useTeams();
  const active = (users.data ?? []).filter((u) => !u.disabled && u.role !== 'marketing');
  let allowed: User[];
  if (user.role === 'admin') allowed = active;
  else if (user.role === 'manager') {
    const subtree = teamSubtree(teams.data ?? [], user.managesTeamIds);
    allowed = active.filter((u) => u.id === user.id || (u.teamId !== null && subtree.has(u.teamId)));
  } else allowed = active.filter((u) => u.id === user.id);
  if (!allowed.some((u) => u.id === user.id)) allowed.unshift({ id: user.id, name: user.name } as User);
  return allowed.map((u) => ({ value: u.id, label: u.id === user.id ? `${u.name} (me)` : u.name }));
}

/**
 * Whether the signed-in user may change a record owned by ownerId: the role must allow it, and
 * the owner must be within reach (a rep: only their own; a manager: their team subtrees).
 * Shared accounts are readable by every rep, but not theirs to edit.
 */
export function useMayChange(resource: Resource, ownerId: string, operation: 'update' | 'delete' = 'update'): boolean {
  const { user } = useSession();
  const users = useUsers();
  const teams = useTeams();
  if (!can(user.role, resource, operation)) return false;
  if (user.role === 'admin' || ownerId === user.id) return true;
  if (user.role !== 'manager') return false;
  const owner = users.data?.find((u) => u.id === ownerId);
  return owner?.teamId != null && teamSubtree(teams.data ?? [], user.managesTeamIds).has(owner.teamId);
}
