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
import { ownerScope, scopeIncludes } from '../identity/visibility.js';
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
        // Only the headline variant has the key (DisciplineHeadline | DisciplineIndex).
        const headline = 'headline' in res.body && res.body.headline === true;
        if (headline !== (mode === 'headline')) failures.push(`${label}: answered ${headline ? 'the headline' : 'the full index'}`);
      } else if (want === 404) {
        // Exactly the answer of a person who does not exist: no oracle for ids of other teams or workspaces.
        const missing = await w
          .as(actors[role])
          .get(`/api/v1/discipline-index?by=week&userId=01890000-0000-7000-8000-000000000000${mode === 'headline' ? '&headline=true' : ''}`);
        if (missing.status !== 404 || missing.body.error!.message !== res.body.error!.message)
          failures.push(`${label}: differs from a missing person's answer`);
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

  it('accepts by userId exactly the people whose deals the manager sees, and lists no one else in a team, sub-team managers included', async () => {
    // A manager of a team with sub-teams whose managers sit outside the tree (unseated, or in a
    // team elsewhere): the team tree calls them the sub-teams' managers, the deals reach
    // (identity/visibility.ts, owners of the subtree's teams) does not include them.
    const x = await env().workspace();
    const head = await x.user('manager', { name: 'Hana Head' });
    const unseated = await x.user('manager', { name: 'Uma Unseated' });
    const seatedElsewhere = await x.user('manager', { name: 'Eli Elsewhere' });
    const field = await x.team('Field', { managerId: head.id });
    const east = await x.team('Field East', { parentId: field, managerId: unseated.id });
    const west = await x.team('Field West', { parentId: field, managerId: seatedElsewhere.id });
    const partners = await x.team('Partners');
    await env().database.db.updateTable('users').set({ team_id: partners }).where('id', '=', seatedElsewhere.id).execute();
    const inField = await x.user('rep', { teamId: field, name: 'Fay Field' });
    const inEast = await x.user('rep', { teamId: east, name: 'Eve East' });
    const inWest = await x.user('rep', { teamId: west, name: 'Wes West' });
    const inPartners = await x.user('rep', { teamId: partners, name: 'Pat Partner' });
    const everyone = [x.admin, head, unseated, seatedElsewhere, inField, inEast, inWest, inPartners];

    const deals = await ownerScope(x.ctx(head), 'deals', 'read');
    const failures: string[] = [];
    for (const person of everyone) {
      const res = await x.as(head).get(`/api/v1/discipline-index?by=week&headline=true&userId=${person.id}`);
      const want = scopeIncludes(deals, person.id) ? 200 : 404;
      if (res.status !== want) failures.push(`userId ${person.name}: expected ${want} (deals reach), got ${res.status}`);
    }
    // Every person a team's index lists can be asked for by userId, and is in the deals reach.
    for (const teamId of [field, east, west]) {
      const res = await x.as(head).get(`/api/v1/discipline-index?by=week&headline=true&teamId=${teamId}`);
      expect(res.status).toBe(200);
      for (const s of res.body.scopes.filter((s: { kind: string }) => s.kind === 'rep') as { id: string; name: string }[])
        if (!scopeIncludes(deals, s.id)) failures.push(`team ${teamId.slice(-6)} lists ${s.name}, outside the deals reach`);
    }
    expect(failures).toEqual([]);
    // The check can tell: the subtree's own people are in, the unseated sub-team manager is not.
    expect([inField, inEast, inWest].every((p) => scopeIncludes(deals, p.id))).toBe(true);
    expect(scopeIncludes(deals, unseated.id)).toBe(false);
  });

  it('refuses userId together with teamId with a 400 naming userId, for every role, in the one error shape', async () => {
    for (const role of ROLES) {
      for (const mode of MODES) {
        const res = await w
          .as(actors[role])
          .get(`/api/v1/discipline-index?userId=${people[role].own.id}&teamId=${teams[role].own}${mode === 'headline' ? '&headline=true' : ''}`);
        expect(res.status, `${role} ${mode}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'invalid_input', details: { fields: [{ field: 'userId' }] } });
        expect(typeof res.body.error?.requestId).toBe('string');
      }
    }
    // A malformed one names its field too (never a 500).
    for (const [query, field] of [
      [`userId=${'x'.repeat(65)}`, 'userId'],
      ['headline=maybe', 'headline'],
    ] as const) {
      const res = await w.as(w.admin).get(`/api/v1/discipline-index?${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body.error?.details?.fields ?? []), query).toContain(field);
    }
  });
});
