// Generated visibility cases for harvest overrides: role × relation of the team (the caller's own
// team — managed for a manager, member of for a rep —, another team, a team of another workspace)
// × operation (list, read, update). The expected answer comes from identity/policy.ts, so the
// table and the service cannot drift apart.
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { type Operation, reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

type Relation = 'own' | 'other' | 'otherWorkspace';
const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
const RELATIONS: Relation[] = ['own', 'other', 'otherWorkspace'];
const OPS = ['list', 'read', 'update'] as const;

function allowed(role: Role, op: Operation, relation: Relation): boolean {
  const reach = reachOf(role, 'harvest_overrides', op);
  if (relation === 'otherWorkspace' || reach === 'none') return false;
  if (reach === 'all') return true;
  // "team": the teams the caller manages; a rep manages none.
  return reach === 'team' && relation === 'own' && role === 'manager';
}

describeEngines('harvest overrides visibility matrix', (env) => {
  let w: TestWorkspace;
  let actors: Record<Role, TestUser>;
  let teams: Record<Role, Record<Relation, string>>;

  beforeAll(async () => {
    w = await env().workspace();
    const other = await env().workspace();
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const outsideManager = await w.user('manager', { name: 'Otto Outside' });
    const mine = await w.team('Field', { managerId: manager.id });
    const below = await w.team('Field East', { parentId: mine });
    const elsewhere = await w.team('Partners', { managerId: outsideManager.id });
    const rep = await w.user('rep', { teamId: mine, name: 'Rita Rep' });
    const foreignTeam = await other.team('Foreign');
    actors = { admin: w.admin, manager, rep, marketing: await w.user('marketing'), coach: await w.user('coach') };
    const admin = w.as(w.admin);
    for (const team of [mine, below, elsewhere]) expect((await admin.put(`/api/v1/harvest-overrides/${team}`, { winRate: 0.3 })).status).toBe(200);
    expect((await other.as(other.admin).put(`/api/v1/harvest-overrides/${foreignTeam}`, { winRate: 0.3 })).status).toBe(200);
    const base = { other: elsewhere, otherWorkspace: foreignTeam };
    teams = {
      admin: { own: mine, ...base },
      // A manager's own reach includes the subtree below the team they manage.
      manager: { own: below, ...base },
      rep: { own: mine, ...base },
      marketing: { own: mine, ...base },
      coach: { own: mine, ...base },
    };
  });

  const cases = ROLES.flatMap((role) => RELATIONS.flatMap((relation) => OPS.map((op) => ({ role, relation, op }))));

  it(`answers every one of the ${cases.length} generated cases as the policy says`, async () => {
    const failures: string[] = [];
    const versions = new Map<string, number>();
    for (const { role, relation, op } of cases) {
      const api = w.as(actors[role]);
      const teamId = teams[role][relation];
      const policyOp: Operation = op === 'update' ? 'update' : 'read';
      const expected = allowed(role, policyOp, relation);
      const noReach = reachOf(role, 'harvest_overrides', policyOp) === 'none';
      const label = `${role} ${op} ${relation}`;
      if (op === 'list') {
        const res = await api.get('/api/v1/harvest-overrides');
        if (noReach) {
          if (res.status !== 403) failures.push(`${label}: expected 403, got ${res.status}`);
          continue;
        }
        const seen = res.status === 200 && res.body.items.some((o: { teamId: string }) => o.teamId === teamId);
        if (seen !== expected) failures.push(`${label}: expected ${expected ? 'listed' : 'not listed'}`);
        continue;
      }
      let res: { status: number };
      if (op === 'read') res = await api.get(`/api/v1/harvest-overrides/${teamId}`);
      else {
        const version = versions.get(teamId) ?? 1;
        const put = await api.put(`/api/v1/harvest-overrides/${teamId}`, { version, cycleDays: 40 + version });
        if (put.status === 200) versions.set(teamId, put.body.version);
        res = put;
      }
      const want = expected ? 200 : noReach ? 403 : 404;
      if (res.status !== want) failures.push(`${label}: expected ${want}, got ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
