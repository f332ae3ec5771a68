// Generated visibility cases for coaching records: role × relation of the coachee to the caller
// (own / team / explicit coachee / other / other workspace) × operation (list, read, profile, tick an
// action item, action-item list, prepared agenda, focus suggestions, the list's batch of top focuses). Expected answers come from the policy table's coaching row, so
// the rule and the test cannot drift apart; private notes never reach anyone but the session's coach.
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { type Operation, reachOf } from './policy.js';

type Relation = 'own' | 'team' | 'coachee' | 'other' | 'otherWorkspace';
type Op = 'list' | 'read' | 'profile' | 'tick' | 'items' | 'agenda' | 'focus' | 'focusTop';

const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
const RELATIONS: Relation[] = ['own', 'team', 'coachee', 'other', 'otherWorkspace'];
const OPS: Op[] = ['list', 'read', 'profile', 'tick', 'items', 'agenda', 'focus', 'focusTop'];

const policyOp = (op: Op): Operation => (op === 'tick' ? 'update' : 'read');

function expectedAllowed(role: Role, relation: Relation, op: Op): boolean {
  if (relation === 'otherWorkspace') return false;
  const reach = reachOf(role, 'coaching', policyOp(op));
  if (reach === 'all') return true;
  if (reach === 'team') return relation === 'own' || relation === 'team' || relation === 'coachee';
  if (reach === 'own') return relation === 'own';
  if (reach === 'coachees') return relation === 'coachee';
  return false;
}

interface Made {
  sessionId: string;
  itemId: string;
  coacheeId: string;
}

describeEngines('coaching visibility matrix', (env) => {
  let w: TestWorkspace;
  let actors: Record<Role, TestUser>;
  let records: Record<Role, Partial<Record<Relation, Made>>>;

  beforeAll(async () => {
    w = await env().workspace();
    const other = await env().workspace();
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const sessionCoach = await w.user('manager', { name: 'Sam Sessions' });
    const parent = await w.team('Field', { managerId: manager.id });
    const child = await w.team('Field East', { parentId: parent, managerId: null });
    const elsewhere = await w.team('Partners', { managerId: null });
    const rep = await w.user('rep', { teamId: parent, name: 'Rita Rep' });
    const nestedRep = await w.user('rep', { teamId: child, name: 'Nick Nested' });
    const outsider = await w.user('rep', { teamId: elsewhere, name: 'Oscar Outsider' });
    const farRep = await w.user('rep', { teamId: elsewhere, name: 'Fay Far' });
    const marketing = await w.user('marketing', { name: 'Maya Marketing' });
    const coach = await w.user('coach', { name: 'Cole Coach' });
    const foreign = await other.user('rep');
    const foreignCoach = await other.user('manager');
    actors = { admin: w.admin, manager, rep, marketing, coach };

    // Explicit relationships make farRep the coachee of the manager (outside their team) and of the coach.
    for (const c of [manager, coach]) {
      const r = await w.as(w.admin).post('/api/v1/coaching-relationships', { coachId: c.id, coacheeId: farRep.id, cadenceDays: 14 });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }

    const admin = w.as(w.admin);
    const make = async (coachee: TestUser, api = admin, coachId = sessionCoach.id, itemOwner = sessionCoach.id): Promise<Made> => {
      const res = await api.post('/api/v1/coaching-sessions', {
        coacheeId: coachee.id,
        coachId,
        scheduledAt: '2026-11-20T10:00:00.000Z',
        heldAt: '2026-11-20T10:30:00.000Z',
        sharedNotes: 'shared',
        actionItems: [{ ownerId: itemOwner, text: 'Follow up' }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { sessionId: res.body.id, itemId: res.body.actionItems[0]!.id, coacheeId: coachee.id };
    };
    const foreignMade = await make(foreign, other.as(other.admin), foreignCoach.id, foreignCoach.id);
    const owners: Record<Role, Partial<Record<Exclude<Relation, 'otherWorkspace'>, TestUser>>> = {
      admin: { own: w.admin, team: nestedRep, other: outsider },
      manager: { own: manager, team: nestedRep, coachee: farRep, other: outsider },
      rep: { own: rep, other: outsider },
      marketing: { team: nestedRep, other: outsider },
      coach: { team: nestedRep, coachee: farRep, other: outsider },
    };
    records = {} as typeof records;
    for (const role of ROLES) {
      records[role] = { otherWorkspace: foreignMade };
      for (const [relation, owner] of Object.entries(owners[role])) {
        records[role][relation as Relation] = await make(owner as TestUser);
      }
    }
  });

  it('answers every generated case as the policy says, and never shows private notes to others', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const role of ROLES) {
      const api = w.as(actors[role]);
      for (const relation of RELATIONS) {
        const made = records[role][relation];
        if (!made) continue;
        for (const op of OPS) {
          cases += 1;
          const allowed = expectedAllowed(role, relation, op);
          const hasReach = reachOf(role, 'coaching', policyOp(op)) !== 'none';
          const label = `${role} ${op} ${relation}`;
          let observed: boolean;
          if (op === 'list' || op === 'items') {
            const res = await api.get(op === 'list' ? '/api/v1/coaching-sessions?limit=200' : '/api/v1/action-items');
            if (!hasReach) {
              if (res.status !== 403) failures.push(`${label}: expected 403, got ${res.status}`);
              continue;
            }
            const wanted = op === 'list' ? made.sessionId : made.itemId;
            observed = res.status === 200 && res.body.items.some((i: { id: string }) => i.id === wanted);
          } else if (op === 'read') {
            const res = await api.get(`/api/v1/coaching-sessions/${made.sessionId}`);
            if (![200, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status}`);
            if (res.status === 200 && res.body.privateNotes !== null) failures.push(`${label}: private notes leaked`);
            observed = res.status === 200;
          } else if (op === 'agenda') {
            const res = await api.get(`/api/v1/coaching-agenda?coacheeId=${made.coacheeId}`);
            if (![200, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status} ${JSON.stringify(res.body)}`);
            if (res.status === 200 && res.body.lastSession?.privateNotes) failures.push(`${label}: private notes leaked in the agenda`);
            observed = res.status === 200;
          } else if (op === 'focus' || op === 'focusTop') {
            const res = await api.get(
              op === 'focus' ? `/api/v1/coaching-focus?coacheeId=${made.coacheeId}` : `/api/v1/coaching-focus/top?coacheeIds=${made.coacheeId}`,
            );
            if (![200, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status} ${JSON.stringify(res.body)}`);
            observed = res.status === 200;
          } else if (op === 'profile') {
            const res = await api.get(`/api/v1/skill-profiles/${made.coacheeId}`);
            if (![200, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status}`);
            observed = res.status === 200;
          } else {
            const current = await (relation === 'otherWorkspace' ? null : w.as(w.admin).get('/api/v1/action-items'));
            const version = current?.body.items.find((i: { id: string }) => i.id === made.itemId)?.version ?? 1;
            const res = await api.patch(`/api/v1/action-items/${made.itemId}`, { version, completed: version % 2 === 1 });
            if (![200, 403, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status} ${JSON.stringify(res.body)}`);
            if (!expectedAllowed(role, relation, 'read') && res.status !== 404) failures.push(`${label}: an invisible item answered ${res.status}`);
            observed = res.status === 200;
          }
          if (observed !== allowed) failures.push(`${label}: expected ${allowed ? 'allowed' : 'refused'}, was ${observed ? 'allowed' : 'refused'}`);
        }
      }
    }
    expect(cases).toBeGreaterThan(80);
    expect(failures).toEqual([]);
  });
});
