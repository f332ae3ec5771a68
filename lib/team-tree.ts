// Pure rules over the team hierarchy. Teams nest; a manager sees every team below the ones they manage.

export interface TeamNode {
  id: string;
  parentId: string | null;
  managerId: string | null;
}

/** Ids of the given teams and every team below them. */
export function subtreeIds(teams: readonly TeamNode[], roots: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const t of teams) {
    if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  }
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}

/** Teams a user manages directly. */
export function managedTeamIds(teams: readonly TeamNode[], userId: string): string[] {
  return teams.filter((t) => t.managerId === userId).map((t) => t.id);
}

/** Would making `parentId` the parent of `teamId` create a cycle? */
export function wouldCycle(teams: readonly TeamNode[], teamId: string, parentId: string | null): boolean {
  if (parentId === null) return false;
  if (parentId === teamId) return true;
  return subtreeIds(teams, [teamId]).has(parentId);
}

/** The chain of managers above a team, nearest first (for escalation and roll-ups). */
export function ancestorIds(teams: readonly TeamNode[], teamId: string): string[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const out: string[] = [];
  let current = byId.get(teamId)?.parentId ?? null;
  while (current && !out.includes(current)) {
    out.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return out;
}
