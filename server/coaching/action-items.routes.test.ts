// The action-item list on both engines: pages by due date (undated last) with a count over every
// page, open-only on request, refusals naming the field, and the coachee reach deciding what is listed.
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

describeEngines('coaching action items, paged', (env) => {
  let w: TestWorkspace;
  let manager: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;

  beforeAll(async () => {
    w = await env().workspace();
    manager = await w.user('manager', { name: 'Mia Manager' });
    const teamId = await w.team('Field', { managerId: manager.id });
    rep = await w.user('rep', { teamId, name: 'Rita Rep' });
    otherRep = await w.user('rep', { teamId: await w.team('Partners', { managerId: null }), name: 'Otto Other' });
    const made = await w.as(manager).post('/api/v1/coaching-sessions', {
      coacheeId: rep.id,
      scheduledAt: '2026-11-27T09:00:00.000Z',
      heldAt: '2026-11-27T09:30:00.000Z',
      actionItems: [
        { ownerId: rep.id, text: 'Undated', dueDate: null },
        { ownerId: rep.id, text: 'Third', dueDate: '2026-12-09' },
        { ownerId: rep.id, text: 'First', dueDate: '2026-12-01' },
        { ownerId: manager.id, text: 'Second', dueDate: '2026-12-05' },
        { ownerId: rep.id, text: 'Done already', dueDate: '2026-12-03' },
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const done = made.body.actionItems.find((i: { text: string }) => i.text === 'Done already');
    expect((await w.as(rep).patch(`/api/v1/action-items/${done!.id}`, { version: done!.version, completed: true })).status).toBe(200);
  });

  const texts = (body: { items: { text: string }[] }) => body.items.map((i) => i.text);

  it('pages the open items by due date, undated last, with the total on every page', async () => {
    const url = `/api/v1/action-items?coacheeId=${rep.id}&open=true&limit=2` as const;
    const first = await w.as(manager).get(url);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(texts(first.body)).toEqual(['First', 'Second']);
    expect(first.body.total).toBe(4);
    const second = await w.as(manager).get(`${url}&cursor=${first.body.nextCursor}`);
    expect(texts(second.body)).toEqual(['Third', 'Undated']);
    expect(second.body.total).toBe(4);
    expect(second.body.nextCursor).toBeNull();

    const all = await w.as(rep).get(`/api/v1/action-items?coacheeId=${rep.id}&limit=200`);
    expect(texts(all.body)).toEqual(['First', 'Done already', 'Second', 'Third', 'Undated']);
    expect(all.body.total).toBe(5);
    // Without a limit: the whole list at once (up to 500), as Home and the Coaching list read it.
    expect((await w.as(manager).get('/api/v1/action-items?open=true')).body).toMatchObject({ total: 4, nextCursor: null });
  });

  it('refuses a bad page size or cursor, naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=x', 'limit'],
      ['cursor=nonsense', 'cursor'],
    ] as const) {
      const res = await w.as(manager).get(`/api/v1/action-items?coacheeId=${rep.id}&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('lists nothing of a coachee out of reach, and counts nothing either', async () => {
    const res = await w.as(otherRep).get(`/api/v1/action-items?coacheeId=${rep.id}&limit=10`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
