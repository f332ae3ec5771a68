// Which team a lead goes to and which rep is next in that team's round robin. Pure.
import type { RoutingRule } from '../../api/lead-settings.js';

export interface RoutingFacts {
  segment: string | null;
  country: string | null;
  companySize: number | null;
}

const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

export function ruleMatches(rule: RoutingRule, lead: RoutingFacts): boolean {
  if (rule.segment !== undefined && !same(lead.segment, rule.segment)) return false;
  if (rule.country !== undefined && !same(lead.country, rule.country)) return false;
  if (rule.minSize !== undefined && (lead.companySize === null || lead.companySize < rule.minSize)) return false;
  if (rule.maxSize !== undefined && (lead.companySize === null || lead.companySize > rule.maxSize)) return false;
  return true;
}

/**
 * First matching rule (territory, segment, size): its team and the rep it names, if any; no rule
 * matching: the default team and nobody named.
 */
export function routeTarget(
  rules: readonly RoutingRule[],
  defaultTeamId: string | null,
  lead: RoutingFacts,
): { teamId: string | null; ownerId: string | null } {
  const rule = rules.find((r) => ruleMatches(r, lead));
  return rule ? { teamId: rule.teamId, ownerId: rule.ownerId ?? null } : { teamId: defaultTeamId, ownerId: null };
}

/** The rep a rule names gets the lead while they are available (active, in the team, not away); else nobody. */
export function namedRep(ownerId: string | null, availableIds: readonly string[]): string | null {
  return ownerId !== null && availableIds.includes(ownerId) ? ownerId : null;
}

/**
 * The rep after `last` in a stable order of the team's available reps (inactive and away ones are
 * not candidates), wrapping around; the first when `last` is unknown or gone.
 */
export function nextRep(candidateIds: readonly string[], last: string | null): string | null {
  if (candidateIds.length === 0) return null;
  const sorted = [...candidateIds].sort();
  if (last === null) return sorted[0] ?? null;
  return sorted.find((id) => id > last) ?? sorted[0] ?? null;
}

/**
 * Who takes over a lead whose owner missed its SLA (decision 0103): the team's round robin goes on
 * from its pointer, the current owner left out; null when nobody else is available.
 */
export function nextRepInstead(candidateIds: readonly string[], last: string | null, currentOwnerId: string): string | null {
  return nextRep(
    candidateIds.filter((id) => id !== currentOwnerId),
    last,
  );
}
