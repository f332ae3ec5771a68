import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

describeEngines('accounts API', (env) => {
  it('creates, reads, updates with the version and keeps history', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const api = w.as(rep);

    const created = await api.post('/api/v1/accounts', { name: 'Acme GmbH', domain: 'https://Acme.example/', industry: 'Manufacturing' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme GmbH', domain: 'acme.example', ownerId: rep.id, version: 1, openDeals: 0 });

    const patched = await api.patch(`/api/v1/accounts/${created.body.id}`, { version: 1, industry: 'Software' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ industry: 'Software', version: 2 });

    const history = await env()
      .database.db.selectFrom('changes')
      .select(['field', 'from_value', 'to_value', 'actor_id'])
      .where('entity_id', '=', created.body.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(history).toContainEqual({ field: 'industry', from_value: 'Manufacturing', to_value: 'Software', actor_id: rep.id });
    expect(history).toContainEqual({ field: 'name', from_value: null, to_value: 'Acme GmbH', actor_id: rep.id });
  });

  it('refuses a stale write with 409 and leaves the row as the winner wrote it', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const { body: a } = await api.post('/api/v1/accounts', { name: 'Globex' });
    expect((await api.patch(`/api/v1/accounts/${a.id}`, { version: 1, name: 'Globex Corp' })).status).toBe(200);
    const late = await api.patch(`/api/v1/accounts/${a.id}`, { version: 1, name: 'Globex Inc' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'stale', details: { currentVersion: 2 } });
    expect((await api.get(`/api/v1/accounts/${a.id}`)).body.name).toBe('Globex Corp');
  });

  it('names every bad field in one 400 and writes nothing', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const res = await api.post('/api/v1/accounts', { name: '  ', size: -3, colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_input');
    const fields = res.body.error!.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['colour', 'name', 'size']);
    expect((await api.get('/api/v1/accounts')).body.items).toHaveLength(0);
  });

  it('pages with a cursor through a sorted, filtered list', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    for (const n of ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo', 'Alpine'])
      await api.post('/api/v1/accounts', { name: n, industry: n.startsWith('A') || n.startsWith('a') ? 'A' : 'B' });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await api.get(
        `/api/v1/accounts?sort=-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      names.push(...res.body.items.map((i) => i.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(names).toHaveLength(6);
    expect([...names]).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const search = await api.get('/api/v1/accounts?q=ALP');
    expect(search.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['Alpine', 'alpha']);
    expect((await api.get('/api/v1/accounts?industry=A')).body.items).toHaveLength(2);
    expect((await api.get('/api/v1/accounts?cursor=garbage')).status).toBe(400);
  });
});

describeEngines('accounts: the open-deal count is a deal aggregate', (env) => {
  it('counts only the deals the caller may see, and nothing for a role that reads no deals', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('Field', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team });
    const other = await w.user('rep');
    const marketing = await w.user('marketing');
    const admin = w.as(w.admin);
    const { body: account } = await admin.post('/api/v1/accounts', { name: 'Shared Co', shared: true });
    for (const owner of [rep, other, other]) {
      const res = await admin.post('/api/v1/deals', {
        name: `Deal ${owner.id}`,
        accountId: account.id,
        amount: 100,
        closeDate: '2027-01-31',
        ownerId: owner.id,
      });
      expect(res.status).toBe(201);
    }
    const openDeals = async (who: typeof rep) => {
      const one = await w.as(who).get(`/api/v1/accounts/${account.id}`);
      const list = await w.as(who).get('/api/v1/accounts?q=Shared');
      expect(list.body.items.find((a: { id: string }) => a.id === account.id)?.openDeals).toEqual(one.body.openDeals);
      return one.body.openDeals;
    };
    expect(await openDeals(w.admin)).toBe(3);
    expect(await openDeals(rep)).toBe(1);
    expect(await openDeals(other)).toBe(2);
    expect(await openDeals(manager)).toBe(1);
    expect(await openDeals(marketing)).toBeNull();
  });
});
