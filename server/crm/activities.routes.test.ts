import { expect, it } from 'vitest';
import { insertDealRow, stagesOf } from '../test/crm-rows.js';
import { describeEngines, type TestError, type TestUser, type TestWorkspace } from '../test/test-env.js';

const HOUR = 3_600_000;
const fieldsOf = (body: { error?: TestError }) => body.error?.details.fields.map((f) => f.field).sort();

describeEngines('activities API', (env) => {
  const iso = (ms: number) => new Date(ms).toISOString();

  async function dealFor(w: TestWorkspace, owner: TestUser, name: string, links: { accountId?: string; contactId?: string } = {}) {
    const stages = await stagesOf(env().database.db, w.id);
    return insertDealRow(env().database.db, {
      workspaceId: w.id,
      ownerId: owner.id,
      name,
      stageId: stages.byName('Qualify'),
      pipelineId: stages.pipelineId,
      at: env().clock.now,
      ...links,
    });
  }

  it('logs past activities as done, schedules future ones, completes them and keeps history', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Rita Rep' });
    const api = w.as(rep);
    const now = env().clock.now;
    const { body: account } = await api.post('/api/v1/accounts', { name: 'Acme' });
    const { body: contact } = await api.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lovelace', accountId: account.id });

    const call = await api.post('/api/v1/activities', {
      type: 'call',
      subject: ' Discovery call ',
      body: 'Budget confirmed',
      contactId: contact.id,
      occurredAt: iso(now - 2 * HOUR),
      durationMinutes: 30,
    });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({
      type: 'call',
      subject: 'Discovery call',
      body: 'Budget confirmed',
      contactId: contact.id,
      contactName: 'Ada Lovelace',
      // A contact brings its account, so the account's lists and timeline show the call.
      accountId: account.id,
      accountName: 'Acme',
      dealId: null,
      dealName: null,
      ownerId: rep.id,
      ownerName: 'Rita Rep',
      occurredAt: iso(now - 2 * HOUR),
      completedAt: iso(now - 2 * HOUR),
      durationMinutes: 30,
      version: 1,
    });
    expect((await api.get(`/api/v1/activities/${call.body.id}`)).body).toEqual(call.body);

    const meeting = await api.post('/api/v1/activities', { type: 'meeting', subject: 'Demo', occurredAt: iso(now + 48 * HOUR) });
    expect(meeting.body).toMatchObject({ completedAt: null, accountId: null, contactId: null });
    const note = await api.post('/api/v1/activities', { type: 'note', subject: 'Reminder', occurredAt: iso(now + HOUR) });
    expect(note.body.completedAt).toBe(iso(now));
    const undone = await api.post('/api/v1/activities', { type: 'task', subject: 'Send deck', occurredAt: iso(now - HOUR), completed: false });
    expect(undone.body.completedAt).toBeNull();

    env().clock.now += HOUR;
    const done = await api.patch(`/api/v1/activities/${meeting.body.id}`, { version: 1, completed: true, subject: 'Demo (moved up)' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ completedAt: iso(now + HOUR), subject: 'Demo (moved up)', version: 2 });
    env().clock.now += HOUR;
    // Completing again keeps the first completion; reopening clears it.
    expect((await api.patch(`/api/v1/activities/${meeting.body.id}`, { version: 2, completed: true })).body.completedAt).toBe(iso(now + HOUR));
    expect((await api.patch(`/api/v1/activities/${meeting.body.id}`, { version: 3, completed: false })).body.completedAt).toBeNull();

    const history = await env()
      .database.db.selectFrom('changes')
      .select(['entity', 'field', 'from_value', 'to_value'])
      .where('entity_id', '=', meeting.body.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { entity: 'activity', field: 'type', from_value: null, to_value: 'meeting' },
        { entity: 'activity', field: 'subject', from_value: 'Demo', to_value: 'Demo (moved up)' },
        { entity: 'activity', field: 'completed_at', from_value: null, to_value: String(now + HOUR) },
        { entity: 'activity', field: 'completed_at', from_value: String(now + HOUR), to_value: null },
      ]),
    );
    expect(history.filter((h) => h.field === 'completed_at')).toHaveLength(2);

    const late = await api.patch(`/api/v1/activities/${meeting.body.id}`, { version: 1, subject: 'Lost update' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'stale', details: { currentVersion: 4 } });

    expect((await api.delete(`/api/v1/activities/${call.body.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/activities/${call.body.id}`)).status).toBe(404);
    expect((await api.get('/api/v1/activities')).body.items.map((a: { id: string }) => a.id)).not.toContain(call.body.id);
    expect((await api.patch(`/api/v1/activities/${call.body.id}`, { version: 1, subject: 'x' })).status).toBe(404);
  });

  it('takes the account and contact from a deal, and checks every link is visible', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const api = w.as(rep);
    const { body: account } = await api.post('/api/v1/accounts', { name: 'Globex' });
    const { body: elsewhere } = await api.post('/api/v1/accounts', { name: 'Initech' });
    const { body: contact } = await api.post('/api/v1/contacts', { firstName: 'Hank', lastName: 'Scorpio', accountId: account.id });
    const deal = await dealFor(w, rep, 'Globex expansion', { accountId: account.id, contactId: contact.id });
    const hiddenDeal = await dealFor(w, other, 'Not yours');
    const { body: hiddenContact } = await w.as(other).post('/api/v1/contacts', { firstName: 'No', lastName: 'Body' });
    const at = iso(env().clock.now - HOUR);

    const linked = await api.post('/api/v1/activities', { type: 'email', subject: 'Proposal sent', dealId: deal, occurredAt: at });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({
      dealId: deal,
      dealName: 'Globex expansion',
      accountId: account.id,
      accountName: 'Globex',
      contactId: contact.id,
      contactName: 'Hank Scorpio',
    });

    const mismatch = await api.post('/api/v1/activities', { type: 'email', subject: 'x', dealId: deal, accountId: elsewhere.id, occurredAt: at });
    expect(mismatch.status).toBe(400);
    expect(fieldsOf(mismatch.body)).toEqual(['accountId']);

    const hidden = await api.post('/api/v1/activities', {
      type: 'call',
      subject: 'x',
      dealId: hiddenDeal,
      contactId: hiddenContact.id,
      accountId: 'no-such-account',
      occurredAt: at,
    });
    expect(hidden.status).toBe(400);
    expect(fieldsOf(hidden.body)).toEqual(['accountId', 'contactId', 'dealId']);

    // Moving to another deal brings that deal's account; the contact stays when one is set.
    const { body: other2 } = await api.post('/api/v1/contacts', { firstName: 'Milton', lastName: 'W', accountId: elsewhere.id });
    const otherDeal = await dealFor(w, rep, 'Initech renewal', { accountId: elsewhere.id, contactId: other2.id });
    const moved = await api.patch(`/api/v1/activities/${linked.body.id}`, { version: 1, dealId: otherDeal });
    expect(moved.body).toMatchObject({ dealId: otherDeal, accountId: elsewhere.id, contactId: contact.id });
    const badPatch = await api.patch(`/api/v1/activities/${linked.body.id}`, { version: 2, dealId: hiddenDeal });
    expect(fieldsOf(badPatch.body)).toEqual(['dealId']);

    const schema = await api.post('/api/v1/activities', { type: 'visit', subject: ' ', durationMinutes: -5, contactId: 'x'.repeat(65) });
    expect(schema.status).toBe(400);
    expect(fieldsOf(schema.body)).toEqual(['contactId', 'durationMinutes', 'occurredAt', 'subject', 'type']);
    const badInstant = await api.post('/api/v1/activities', { type: 'call', subject: 'x', occurredAt: 'yesterday' });
    expect(fieldsOf(badInstant.body)).toEqual(['occurredAt']);
    expect((await api.get('/api/v1/activities')).body.items).toHaveLength(1);
  });

  it('shows a linked deal that was reassigned out of my reach as a deal I cannot see (read, list, export)', async () => {
    const w = await env().workspace();
    const east = await w.team('East');
    const west = await w.team('West');
    const rep = await w.user('rep', { teamId: east });
    const outsider = await w.user('rep', { teamId: west });
    const api = w.as(rep);
    const deal = await dealFor(w, rep, 'Secret expansion');
    const call = await api.post('/api/v1/activities', { type: 'call', subject: 'Kick-off', dealId: deal, occurredAt: iso(env().clock.now - HOUR) });
    expect(call.body).toMatchObject({ dealId: deal, dealName: 'Secret expansion' });

    const admin = w.as(w.admin);
    const current = await admin.get(`/api/v1/deals/${deal}`);
    expect((await admin.patch(`/api/v1/deals/${deal}`, { version: current.body.version, ownerId: outsider.id })).status).toBe(200);
    expect((await api.get(`/api/v1/deals/${deal}`)).status).toBe(404);

    // The link stays (it is my activity), the name does not: null says "a deal you cannot see".
    const read = await api.get(`/api/v1/activities/${call.body.id}`);
    expect(read.body).toMatchObject({ dealId: deal, dealName: null });
    expect((await api.get('/api/v1/activities')).body.items).toEqual([read.body]);
    const csv = (await api.get('/api/v1/exports/activities.csv')).body as string;
    expect(csv).not.toContain('Secret expansion');
    // The new owner and the admin still read the name.
    expect((await admin.get(`/api/v1/activities/${call.body.id}`)).body.dealName).toBe('Secret expansion');
  });

  it('filters by type, links, time window and completion, sorts and pages', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const api = w.as(w.admin);
    const base = env().clock.now;
    const { body: account } = await api.post('/api/v1/accounts', { name: 'Umbrella' });
    const { body: contact } = await api.post('/api/v1/contacts', { firstName: 'Alice', lastName: 'Abernathy' });
    const deal = await dealFor(w, w.admin, 'Umbrella pilot', { accountId: account.id });
    const specs = [
      { type: 'call', subject: 'Bravo call', occurredAt: iso(base - 5 * HOUR), dealId: deal },
      { type: 'email', subject: 'Alpha email', occurredAt: iso(base - 4 * HOUR), contactId: contact.id },
      { type: 'call', subject: 'Delta call', occurredAt: iso(base - 3 * HOUR), accountId: account.id, ownerId: rep.id },
      { type: 'task', subject: 'Charlie task', occurredAt: iso(base + 2 * HOUR) },
      { type: 'meeting', subject: 'Echo meeting', occurredAt: iso(base + 3 * HOUR), dealId: deal },
    ];
    for (const s of specs) expect((await api.post('/api/v1/activities', s)).status).toBe(201);

    const subjects = async (query: string) => {
      const res = await api.get(`/api/v1/activities?${query}`);
      expect(res.status).toBe(200);
      return (res.body.items as { subject: string }[]).map((i) => i.subject);
    };
    expect(await subjects('')).toEqual(['Echo meeting', 'Charlie task', 'Delta call', 'Alpha email', 'Bravo call']);
    expect(await subjects('type=call')).toEqual(['Delta call', 'Bravo call']);
    expect(await subjects(`dealId=${deal}`)).toEqual(['Echo meeting', 'Bravo call']);
    expect(await subjects(`accountId=${account.id}&sort=occurredAt`)).toEqual(['Bravo call', 'Delta call', 'Echo meeting']);
    expect(await subjects(`contactId=${contact.id}`)).toEqual(['Alpha email']);
    expect(await subjects(`ownerId=${rep.id}`)).toEqual(['Delta call']);
    expect(await subjects('completed=false')).toEqual(['Echo meeting', 'Charlie task']);
    expect(await subjects('completed=true&sort=subject')).toEqual(['Alpha email', 'Bravo call', 'Delta call']);
    expect(await subjects(`from=${iso(base - 4 * HOUR)}&to=${iso(base + 2 * HOUR)}`)).toEqual(['Delta call', 'Alpha email']);
    expect(await subjects('q=CALL')).toEqual(['Delta call', 'Bravo call']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { subject: string }[]; nextCursor: string | null } } = await api.get(
        `/api/v1/activities?sort=-subject&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((i) => i.subject));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Echo meeting', 'Delta call', 'Charlie task', 'Bravo call', 'Alpha email']);

    const bad = await api.get('/api/v1/activities?type=fax&from=monday&sort=owner');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['from', 'sort', 'type']);
    expect((await api.get('/api/v1/activities?cursor=abc')).status).toBe(400);
    const bySubject = (await api.get('/api/v1/activities?sort=subject&limit=1')).body.nextCursor;
    const mixed = await api.get(`/api/v1/activities?cursor=${bySubject}`);
    expect(mixed.status).toBe(400);
    expect(fieldsOf(mixed.body)).toEqual(['cursor']);
  });

  it('shows reps their own, managers their team subtree, admins all; marketing none; never across workspaces', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('West', { managerId: manager.id });
    const nested = await w.team('West South', { parentId: team });
    const repA = await w.user('rep', { teamId: team });
    const repB = await w.user('rep', { teamId: nested });
    const repC = await w.user('rep');
    const marketing = await w.user('marketing');
    const other = await env().workspace();
    const at = iso(env().clock.now - HOUR);
    const log = async (u: TestUser, subject: string) => (await w.as(u).post('/api/v1/activities', { type: 'call', subject, occurredAt: at })).body.id as string;
    const a = await log(repA, 'A');
    await log(repB, 'B');
    const c = await log(repC, 'C');

    const visible = async (u: TestUser) => ((await w.as(u).get('/api/v1/activities?sort=subject')).body.items as { subject: string }[]).map((i) => i.subject);
    expect(await visible(repA)).toEqual(['A']);
    expect(await visible(manager)).toEqual(['A', 'B']);
    expect(await visible(w.admin)).toEqual(['A', 'B', 'C']);

    expect((await w.as(repC).get(`/api/v1/activities/${a}`)).status).toBe(404);
    expect((await w.as(repC).patch(`/api/v1/activities/${a}`, { version: 1, subject: 'x' })).status).toBe(404);
    expect((await w.as(repC).delete(`/api/v1/activities/${a}`)).status).toBe(404);
    expect((await w.as(manager).get(`/api/v1/activities/${c}`)).status).toBe(404);
    expect((await w.as(manager).patch(`/api/v1/activities/${a}`, { version: 1, ownerId: repB.id })).body).toMatchObject({ ownerId: repB.id, version: 2 });
    const notAssignable = await w.as(repA).post('/api/v1/activities', { type: 'call', subject: 'x', occurredAt: at, ownerId: repC.id });
    expect(fieldsOf(notAssignable.body)).toEqual(['ownerId']);

    const mk = await w.as(marketing).get('/api/v1/activities');
    expect(mk.status).toBe(403);
    expect(mk.body.error?.code).toBe('forbidden');
    expect((await w.as(marketing).post('/api/v1/activities', { type: 'note', subject: 'x', occurredAt: at })).status).toBe(403);
    expect((await w.as(other.admin).get(`/api/v1/activities/${a}`)).status).toBe(404);
    expect((await w.as(other.admin).get('/api/v1/activities')).body.items).toEqual([]);
  });
});
