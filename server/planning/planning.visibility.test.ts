// Generated visibility cases for planning and practice: role × relation (own / team / other /
// other workspace) × operation on call plans and on practice attempts (and their recordings), the
// expected answer of each from the policy table (identity/policy.ts).
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { type Operation, reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

type Relation = 'own' | 'team' | 'other' | 'otherWorkspace';
type Op = 'list' | 'read' | 'update';
const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
const RELATIONS: Relation[] = ['own', 'team', 'other', 'otherWorkspace'];
const OPS: Op[] = ['list', 'read', 'update'];
const policyOp = (op: Op): Operation => (op === 'update' ? 'update' : 'read');

function expectedAllowed(role: Role, relation: Relation, op: Op, resource: 'call_plans' | 'practice' = 'call_plans'): boolean {
  if (relation === 'otherWorkspace') return false;
  const reach = reachOf(role, resource, policyOp(op));
  return reach === 'all' || (reach === 'team' && relation !== 'other') || (reach === 'own' && relation === 'own');
}

async function planFor(w: TestWorkspace, owner: TestUser): Promise<string> {
  const admin = w.as(w.admin);
  const { body: deal } = await admin.post('/api/v1/deals', { name: 'Planned deal', amount: 1000, closeDate: '2027-01-31', ownerId: owner.id });
  const { body: act } = await admin.post('/api/v1/activities', {
    type: 'meeting',
    subject: 'Demo',
    occurredAt: '2026-12-02T10:00:00.000Z',
    dealId: deal.id,
    ownerId: owner.id,
  });
  const res = await admin.post('/api/v1/call-plans', { activityId: act.id, meetingType: 'demo' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describeEngines('planning visibility matrix', (env) => {
  let w: TestWorkspace;
  let actors: Record<Role, TestUser>;
  const plans: Record<string, Record<Relation, string>> = {};
  const attempts: Record<string, Record<Relation, string>> = {};

  beforeAll(async () => {
    w = await env().workspace();
    const other = await env().workspace();
    const manager = await w.user('manager');
    const outsideManager = await w.user('manager');
    const parent = await w.team('Field', { managerId: manager.id });
    const child = await w.team('Field East', { parentId: parent });
    const elsewhere = await w.team('Partners', { managerId: outsideManager.id });
    const rep = await w.user('rep', { teamId: parent });
    const nested = await w.user('rep', { teamId: child });
    const teammate = await w.user('rep', { teamId: parent });
    const outsider = await w.user('rep', { teamId: elsewhere });
    const marketing = await w.user('marketing');
    const coach = await w.user('coach');
    const foreign = await other.user('rep');
    actors = { admin: w.admin, manager, rep, marketing, coach };
    const owners: Record<Role, Record<Exclude<Relation, 'otherWorkspace'>, TestUser>> = {
      admin: { own: w.admin, team: nested, other: outsider },
      manager: { own: manager, team: nested, other: outsider },
      rep: { own: rep, team: teammate, other: outsider },
      marketing: { own: marketing, team: nested, other: outsider },
      coach: { own: coach, team: nested, other: outsider },
    };
    const foreignPlan = await planFor(other, foreign);
    const scenarioIn = async (ws: TestWorkspace) =>
      (
        await ws
          .as(ws.admin)
          .post('/api/v1/practice-scenarios', { name: 'S', persona: 'P', situation: 'S', objectives: ['O'], skills: ['discovery'], difficulty: 'basic' })
      ).body.id as string;
    const scenario = await scenarioIn(w);
    // An attempt is started by the rep practising, as a recorded pitch with no named reviewer.
    const attemptOf = async (ws: TestWorkspace, owner: TestUser, scenarioId: string) => {
      const res = await ws.as(owner).post('/api/v1/practice-attempts', { scenarioId, kind: 'recording' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const foreignAttempt = await attemptOf(other, foreign, await scenarioIn(other));
    for (const role of ROLES) {
      const o = owners[role];
      // Marketing and outside coaches own no meetings (their roles cannot own activities on deals);
      // their "own" case uses a rep's plan, which they must not see either.
      plans[role] = {
        own: await planFor(w, role === 'marketing' || role === 'coach' ? outsider : o.own),
        team: await planFor(w, o.team),
        other: await planFor(w, o.other),
        otherWorkspace: foreignPlan,
      };
      attempts[role] = {
        own: await attemptOf(w, role === 'marketing' || role === 'coach' ? outsider : o.own, scenario),
        team: await attemptOf(w, o.team, scenario),
        other: await attemptOf(w, o.other, scenario),
        otherWorkspace: foreignAttempt,
      };
    }
  });

  it('answers every generated case for practice attempts and recordings as the policy says', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        const id = attempts[role]?.[relation] as string;
        const api = w.as(actors[role]);
        const allowed = expectedAllowed(role, relation, 'read', 'practice');
        const hasReach = reachOf(role, 'practice', 'read') !== 'none';
        const list = await api.get('/api/v1/practice-attempts?limit=200');
        if (!hasReach && list.status !== 403) failures.push(`${role} list ${relation}: expected 403, got ${list.status}`);
        if (hasReach && list.body.items.some((a: { id: string }) => a.id === id) !== allowed) failures.push(`${role} list ${relation}: expected ${allowed}`);
        for (const url of [`/api/v1/practice-attempts/${id}`, `/api/v1/practice-attempts/${id}/recording`]) {
          const res = await api.get(url);
          // No recording was uploaded, so a visible attempt's recording is a 404 as well: only an
          // invisible one must never answer anything else.
          if (!url.endsWith('recording') && (res.status === 200) !== allowed)
            failures.push(`${role} read ${relation}: expected ${allowed ? 'allowed' : 'refused'}, got ${res.status}`);
          if (!allowed && res.status !== 404)
            failures.push(`${role} ${url.endsWith('recording') ? 'recording' : 'read'} ${relation}: expected 404, got ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every generated case as the policy says; an invisible plan is a 404, a role without reach a 403', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        for (const op of OPS) {
          const id = plans[role]?.[relation] as string;
          const api = w.as(actors[role]);
          const allowed = expectedAllowed(role, relation, op);
          const hasReach = reachOf(role, 'call_plans', policyOp(op)) !== 'none';
          const label = `${role} ${op} ${relation}`;
          let observed = false;
          if (op === 'list') {
            const res = await api.get('/api/v1/call-plans?limit=200');
            if (!hasReach) {
              if (res.status !== 403) failures.push(`${label}: expected 403, got ${res.status}`);
              continue;
            }
            observed = res.status === 200 && res.body.items.some((p: { id: string }) => p.id === id);
          } else if (op === 'read') {
            const res = await api.get(`/api/v1/call-plans/${id}`);
            if (!allowed && hasReach && res.status !== 404) failures.push(`${label}: expected 404, got ${res.status}`);
            observed = res.status === 200;
          } else {
            const current = await (relation === 'otherWorkspace' ? null : w.as(w.admin).get(`/api/v1/call-plans/${id}`));
            const version = current?.body.version ?? 1;
            const res = await api.patch(`/api/v1/call-plans/${id}`, { version, objective: `Objective ${version}` });
            if (![200, 403, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status}`);
            if (!allowed && reachOf(role, 'call_plans', 'read') !== 'none' && !expectedAllowed(role, relation, 'read') && res.status !== 404) {
              failures.push(`${label}: expected 404 for an invisible plan, got ${res.status}`);
            }
            observed = res.status === 200;
          }
          if (observed !== allowed) failures.push(`${label}: expected ${allowed ? 'allowed' : 'refused'}, was ${observed ? 'allowed' : 'refused'}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
