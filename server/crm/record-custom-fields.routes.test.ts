import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

describeEngines('custom fields on accounts and contacts', (env) => {
  it('an admin defines fields per kind of record; keys are unique within a kind only', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const revenue = await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'revenue', label: 'Revenue', type: 'number' });
    expect(revenue.status).toBe(201);
    expect(revenue.body).toMatchObject({ entity: 'account', key: 'revenue', type: 'number', position: 0 });
    // The same key on deals is another field; twice on accounts is refused naming the key.
    expect((await admin.post('/api/v1/custom-fields', { entity: 'deal', key: 'revenue', label: 'Revenue', type: 'number' })).status).toBe(201);
    const twice = await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'revenue', label: 'Again', type: 'text' });
    expect(twice.status).toBe(400);
    expect(twice.body.error?.details.fields).toEqual([{ field: 'key', message: 'another account field has this key' }]);
    await admin.post('/api/v1/custom-fields', { entity: 'contact', key: 'linkedin', label: 'LinkedIn', type: 'text' });

    const accounts = await admin.get('/api/v1/custom-fields?entity=account');
    expect(accounts.body.items.map((f: { key: string }) => f.key)).toEqual(['revenue']);
    // The deal-fields list keeps meaning deals only.
    expect((await admin.get('/api/v1/deal-fields')).body.items.map((f: { entity: string }) => f.entity)).toEqual(['deal']);
    expect((await admin.get('/api/v1/custom-fields?entity=order')).status).toBe(400);
    const rep = await w.user('rep');
    expect((await w.as(rep).post('/api/v1/custom-fields', { entity: 'account', key: 'x', label: 'X', type: 'text' })).status).toBe(403);

    // An account field is not reachable through the deal-fields routes.
    expect((await admin.patch(`/api/v1/deal-fields/${revenue.body.id}`, { label: 'Turnover' })).status).toBe(404);
    expect((await admin.patch(`/api/v1/custom-fields/${revenue.body.id}`, { label: 'Turnover' })).body.label).toBe('Turnover');
    expect((await admin.delete(`/api/v1/custom-fields/${revenue.body.id}`)).status).toBe(204);
    expect((await admin.get('/api/v1/custom-fields?entity=account')).body.items).toEqual([]);
  });

  it('accounts carry values checked by type, kept in history, merged on patch, versioned', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'revenue', label: 'Revenue', type: 'number' });
    await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'tier', label: 'Tier', type: 'select', options: ['Gold', 'Silver'] });
    await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'founded', label: 'Founded', type: 'date' });
    const rep = await w.user('rep');
    const api = w.as(rep);

    const bad = await api.post('/api/v1/accounts', { name: 'Acme', custom: { revenue: 'lots', tier: 'Bronze', nope: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['custom.nope', 'custom.revenue', 'custom.tier']);
    const long = await api.post('/api/v1/accounts', { name: 'Acme', custom: { tier: 'x'.repeat(2001) } });
    expect(long.status).toBe(400);
    expect((await env().database.db.selectFrom('accounts').select('id').where('workspace_id', '=', w.id).execute()).length).toBe(0);

    const created = await api.post('/api/v1/accounts', { name: 'Acme', custom: { revenue: '1200000', tier: 'Gold' } });
    expect(created.status).toBe(201);
    expect(created.body.custom).toEqual({ revenue: 1_200_000, tier: 'Gold' });

    const patched = await api.patch(`/api/v1/accounts/${created.body.id}`, { version: 1, custom: { tier: 'Silver', founded: '1999-04-01' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, custom: { revenue: 1_200_000, tier: 'Silver', founded: '1999-04-01' } });
    expect((await api.get(`/api/v1/accounts/${created.body.id}`)).body.custom).toEqual(patched.body.custom);

    const late = await api.patch(`/api/v1/accounts/${created.body.id}`, { version: 1, custom: { tier: 'Gold' } });
    expect(late.status).toBe(409);
    expect((await api.get(`/api/v1/accounts/${created.body.id}`)).body.custom.tier).toBe('Silver');

    const history = await env()
      .database.db.selectFrom('changes')
      .select(['field', 'from_value', 'to_value'])
      .where('entity_id', '=', created.body.id)
      .where('field', 'like', 'custom.%')
      .execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { field: 'custom.revenue', from_value: null, to_value: '1200000' },
        { field: 'custom.tier', from_value: 'Gold', to_value: 'Silver' },
        { field: 'custom.founded', from_value: null, to_value: '1999-04-01' },
      ]),
    );
    expect(history).toHaveLength(4);
  });

  it('contacts carry values the same way, and an account field is not a contact field', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    await admin.post('/api/v1/custom-fields', { entity: 'contact', key: 'linkedin', label: 'LinkedIn', type: 'text' });
    await admin.post('/api/v1/custom-fields', { entity: 'contact', key: 'opted_in', label: 'Opted in', type: 'boolean' });
    await admin.post('/api/v1/custom-fields', { entity: 'account', key: 'revenue', label: 'Revenue', type: 'number' });
    const rep = await w.user('rep');
    const api = w.as(rep);

    const wrong = await api.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'L', custom: { revenue: 5, opted_in: 'yes' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['custom.opted_in', 'custom.revenue']);

    const c = await api.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'L', custom: { linkedin: ' ada ', opted_in: true } });
    expect(c.body.error).toBeUndefined();
    expect(c.status).toBe(201);
    expect(c.body.custom).toEqual({ linkedin: 'ada', opted_in: true });
    const cleared = await api.patch(`/api/v1/contacts/${c.body.id}`, { version: 1, custom: { linkedin: null } });
    expect(cleared.body).toMatchObject({ version: 2, custom: { linkedin: null, opted_in: true } });
    expect((await api.patch(`/api/v1/contacts/${c.body.id}`, { version: 1, custom: { linkedin: 'x' } })).status).toBe(409);
    const list = await api.get('/api/v1/contacts');
    expect(list.body.items[0]?.custom).toEqual({ linkedin: null, opted_in: true });
  });
});
