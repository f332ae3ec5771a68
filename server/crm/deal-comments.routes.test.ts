// Comments on a deal: who may read and write them (cases generated from the policy table, by the
// deal owner's relation to the caller), the rep told and answering, the timeline showing both.
import { expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

type Relation = 'own' | 'team' | 'other' | 'otherWorkspace';
const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
const RELATIONS: Relation[] = ['own', 'team', 'other', 'otherWorkspace'];

async function setup(w: TestWorkspace) {
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const parent = await w.team('Field', { managerId: manager.id });
  const child = await w.team('Field East', { parentId: parent, managerId: null });
  const rep = await w.user('rep', { teamId: parent, name: 'Rita Rep' });
  const nested = await w.user('rep', { teamId: child, name: 'Nick Nested' });
  const teammate = await w.user('rep', { teamId: parent, name: 'Tom Teammate' });
  const outsider = await w.user('rep', { teamId: await w.team('Partners'), name: 'Oscar Outsider' });
  const marketing = await w.user('marketing');
  const coach = await w.user('coach');
  const deal = async (owner: TestUser, name = `Deal of ${owner.name}`) => {
    const res = await w.as(w.admin).post('/api/v1/deals', { name, amount: 1_000_00, closeDate: '2027-03-31', ownerId: owner.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  return { manager, rep, nested, teammate, outsider, marketing, coach, deal };
}

function reaches(reach: ReturnType<typeof reachOf>, relation: Relation): boolean {
  if (relation === 'otherWorkspace') return false;
  if (reach === 'all') return true;
  if (reach === 'team') return relation === 'own' || relation === 'team';
  if (reach === 'own') return relation === 'own';
  return false;
}

describeEngines('deal comments', (env) => {
  it('lets exactly the roles and deals the policy reaches read and write comments (404 outside, 403 without reach)', async () => {
    const w = await env().workspace();
    const s = await setup(w);
    const other = await env().workspace();
    const foreignDeal = (await other.as(other.admin).post('/api/v1/deals', { name: 'Foreign', amount: 100, closeDate: '2027-03-31' })).body.id as string;
    const actors: Record<Role, TestUser> = { admin: w.admin, manager: s.manager, rep: s.rep, marketing: s.marketing, coach: s.coach };
    // The owner of each relation to each actor: a rep's teammate is still "team" (reps see their own only).
    const owners: Record<Role, Record<Exclude<Relation, 'otherWorkspace'>, TestUser>> = {
      admin: { own: w.admin, team: s.nested, other: s.outsider },
      manager: { own: s.manager, team: s.nested, other: s.outsider },
      rep: { own: s.rep, team: s.teammate, other: s.outsider },
      marketing: { own: s.marketing, team: s.nested, other: s.outsider },
      coach: { own: s.coach, team: s.nested, other: s.outsider },
    };
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        // Deals cannot be owned by marketing or coaches: their "own" case is the outsider's deal.
        const owner = relation === 'otherWorkspace' ? null : owners[role][relation];
        const dealId = owner === null ? foreignDeal : await s.deal(owner.role === 'marketing' || owner.role === 'coach' ? s.outsider : owner);
        const ownDealImpossible = relation === 'own' && (role === 'marketing' || role === 'coach');
        const api = w.as(actors[role]);
        for (const op of ['read', 'create'] as const) {
          const reach = reachOf(role, 'deal_comments', op);
          const expected = reach === 'none' ? 403 : reaches(reach, ownDealImpossible ? 'other' : relation) ? (op === 'create' ? 201 : 200) : 404;
          const res =
            op === 'read' ? await api.get(`/api/v1/deals/${dealId}/comments`) : await api.post(`/api/v1/deals/${dealId}/comments`, { body: `From ${role}` });
          if (res.status !== expected) failures.push(`${role} ${op} on a ${relation} deal: expected ${expected}, got ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The policy says what the brief asks: comments are read and written by whoever sees the deal.
    for (const role of ROLES) {
      expect(reachOf(role, 'deal_comments', 'read'), role).toBe(reachOf(role, 'deals', 'read'));
      expect(reachOf(role, 'deal_comments', 'create'), role).toBe(reachOf(role, 'deals', 'read'));
    }
  });

  it('tells the rep of a leader’s comment, lets the rep answer (the leader is told), and shows both on the timeline', async () => {
    const w = await env().workspace();
    const s = await setup(w);
    const dealId = await s.deal(s.rep, 'Quantum onboarding');
    const mia = w.as(s.manager);
    const rita = w.as(s.rep);

    const blank = await mia.post(`/api/v1/deals/${dealId}/comments`, { body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.details.fields[0]?.field).toBe('body');

    const said = await mia.post(`/api/v1/deals/${dealId}/comments`, { body: '  Who signs? Get the CFO on the next call.  ' });
    expect(said.status).toBe(201);
    expect(said.body).toMatchObject({ dealId, author: { id: s.manager.id, name: 'Mia Manager' }, body: 'Who signs? Get the CFO on the next call.' });

    const toRita = (await rita.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'crm.deal-commented');
    expect(toRita.map((n: { title: string }) => n.title)).toEqual(['Mia Manager commented on Quantum onboarding']);

    env().clock.now += 60_000;
    const reply = await rita.post(`/api/v1/deals/${dealId}/comments`, { body: 'Booked her for Thursday.' });
    expect(reply.status).toBe(201);
    const toMia = (await mia.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'crm.deal-commented');
    expect(toMia.map((n: { title: string }) => n.title)).toEqual(['Rita Rep commented on Quantum onboarding']);
    // The author is never told of their own comment.
    expect((await rita.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'crm.deal-commented')).toHaveLength(1);

    const list = (await rita.get(`/api/v1/deals/${dealId}/comments`)).body.items;
    expect(list.map((c: { author: { name: string }; body: string }) => `${c.author.name}: ${c.body}`)).toEqual([
      'Mia Manager: Who signs? Get the CFO on the next call.',
      'Rita Rep: Booked her for Thursday.',
    ]);
    const timeline = (await mia.get(`/api/v1/deals/${dealId}/timeline`)).body.items.filter((i) => i.kind === 'comment');
    expect(timeline.map((i) => `${i.actor!.name}: ${i.body}`)).toEqual([
      'Rita Rep: Booked her for Thursday.',
      'Mia Manager: Who signs? Get the CFO on the next call.',
    ]);
    // Paging the timeline one item at a time still reaches both comments once each.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { kind: string; id: string }[]; nextCursor: string | null } } = await mia.get(
        `/api/v1/deals/${dealId}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.filter((i) => i.kind === 'comment').map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(2);
  });
});
