// Pure: who hears that an expectation went red. Its owner, who has to act, and the owner's manager,
// who inspects what they expect and coaches the recovery: the nearest manager above the owner
// (their team's, or further up when the owner manages that team themself). Nobody else: whoever
// set the expectation (often an admin setting them for everyone) reads the off-track list instead.
// Decision 0012.

export interface OrgShape {
  users: readonly { id: string; teamId: string | null }[];
  teams: readonly { id: string; parentId: string | null; managerId: string | null }[];
}

/** The nearest manager above a person in the team tree, or null at the top. */
export function managerAbove(org: OrgShape, userId: string): string | null {
  const byId = new Map(org.teams.map((t) => [t.id, t]));
  let teamId = org.users.find((u) => u.id === userId)?.teamId ?? null;
  const seen = new Set<string>();
  while (teamId !== null && !seen.has(teamId)) {
    seen.add(teamId);
    const team = byId.get(teamId);
    if (!team) return null;
    if (team.managerId !== null && team.managerId !== userId) return team.managerId;
    teamId = team.parentId;
  }
  return null;
}

export function redAlertRecipients(org: OrgShape, ownerId: string): string[] {
  const manager = managerAbove(org, ownerId);
  return manager === null ? [ownerId] : [ownerId, manager];
}
