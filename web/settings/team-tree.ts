import type { Team } from '../../api/identity';
import { subtreeIds } from '../../lib/team-tree';

export interface TeamRow {
  team: Team;
  depth: number;
}

/** Teams in tree order (parents before children), each with its depth for indentation. */
export function teamRows(teams: Team[]): TeamRow[] {
  const children = new Map<string | null, Team[]>();
  const ids = new Set(teams.map((t) => t.id));
  for (const t of teams) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: TeamRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const t of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ team: t, depth });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A team cannot move below itself or its own descendants. */
export const descendantsOf = (teams: Team[], id: string): Set<string> => subtreeIds(teams, [id]);
