// Generated visibility cases for the discipline index: role × relation of the person asked (the
// caller themself, someone of the teams they manage — a rep's teammate —, someone elsewhere in the
// workspace, someone of another workspace) and of the team asked (managed by the caller — a rep's
// own —, another team, another workspace's), each as the full index and as its headline. The
// expected answer comes from the `discipline_index` row of identity/policy.ts, so the table and the
// service cannot drift apart: a person or team outside the reach answers 404 like a missing one,
// a role without reach 403.
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

type Relation = 'own' | 'team' | 'other' | 'otherWorkspace';
const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
const RELATIONS: Relation[] = ['own', 'team', 'other', 'otherWorkspace'];
const TEAM_RELATIONS = ['own', 'other', 'otherWorkspace'] as const;
const MODES = ['index', 'headline'] as const;

/** A person of this relation: the reach of the caller's role says whether they may be asked for. */
function personAllowed(role: Role, relation: Relation): boolean {
  const reach = reachOf(role, 'discipline_index', 'read');
  if (relation === 'otherWorkspace' || reach === 'none') return false;
  if (reach === 'all') return true;
  if (reach === 'team') return relation === 'own' || relation === 'team';
  return reach === 'own' && relation === 'own';
}

/** The expected status for a team: a team is a group of people, so a reach of one's own figures asks for none. */
function teamStatus(role: Role, relation: (typeof TEAM_RELATIONS)[number]): number {
  const reach = reachOf(role, 'discipline_index', 'read');
  if (reach === 'none' || reach === 'own') return 403;
  if (relation === 'otherWorkspace') return 404;
  if (reach === 'all') return 200;
  return relation === 'own' ? 200 : 404;
}

describeEngines('discipline index visibility matrix', (env) => {
  let w: TestWorkspace;
  let actors: Record<Role, TestUser>;
  let people: Record<Role, Record<Relation, TestUser>>;
  let teams: Record<Role, Record<(typeof TEAM_RELATIONS)[number], string>>;

  beforeAll(async () => {
    w = await env().workspace();
    const other = await env().workspace();
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const outsideManager = await w.user('manager', { name: 'Otto Outside' });
    const field = await w.team('Field', { managerId: manager.id });
    const east = await w.team('Field East', { parentId: field });
    const elsewhere = await w.team('Partners', { managerId: outsideManager.id });
    const rep = await w.user('rep', { teamId: field, name: 'Rita Rep' });
    const nested = await w.user('rep', { teamId: east, name: 'Nick Nested' });
    const teammate = await w.user('rep', { teamId: field, name: 'Tom Teammate' });
    const outsider = await w.user('rep', { teamId: elsewhere, name: 'Oscar Outsider' });
    const foreignTeam = await other.team('Foreign');
    const foreign = await other.user('rep', { teamId: foreignTeam, name: 'Fred Foreign' });
    actors = { admin: w.admin, manager, rep, marketing: await w.user('marketing'), coach: await w.user('coach') };
    // A rep's teammate is still "team": a rep's reach is their own figures only.
    people = {
      admin: { own: w.admin, team: nested, other: outsider, otherWorkspace: foreign },
      manager: { own: manager, team: nested, other: outsider, otherWorkspace: foreign },
      rep: { own: rep, team: teammate, other: outsider, otherWorkspace: foreign },
      marketing: { own: actors.marketing, team: nested, other: outsider, otherWorkspace: foreign },
      coach: { own: actors.coach, team: nested, other: outsider, otherWorkspace: foreign },
    };
    // A manager's own reach includes the team below the one they manage.
    const base = { other: elsewhere, otherWorkspace: foreignTeam };
    teams = {
      admin: { own: field, ...base },
      manager: { own: east, ...base },
      rep: { own: field, ...base },
      marketing: { own: field, ...base },
      coach: { own: field, ...base },
    };
  });

  const personCases = ROLES.flatMap((role) => RELATIONS.flatMap((relation) => MODES.map((mode) => ({ role, relation, mode }))));

  it(`answers every one of the ${personCases.length} generated person cases (?userId=) as the policy says`, async () => {
    const failures: string[] = [];
    for (const { role, relation, mode } of personCases) {
      const person = people[role][relation];
      const res = await w.as(actors[role]).get(`/api/v1/discipline-index?by=week&userId=${person.id}${mode === 'headline' ? '&headline=true' : ''}`);
      const label = `${role} ${mode} ${relation} person`;
      const noReach = reachOf(role, 'discipline_index', 'read') === 'none';
      const want = personAllowed(role, relation) ? 200 : noReach ? 403 : 404;
      if (res.status !== want) {
        failures.push(`${label}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        continue;
      }
      if (want === 200) {
        // That one person, nobody else, in the shape asked.
        const scopes = res.body.scopes.map((s: { kind: string; id: string }) => [s.kind, s.id]);
        if (JSON.stringify(scopes) !== JSON.stringify([['rep', person.id]])) failures.push(`${label}: scopes ${JSON.stringify(scopes)}`);
        if ((res.body.headline === true) !== (mode === 'headline'))
          failures.push(`${label}: answered ${res.body.headline ? 'the headline' : 'the full index'}`);
      } else if (want === 404) {
        // Exactly the answer of a person who does not exist: no oracle for ids of other teams or workspaces.
        const missing = await w
          .as(actors[role])
          .get(`/api/v1/discipline-index?by=week&userId=01890000-0000-7000-8000-000000000000${mode === 'headline' ? '&headline=true' : ''}`);
        if (missing.status !== 404 || missing.body.error.message !== res.body.error.message) failures.push(`${label}: differs from a missing person's answer`);
      }
    }
    expect(failures).toEqual([]);
  });

  const teamCases = ROLES.flatMap((role) => TEAM_RELATIONS.flatMap((relation) => MODES.map((mode) => ({ role, relation, mode }))));

  it(`answers every one of the ${teamCases.length} generated team cases (?teamId=) as the policy says`, async () => {
    const failures: string[] = [];
    for (const { role, relation, mode } of teamCases) {
      const teamId = teams[role][relation];
      const res = await w.as(actors[role]).get(`/api/v1/discipline-index?by=week&teamId=${teamId}${mode === 'headline' ? '&headline=true' : ''}`);
      const want = teamStatus(role, relation);
      const label = `${role} ${mode} ${relation} team`;
      if (res.status !== want) failures.push(`${label}: expected ${want}, got ${res.status}`);
      else if (want === 200 && res.body.scopes[0]?.id !== teamId) failures.push(`${label}: first scope ${res.body.scopes[0]?.id}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses userId together with teamId with a 400 naming userId, for every role, in the one error shape', async () => {
    for (const role of ROLES) {
      for (const mode of MODES) {
        const res = await w
          .as(actors[role])
          .get(`/api/v1/discipline-index?userId=${people[role].own.id}&teamId=${teams[role].own}${mode === 'headline' ? '&headline=true' : ''}`);
        expect(res.status, `${role} ${mode}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'invalid_input', details: { fields: [{ field: 'userId' }] } });
        expect(typeof res.body.error.requestId).toBe('string');
      }
    }
    // A malformed one names its field too (never a 500).
    for (const [query, field] of [
      [`userId=${'x'.repeat(65)}`, 'userId'],
      ['headline=maybe', 'headline'],
    ] as const) {
      const res = await w.as(w.admin).get(`/api/v1/discipline-index?${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body.error.details?.fields ?? []), query).toContain(field);
    }
  });
});
