// A sheet of people (name, email, role, team, parent team, manager) read into the teams, users and
// team managers it implies. Pure: the service compares the plan with the workspace and writes it.
//
// How a row says who runs a team: a team's manager is the "manager" named by its members who are
// not managers themselves; failing that, the one manager (or admin) listed in the team. A manager's
// own "manager" column names who runs the parent team. Two rows that disagree are both named.

export interface PeopleRow {
  line: number;
  name: string;
  email: string;
  role: string;
  team: string;
  parentTeam: string;
  manager: string;
}

export interface PlannedTeam {
  /** As first written in the file; compared without case. */
  name: string;
  parent: string | null;
  /** Email of who runs the team, when the sheet says. */
  manager: string | null;
}

export interface PlannedUser {
  line: number;
  email: string;
  name: string;
  role: string;
  team: string | null;
}

export interface PlanProblem {
  line: number;
  field?: string;
  message: string;
}

export interface PeoplePlan {
  teams: PlannedTeam[];
  users: PlannedUser[];
  problems: PlanProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MANAGING: readonly string[] = ['manager', 'admin'];
const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** One value per key; a second different value is a problem naming both lines. */
class Claims {
  private readonly seen = new Map<string, { value: string; line: number }>();
  constructor(
    private readonly field: string,
    private readonly what: (k: string) => string,
  ) {}
  claim(k: string, value: string, line: number, problems: PlanProblem[]): void {
    const before = this.seen.get(k);
    if (!before) this.seen.set(k, { value, line });
    else if (key(before.value) !== key(value))
      problems.push({ line, field: this.field, message: `${this.what(k)}: "${value}" here, "${before.value}" on line ${before.line}` });
  }
  get(k: string): string | undefined {
    return this.seen.get(k)?.value;
  }
}

/**
 * roles: the roles a row may name. knownManagers: emails of existing users who may run a team
 * (managers and admins), so a sheet of reps may name a manager who is already in Furrow.
 */
export function planPeople(rows: readonly PeopleRow[], roles: readonly string[], knownManagers: ReadonlySet<string>): PeoplePlan {
  const problems: PlanProblem[] = [];
  const users: PlannedUser[] = [];
  const byEmail = new Map<string, PlannedUser>();
  const teamNames = new Map<string, string>();
  const parents = new Claims('parent team', (k) => `team ${teamNames.get(k)} has two parent teams`);
  const memberManagers = new Claims('manager', (k) => `team ${teamNames.get(k)} is run by two people`);
  const parentManagers = new Claims('manager', (k) => `team ${teamNames.get(k)} is run by two people`);
  const managersIn = new Map<string, PlannedUser[]>();

  const nameTeam = (raw: string): string | null => {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (!name) return null;
    if (!teamNames.has(key(name))) teamNames.set(key(name), name);
    return key(name);
  };

  for (const row of rows) {
    const email = row.email.trim().toLowerCase();
    const role = row.role.trim().toLowerCase();
    const manager = row.manager.trim().toLowerCase();
    const before = problems.length;
    if (!EMAIL.test(email)) problems.push({ line: row.line, field: 'email', message: email ? `"${row.email}" is not an email address` : 'is required' });
    else if (byEmail.has(email)) problems.push({ line: row.line, field: 'email', message: `${email} is also on line ${byEmail.get(email)?.line}` });
    if (!row.name.trim()) problems.push({ line: row.line, field: 'name', message: 'is required' });
    if (!roles.includes(role)) problems.push({ line: row.line, field: 'role', message: `must be one of ${roles.join(', ')} (got "${row.role}")` });
    if (manager && !EMAIL.test(manager)) problems.push({ line: row.line, field: 'manager', message: `"${row.manager}" is not an email address` });
    const team = nameTeam(row.team);
    const parent = nameTeam(row.parentTeam);
    if (parent && !team) problems.push({ line: row.line, field: 'parent team', message: 'needs a team' });
    if (team && parent) {
      if (team === parent) problems.push({ line: row.line, field: 'parent team', message: 'a team cannot be its own parent' });
      else parents.claim(team, teamNames.get(parent) as string, row.line, problems);
    }
    if (problems.length > before) continue;

    const user: PlannedUser = { line: row.line, email, name: row.name.trim(), role, team: team ? (teamNames.get(team) as string) : null };
    users.push(user);
    byEmail.set(email, user);
    if (!team || !manager) {
      if (team && MANAGING.includes(role)) managersIn.set(team, [...(managersIn.get(team) ?? []), user]);
      continue;
    }
    if (MANAGING.includes(role)) {
      managersIn.set(team, [...(managersIn.get(team) ?? []), user]);
      const parentKey = parents.get(team);
      if (parentKey) parentManagers.claim(key(parentKey), manager, row.line, problems);
    } else {
      memberManagers.claim(team, manager, row.line, problems);
    }
  }

  // A manager named by the sheet must be someone who may run a team.
  const mayManage = (email: string) => {
    const listed = byEmail.get(email);
    return listed ? MANAGING.includes(listed.role) : knownManagers.has(email);
  };
  const teams: PlannedTeam[] = [];
  for (const [k, name] of teamNames) {
    let manager = memberManagers.get(k) ?? parentManagers.get(k) ?? null;
    if (!manager) {
      const listed = managersIn.get(k) ?? [];
      if (listed.length === 1) manager = (listed[0] as PlannedUser).email;
    }
    if (manager && !mayManage(manager)) {
      const line = rows.find((r) => r.manager.trim().toLowerCase() === manager)?.line ?? 0;
      problems.push({ line, field: 'manager', message: `${manager} cannot run team ${name}: not a manager or admin in the file or in Furrow` });
      manager = null;
    }
    const parent = parents.get(k);
    teams.push({ name, parent: parent ? (teamNames.get(key(parent)) as string) : null, manager });
  }

  // Parent links must form a tree.
  const parentOf = new Map(teams.map((t) => [key(t.name), t.parent ? key(t.parent) : null]));
  for (const t of teams) {
    const seen = new Set<string>();
    for (let at: string | null = key(t.name); at; at = parentOf.get(at) ?? null) {
      if (seen.has(at)) {
        const line = rows.find((r) => key(r.team) === key(t.name) && r.parentTeam.trim())?.line ?? 0;
        problems.push({ line, field: 'parent team', message: `teams ${[...seen].map((s) => teamNames.get(s)).join(' → ')} form a loop` });
        break;
      }
      seen.add(at);
    }
  }
  return { teams: parentsFirst(teams), users, problems };
}

/** Teams ordered so each parent comes before its children (creation order). */
function parentsFirst(teams: PlannedTeam[]): PlannedTeam[] {
  const byKey = new Map(teams.map((t) => [key(t.name), t]));
  const out: PlannedTeam[] = [];
  const placed = new Set<string>();
  const place = (t: PlannedTeam, depth: number) => {
    if (placed.has(key(t.name)) || depth > teams.length) return;
    const parent = t.parent ? byKey.get(key(t.parent)) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(key(t.name));
    out.push(t);
  };
  for (const t of teams) place(t, 0);
  return out;
}

export const teamKey = key;
