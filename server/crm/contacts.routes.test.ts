import { expect, it } from 'vitest';
import { describeEngines, type TestError, type TestWorkspace } from '../test/test-env.js';

const fieldsOf = (body: { error?: TestError }) => body.error?.details.fields.map((f) => f.field).sort();

/** manager → team (rep A) → nested team (rep B); rep C in no team. */
async function org(w: TestWorkspace) {
  const manager = await w.user('manager', { name: 'Mia Manager' });
  const team = await w.team('East', { managerId: manager.id });
  const nested = await w.team('East North', { parentId: team, managerId: null });
  const repA = await w.user('rep', { teamId: team, name: 'Rita A' });
  const repB = await w.user('rep', { teamId: nested, name: 'Rob B' });
  const repC = await w.user('rep', { name: 'Carl C' });
  return { manager, repA, repB, repC };
}

describeEngines('contacts API', (env) => {
  it('creates with a lowercase email and the account, reads, updates with the version, deletes, and keeps history', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const api = w.as(rep);
    const { body: account } = await api.post('/api/v1/accounts', { name: 'Acme GmbH' });

    const created = await api.post('/api/v1/contacts', {
      firstName: ' Ada ',
      lastName: 'Lovelace',
      email: 'Ada.Lovelace@ACME.example',
      accountId: account.id,
      title: 'CTO',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada.lovelace@acme.example',
      accountId: account.id,
      accountName: 'Acme GmbH',
      ownerId: rep.id,
      phone: null,
      title: 'CTO',
      version: 1,
    });
    const id = created.body.id;
    expect((await api.get(`/api/v1/contacts/${id}`)).body).toEqual(created.body);

    const patched = await api.patch(`/api/v1/contacts/${id}`, { version: 1, title: 'CEO', phone: '+49 30 123', email: 'ADA@acme.example' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'CEO', phone: '+49 30 123', email: 'ada@acme.example', version: 2 });

    const unlinked = await api.patch(`/api/v1/contacts/${id}`, { version: 2, accountId: null });
    expect(unlinked.body).toMatchObject({ accountId: null, accountName: null, version: 3 });

    const history = await env()
      .database.db.selectFrom('changes')
      .select(['entity', 'field', 'from_value', 'to_value', 'actor_id'])
      .where('entity_id', '=', id)
      .execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { entity: 'contact', field: 'first_name', from_value: null, to_value: 'Ada', actor_id: rep.id },
        { entity: 'contact', field: 'owner_id', from_value: null, to_value: rep.id, actor_id: rep.id },
        { entity: 'contact', field: 'title', from_value: 'CTO', to_value: 'CEO', actor_id: rep.id },
        { entity: 'contact', field: 'email', from_value: 'ada.lovelace@acme.example', to_value: 'ada@acme.example', actor_id: rep.id },
        { entity: 'contact', field: 'account_id', from_value: account.id, to_value: null, actor_id: rep.id },
      ]),
    );
    // The creation snapshot leaves out empty fields, and an unchanged field is no change.
    expect(history.filter((h) => h.field === 'phone')).toEqual([
      { entity: 'contact', field: 'phone', from_value: null, to_value: '+49 30 123', actor_id: rep.id },
    ]);
    expect(history.filter((h) => h.field === 'last_name')).toHaveLength(1);

    const deleted = await api.delete(`/api/v1/contacts/${id}`);
    expect(deleted.status).toBe(204);
    expect((await api.get(`/api/v1/contacts/${id}`)).status).toBe(404);
    expect((await api.get('/api/v1/contacts')).body.items).toEqual([]);
    expect((await api.patch(`/api/v1/contacts/${id}`, { version: 3, title: 'x' })).status).toBe(404);
    expect((await api.delete(`/api/v1/contacts/${id}`)).status).toBe(404);
    const deletion = await env().database.db.selectFrom('changes').select(['to_value']).where('entity_id', '=', id).where('field', '=', 'deleted').execute();
    expect(deletion).toEqual([{ to_value: '1' }]);
  });

  it('refuses a stale write with 409 and leaves the winner’s value', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const { body: c } = await api.post('/api/v1/contacts', { firstName: 'Grace', lastName: 'Hopper' });
    expect((await api.patch(`/api/v1/contacts/${c.id}`, { version: 1, title: 'Admiral' })).status).toBe(200);
    const late = await api.patch(`/api/v1/contacts/${c.id}`, { version: 1, title: 'Captain' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'stale', details: { currentVersion: 2 } });
    expect((await api.get(`/api/v1/contacts/${c.id}`)).body.title).toBe('Admiral');
  });

  it('names every bad field, refuses accounts and owners out of reach, and writes nothing', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const api = w.as(rep);
    const { body: foreign } = await w.as(other).post('/api/v1/accounts', { name: 'Not yours' });

    const bad = await api.post('/api/v1/contacts', { firstName: ' ', email: 'not-an-email', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_input');
    expect(fieldsOf(bad.body)).toEqual(['colour', 'email', 'firstName', 'lastName']);

    const hidden = await api.post('/api/v1/contacts', { firstName: 'A', lastName: 'B', accountId: foreign.id });
    expect(hidden.status).toBe(400);
    expect(fieldsOf(hidden.body)).toEqual(['accountId']);
    const missing = await api.post('/api/v1/contacts', { firstName: 'A', lastName: 'B', accountId: 'no-such-account' });
    expect(fieldsOf(missing.body)).toEqual(['accountId']);
    const owner = await api.post('/api/v1/contacts', { firstName: 'A', lastName: 'B', ownerId: other.id });
    expect(owner.status).toBe(400);
    expect(fieldsOf(owner.body)).toEqual(['ownerId']);

    const { body: mine } = await api.post('/api/v1/contacts', { firstName: 'A', lastName: 'B' });
    const badPatch = await api.patch(`/api/v1/contacts/${mine.id}`, { lastName: '' });
    expect(badPatch.status).toBe(400);
    expect(fieldsOf(badPatch.body)).toEqual(['lastName', 'version']);
    const badMove = await api.patch(`/api/v1/contacts/${mine.id}`, { version: 1, accountId: foreign.id });
    expect(fieldsOf(badMove.body)).toEqual(['accountId']);
    expect((await api.get(`/api/v1/contacts/${mine.id}`)).body).toMatchObject({ accountId: null, version: 1 });
    expect((await api.get('/api/v1/contacts')).body.items).toHaveLength(1);
  });

  it('filters, searches, sorts and pages with a cursor', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const rep = await w.user('rep');
    const { body: acme } = await api.post('/api/v1/accounts', { name: 'Acme' });
    const people: [string, string, string | null][] = [
      ['Ada', 'Lovelace', 'ada@acme.example'],
      ['Grace', 'Hopper', null],
      ['Alan', 'Turing', 'alan@bletchley.example'],
      ['Katherine', 'Johnson', 'kj@nasa.example'],
      ['Edsger', 'Dijkstra', 'ewd@acme.example'],
      ['Barbara', 'Liskov', null],
    ];
    for (const [i, [firstName, lastName, email]] of people.entries()) {
      env().clock.now += 1000;
      await api.post('/api/v1/contacts', { firstName, lastName, email, accountId: i % 2 === 0 ? acme.id : null, ownerId: i === 5 ? rep.id : undefined });
    }

    const collect = async (query: string) => {
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: { lastName: string }[]; nextCursor: string | null } } = await api.get(
          `/api/v1/contacts?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        names.push(...res.body.items.map((i) => i.lastName));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      return { names, pages };
    };
    const byLast = await collect('sort=lastName');
    expect(byLast).toEqual({ names: ['Dijkstra', 'Hopper', 'Johnson', 'Liskov', 'Lovelace', 'Turing'], pages: 3 });
    expect((await collect('sort=-createdAt')).names).toEqual(['Liskov', 'Dijkstra', 'Johnson', 'Turing', 'Hopper', 'Lovelace']);
    expect((await collect('sort=-firstName')).names).toEqual(['Johnson', 'Hopper', 'Dijkstra', 'Liskov', 'Turing', 'Lovelace']);

    const names = async (query: string) => ((await api.get(`/api/v1/contacts?${query}`)).body.items as { lastName: string }[]).map((i) => i.lastName);
    expect(await names(`accountId=${acme.id}`)).toEqual(['Dijkstra', 'Lovelace', 'Turing']);
    expect(await names(`ownerId=${rep.id}`)).toEqual(['Liskov']);
    expect(await names('q=ACME')).toEqual(['Dijkstra', 'Lovelace']);
    expect(await names('q=ada%20love')).toEqual(['Lovelace']);
    expect(await names('q=hop')).toEqual(['Hopper']);
    expect(await names('q=%25')).toEqual([]);
    expect((await api.get('/api/v1/contacts?cursor=garbage')).status).toBe(400);
    const byName = (await api.get('/api/v1/contacts?sort=lastName&limit=1')).body.nextCursor;
    const mixed = await api.get(`/api/v1/contacts?sort=-createdAt&cursor=${byName}`);
    expect(mixed.status).toBe(400);
    expect(fieldsOf(mixed.body)).toEqual(['cursor']);
    const badSort = await api.get('/api/v1/contacts?sort=email');
    expect(badSort.status).toBe(400);
    expect(fieldsOf(badSort.body)).toEqual(['sort']);
  });

  it('shows reps their own contacts and those of shared accounts, managers their team subtree, admins and marketing all', async () => {
    const w = await env().workspace();
    const { manager, repA, repB, repC } = await org(w);
    const other = await env().workspace();
    const marketing = await w.user('marketing');
    const mk = async (owner: typeof repA, lastName: string, accountId?: string) =>
      (await w.as(owner).post('/api/v1/contacts', { firstName: 'X', lastName, accountId })).body.id as string;
    const { body: shared } = await w.as(w.admin).post('/api/v1/accounts', { name: 'Shared Co', shared: true });
    const a = await mk(repA, 'Alpha');
    await mk(repB, 'Bravo');
    const c = await mk(repC, 'Charlie');
    const s = await mk(w.admin, 'Shared', shared.id);

    const visible = async (user: typeof repA) => ((await w.as(user).get('/api/v1/contacts')).body.items as { lastName: string }[]).map((i) => i.lastName);
    expect(await visible(repA)).toEqual(['Alpha', 'Shared']);
    expect(await visible(repC)).toEqual(['Charlie', 'Shared']);
    expect(await visible(manager)).toEqual(['Alpha', 'Bravo', 'Shared']);
    expect(await visible(w.admin)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Shared']);
    expect(await visible(marketing)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Shared']);

    expect((await w.as(repC).get(`/api/v1/contacts/${a}`)).status).toBe(404);
    expect((await w.as(repC).patch(`/api/v1/contacts/${a}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await w.as(repC).delete(`/api/v1/contacts/${a}`)).status).toBe(404);
    expect((await w.as(manager).get(`/api/v1/contacts/${c}`)).status).toBe(404);
    expect((await w.as(manager).patch(`/api/v1/contacts/${a}`, { version: 1, title: 'Coached' })).status).toBe(200);
    // Sharing an account lets reps read its contacts, not change them.
    expect((await w.as(repA).get(`/api/v1/contacts/${s}`)).body.accountName).toBe('Shared Co');
    expect((await w.as(repA).patch(`/api/v1/contacts/${s}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await w.as(marketing).post('/api/v1/contacts', { firstName: 'M', lastName: 'K' })).status).toBe(403);
    expect((await w.as(marketing).patch(`/api/v1/contacts/${a}`, { version: 2, title: 'x' })).status).toBe(403);
    expect((await w.as(other.admin).get(`/api/v1/contacts/${a}`)).status).toBe(404);
    expect((await w.as(other.admin).get('/api/v1/contacts')).body.items).toEqual([]);
    expect((await w.as(other.admin).post('/api/v1/contacts', { firstName: 'A', lastName: 'B', accountId: shared.id })).status).toBe(400);
  });
});
