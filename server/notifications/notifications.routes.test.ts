import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import { dealMoved } from '../crm/deal.notifications.js';
import { updateDealById } from '../crm/deals.service.js';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { weeklyDigest } from '../rhythm/digest.notifications.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { notify } from './notifications.service.js';

async function stageId(w: TestWorkspace, name: string): Promise<string> {
  const { body } = await w.as(w.admin).get('/api/v1/pipelines');
  return (body.items[0]!.stages as { id: string; name: string }[]).find((s) => s.name === name)?.id as string;
}

/** A manager running a team with one rep in it. */
async function teamOf(w: TestWorkspace) {
  const manager = await w.user('manager', { name: 'Mona Manager' });
  const teamId = await w.team('Field', { managerId: manager.id });
  const rep = await w.user('rep', { teamId, name: 'Remy Rep' });
  const rep2 = await w.user('rep', { teamId, name: 'Rosa Rep' });
  return { manager, rep, rep2, teamId };
}

describeEngines('notifications', (env) => {
  it('a manager moves a rep’s deal: the rep is told, with a link; the manager is not', async () => {
    const w = await env().workspace();
    const { manager, rep } = await teamOf(w);
    const { body: deal } = await w.as(rep).post('/api/v1/deals', { name: 'Initech renewal', amount: 1000, closeDate: '2027-01-31' });
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });

    const moved = await w.as(manager).post(`/api/v1/deals/${deal.id}/move`, { version: deal.version, stageId: await stageId(w, 'Solution') });
    expect(moved.status).toBe(200);
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 1 });
    expect((await w.as(manager).get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });
    const list = await w.as(rep).get('/api/v1/notifications');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        kind: 'crm.deal-moved',
        title: 'Mona Manager moved Initech renewal to Solution',
        record: { type: 'deal', id: deal.id, name: 'Initech renewal', path: `/deals/${deal.id}` },
        actor: { id: manager.id, name: 'Mona Manager' },
        readAt: null,
      }),
    ]);

    const read = await w.as(rep).post(`/api/v1/notifications/${list.body.items[0]!.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe(new Date(env().clock.now).toISOString());
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });
    // Someone else's notification answers like a missing one.
    expect((await w.as(manager).post(`/api/v1/notifications/${list.body.items[0]!.id}/read`)).status).toBe(404);
  });

  it('assigning a deal tells the new owner; moving your own deal tells nobody', async () => {
    const w = await env().workspace();
    const { manager, rep, rep2 } = await teamOf(w);
    const { body: deal } = await w.as(manager).post('/api/v1/deals', { name: 'Hooli pilot', amount: 1000, closeDate: '2027-01-31', ownerId: rep.id });
    let items = (await w.as(rep).get('/api/v1/notifications')).body.items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Mona Manager assigned Hooli pilot to you']);

    await w.as(rep).post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: await stageId(w, 'Solution') });
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body.unread).toBe(1);

    // Reassigned and moved in one save: the new owner hears "assigned", once.
    const current = (await w.as(manager).get(`/api/v1/deals/${deal.id}`)).body;
    await w.as(manager).patch(`/api/v1/deals/${deal.id}`, { version: current.version, ownerId: rep2.id, stageId: await stageId(w, 'Proposal') });
    items = (await w.as(rep2).get('/api/v1/notifications')).body.items;
    expect(items.map((i: { kind: string }) => i.kind)).toEqual(['crm.deal-assigned']);
  });

  it('never reveals a record its recipient can no longer read', async () => {
    const w = await env().workspace();
    const { manager, rep, rep2 } = await teamOf(w);
    const { body: deal } = await w.as(rep).post('/api/v1/deals', { name: 'Secret merger', amount: 1000, closeDate: '2027-01-31' });
    await w.as(manager).post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: await stageId(w, 'Solution') });
    // The deal goes to another rep: the first rep's notification keeps no name and no link.
    await w.as(manager).patch(`/api/v1/deals/${deal.id}`, { version: 2, ownerId: rep2.id });
    const [item] = (await w.as(rep).get('/api/v1/notifications')).body.items;
    expect(item).toMatchObject({ record: null, title: 'Mona Manager moved a deal you cannot see to Solution' });
    expect(JSON.stringify(item)).not.toContain('Secret merger');
    expect(JSON.stringify(item)).not.toContain(deal.id);
    // Deleted: gone for the new owner too.
    await w.as(manager).delete(`/api/v1/deals/${deal.id}`);
    const [assigned] = (await w.as(rep2).get('/api/v1/notifications')).body.items;
    expect(assigned).toMatchObject({ kind: 'crm.deal-assigned', record: null });
    expect(JSON.stringify(assigned)).not.toContain('Secret merger');
  });

  it('without SMTP configured: in-app only, no e-mail job queued, no error', async () => {
    const w = await env().workspace();
    const { manager, rep } = await teamOf(w);
    expect(env().config.smtp).toBeNull();
    const created = await w.as(manager).post('/api/v1/deals', { name: 'Quiet deal', amount: 1000, closeDate: '2027-01-31', ownerId: rep.id });
    expect(created.status).toBe(201);
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body.unread).toBe(1);
    const emailJobs = await env()
      .database.db.selectFrom('jobs')
      .select('id')
      .where('workspace_id', '=', w.id)
      .where('name', '=', 'notifications.email')
      .execute();
    expect(emailJobs).toEqual([]);
    const prefs = await w.as(rep).get('/api/v1/notifications/preferences');
    expect(prefs.body.emailConfigured).toBe(false);
  });

  it('preferences per kind: off means no notification; unknown kinds and bad bodies are refused', async () => {
    const w = await env().workspace();
    const { manager, rep } = await teamOf(w);
    const prefs = await w.as(rep).get('/api/v1/notifications/preferences');
    expect(prefs.body).toEqual({
      emailConfigured: false,
      items: expect.arrayContaining([
        { kind: 'crm.deal-assigned', label: 'A deal is assigned to you', inApp: true, email: true },
        { kind: 'crm.deal-moved', label: 'Someone else moves your deal', inApp: true, email: false },
      ]),
    });
    const off = await w.as(rep).patch('/api/v1/notifications/preferences/crm.deal-moved', { inApp: false });
    expect(off.body).toEqual({ kind: 'crm.deal-moved', label: 'Someone else moves your deal', inApp: false, email: false });
    const { body: deal } = await w.as(rep).post('/api/v1/deals', { name: 'Quiet deal', amount: 1000, closeDate: '2027-01-31' });
    await w.as(manager).post(`/api/v1/deals/${deal.id}/move`, { version: 1, stageId: await stageId(w, 'Solution') });
    expect((await w.as(rep).get('/api/v1/notifications')).body.items).toEqual([]);
    expect(await env().database.db.selectFrom('notifications').select('id').where('recipient_id', '=', rep.id).execute()).toEqual([]);
    // Without SMTP an email choice is kept and nothing is queued.
    await w.as(rep).patch('/api/v1/notifications/preferences/crm.deal-moved', { email: true });
    await w.as(manager).post(`/api/v1/deals/${deal.id}/move`, { version: 2, stageId: await stageId(w, 'Proposal') });
    expect(await env().database.db.selectFrom('jobs').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);

    const unknown = await w.as(rep).patch('/api/v1/notifications/preferences/crm.nope', { inApp: false });
    expect(unknown.status).toBe(404);
    const bad = await w.as(rep).patch('/api/v1/notifications/preferences/crm.deal-moved', { inApp: 'yes' });
    expect(bad.status).toBe(400);
    expect((await w.as(rep).patch('/api/v1/notifications/preferences/crm.deal-moved', {})).status).toBe(400);
  });

  it('pages unread first, then read, newest first; a bad cursor is a 400', async () => {
    const w = await env().workspace();
    const { manager, rep } = await teamOf(w);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      env().clock.now += 1000;
      ids.push((await notify(w.ctx(manager), dealMoved, { recipientId: rep.id, recordId: `d${i}`, data: { toStage: `S${i}` } })) as string);
    }
    // 0 and 3 read: unread are 4, 2, 1; then read 3, 0.
    for (const i of [0, 3]) await w.as(rep).post(`/api/v1/notifications/${ids[i]}/read`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await w
        .as(rep)
        .get(`/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[4], ids[2], ids[1], ids[3], ids[0]]);
    expect((await w.as(rep).get('/api/v1/notifications?unread=true&limit=10')).body.items.map((i: { id: string }) => i.id)).toEqual([ids[4], ids[2], ids[1]]);
    const bad = await w.as(rep).get('/api/v1/notifications?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields[0]?.field).toBe('cursor');

    expect((await w.as(rep).post('/api/v1/notifications/read-all')).body).toEqual({ updated: 3 });
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('a deal change that rolls back leaves no notification (same transaction)', async () => {
    const w = await env().workspace();
    const { manager, rep } = await teamOf(w);
    const a = (await w.as(rep).post('/api/v1/deals', { name: 'Rolled back', amount: 1000, closeDate: '2027-01-31' })).body;
    const solution = await stageId(w, 'Solution');
    await expect(
      inTransaction(w.ctx(manager), async (tx) => {
        await updateDealById(tx, a.id, { version: 1, stageId: solution }, { via: 'api' });
        expect((await tx.db.selectFrom('notifications').select('id').where('recipient_id', '=', rep.id).execute()).length).toBe(1);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body.unread).toBe(0);
  });

  it('a row keeps the link of the record it was written for after its kind moved to another record', async () => {
    const w = await env().workspace();
    const { manager, rep } = await teamOf(w);
    // A digest sent before the digest had its own page linked to the reader's Year page.
    const id = await notify(w.ctx(manager), weeklyDigest, {
      recipientId: rep.id,
      recordId: rep.id,
      data: { week: '2026-W49', lines: ['2 overdue coaching actions'] },
    });
    await w
      .ctx(manager)
      .db.updateTable('notifications')
      .set({ record_type: 'year-page' })
      .where('id', '=', id as string)
      .execute();
    const [item] = (await w.as(rep).get('/api/v1/notifications')).body.items;
    expect(item).toMatchObject({ kind: 'rhythm.weekly-digest', record: { type: 'year-page', id: rep.id, path: '/year' } });
  });

  // Generated from the policy table: role × relation × operation.
  it('answers every generated visibility case of notifications as the policy says', async () => {
    const w = await env().workspace();
    const other = await env().workspace();
    const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing'];
    const actors = {} as Record<Role, TestUser>;
    for (const role of ROLES) actors[role] = role === 'admin' ? w.admin : await w.user(role);
    const colleague = await w.user('rep');
    const foreign = await other.user('rep');
    const raise = async (ws: TestWorkspace, by: TestUser, to: TestUser) =>
      (await notify(ws.ctx(by), dealMoved, { recipientId: to.id, recordId: 'x', data: { toStage: 'S' } })) as string;

    const failures: string[] = [];
    for (const role of ROLES) {
      const me = actors[role];
      const byRelation: Record<string, string> = {
        own: await raise(w, colleague, me),
        other: await raise(w, me, colleague),
        otherWorkspace: await raise(other, other.admin, foreign),
      };
      for (const [relation, id] of Object.entries(byRelation)) {
        const reach = (op: 'read' | 'update') =>
          relation === 'own' ? reachOf(role, 'notifications', op) !== 'none' : reachOf(role, 'notifications', op) === 'all' && relation !== 'otherWorkspace';
        const listed = (await w.as(me).get('/api/v1/notifications?limit=100')).body.items.some((i: { id: string }) => i.id === id);
        if (listed !== reach('read')) failures.push(`${role} list ${relation}: expected ${reach('read')}`);
        const mark = await w.as(me).post(`/api/v1/notifications/${id}/read`);
        if ((mark.status === 200) !== reach('update')) failures.push(`${role} mark read ${relation}: got ${mark.status}`);
        if (mark.status !== 200 && mark.status !== 404) failures.push(`${role} mark read ${relation}: ${mark.status} instead of 404`);
      }
      await w.as(me).post('/api/v1/notifications/read-all');
    }
    // Marking all read touched only each caller's own.
    const colleagueUnread = (await w.as(colleague).get('/api/v1/notifications/unread-count')).body.unread;
    if (colleagueUnread !== ROLES.length) failures.push(`colleague's notifications were marked by others (${colleagueUnread} unread)`);
    const foreignUnread = (await other.as(foreign).get('/api/v1/notifications/unread-count')).body.unread;
    if (foreignUnread !== ROLES.length) failures.push(`another workspace's notifications were touched (${foreignUnread} unread)`);
    expect(failures).toEqual([]);
  });
});
