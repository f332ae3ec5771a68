// Who works in the demo organisation: the fixed demo org, or a scaled one for the bench generator.
import type { Role } from '../../db/schema/identity.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import { DEMO_SEGMENTS, REP_ARCHETYPES, type RepProfile, SEGMENTS, type Segment, type SegmentProfile } from './profiles.js';
import type { IdFactory, Rng } from './random.js';

export interface PlannedTeam {
  id: string;
  name: string;
  parentId: string | null;
  managerId: string | null;
}

export interface PlannedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
}

export interface RepSeat {
  id: string;
  name: string;
  teamId: string;
  /** The manager of the rep's team: the actor of pipeline clean-ups and reassignments. */
  managerId: string;
  segment: SegmentProfile;
  profile: RepProfile;
}

export interface OrgPlan {
  teams: PlannedTeam[];
  /** Everyone but the admin, who exists already (createWorkspace makes the first admin). */
  users: PlannedUser[];
  reps: RepSeat[];
  logins: string[];
}

const DEMO_TEAMS = [
  { name: 'Field Sales', manager: 'Alex Brandt' },
  { name: 'Enterprise', manager: 'Samira Okafor' },
  { name: 'Mid-Market', manager: 'Jonas Weiss' },
] as const;

// biome-ignore format: five per team reads better
const DEMO_REPS = [
  'Lena Fischer', 'Tom Becker', 'Ines Moreau', 'Mark Jansen', 'Sofia Rossi',
  'David Kowalski', 'Emma Lindqvist', 'Lukas Hofmann', 'Nora Svensson', 'Felix Wagner',
  'Clara Novak', 'Ben Schulz', 'Aylin Demir', 'Oscar Berg', 'Julia Costa',
] as const;

export const DEMO_DOMAIN = 'demo.furrow.test';
export const DEMO_ADMIN = { email: `cso@${DEMO_DOMAIN}`, name: 'Morgan Chief' } as const;

const login = (label: string, email: string) => `${label.padEnd(26)}${email}`;

/** Field Sales (manager1, five reps) with Enterprise and Mid-Market (five reps each) below it. */
export function planDemoOrg(ids: IdFactory): OrgPlan {
  const teams: PlannedTeam[] = [];
  const users: PlannedUser[] = [];
  const reps: RepSeat[] = [];
  const logins = [login('admin (CSO)', DEMO_ADMIN.email)];
  DEMO_TEAMS.forEach((t, i) => {
    const managerId = ids.next();
    const team: PlannedTeam = { id: ids.next(), name: t.name, parentId: teams[0]?.id ?? null, managerId };
    teams.push(team);
    const email = `manager${i + 1}@${DEMO_DOMAIN}`;
    users.push({ id: managerId, email, name: t.manager, role: 'manager', teamId: team.id });
    logins.push(login(`manager (${t.name})`, email));
  });
  DEMO_REPS.forEach((name, i) => {
    const team = teams[Math.floor(i / 5)] as PlannedTeam;
    const id = ids.next();
    users.push({ id, email: `rep${i + 1}@${DEMO_DOMAIN}`, name, role: 'rep', teamId: team.id });
    const segment = SEGMENTS[DEMO_SEGMENTS[Math.floor(i / 5)] as Segment];
    reps.push({ id, name, teamId: team.id, managerId: team.managerId as string, segment, profile: REP_ARCHETYPES[i] as RepProfile });
  });
  for (const [i, team] of teams.entries()) logins.push(login(`reps (${team.name})`, `rep${i * 5 + 1}…rep${i * 5 + 5}@${DEMO_DOMAIN}`));
  users.push({ id: ids.next(), email: `marketing@${DEMO_DOMAIN}`, name: 'Priya Raman', role: 'marketing', teamId: null });
  logins.push(login('marketing', `marketing@${DEMO_DOMAIN}`));
  return { teams, users, reps, logins };
}

const REGIONS = ['DACH', 'Benelux', 'Nordics', 'UK & Ireland', 'France', 'Iberia', 'Italy', 'CEE', 'North', 'South', 'East', 'West'];
const TEAM_SIZE = 5;
const TEAMS_PER_REGION = 8;

/**
 * A large organisation for the bench generator: a root team, regions below it, teams of five reps
 * below the regions; every team has a manager. Reps cycle through the demo archetypes.
 */
export function planScaleOrg(ids: IdFactory, rng: Rng, repCount: number, domain: string): OrgPlan {
  const teams: PlannedTeam[] = [];
  const users: PlannedUser[] = [];
  const reps: RepSeat[] = [];
  let managers = 0;
  const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const addManager = (teamName: string, parentId: string | null): PlannedTeam => {
    const managerId = ids.next();
    const team: PlannedTeam = { id: ids.next(), name: teamName, parentId, managerId };
    teams.push(team);
    users.push({ id: managerId, email: `manager${++managers}@${domain}`, name: person(), role: 'manager', teamId: team.id });
    return team;
  };
  const root = addManager('Sales', null);
  const teamCount = Math.ceil(repCount / TEAM_SIZE);
  const regionCount = Math.ceil(teamCount / TEAMS_PER_REGION);
  const regions = Array.from({ length: regionCount }, (_, r) => (regionCount === 1 ? root : addManager(REGIONS[r] ?? `Region ${r + 1}`, root.id)));
  for (let t = 0; t < teamCount; t++) {
    const region = regions[Math.floor(t / TEAMS_PER_REGION)] as PlannedTeam;
    const segmentKey = DEMO_SEGMENTS[t % DEMO_SEGMENTS.length] as Segment;
    const team = addManager(`${region.name === 'Sales' ? 'Team' : region.name} ${t + 1}`, region.id);
    for (let k = 0; k < TEAM_SIZE && reps.length < repCount; k++) {
      const n = reps.length + 1;
      const id = ids.next();
      const name = person();
      users.push({ id, email: `rep${n}@${domain}`, name, role: 'rep', teamId: team.id });
      const profile = REP_ARCHETYPES[(t * TEAM_SIZE + k) % REP_ARCHETYPES.length] as RepProfile;
      reps.push({ id, name, teamId: team.id, managerId: team.managerId as string, segment: SEGMENTS[segmentKey], profile });
    }
  }
  users.push({ id: ids.next(), email: `marketing@${domain}`, name: person(), role: 'marketing', teamId: null });
  const logins = [
    login('admin (CSO)', `cso@${domain}`),
    login('manager (Sales)', `manager1@${domain}`),
    login('reps', `rep1…rep${repCount}@${domain}`),
    login('marketing', `marketing@${domain}`),
  ];
  return { teams, users, reps, logins };
}
