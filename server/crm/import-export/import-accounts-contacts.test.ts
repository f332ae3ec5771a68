import { expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { splitFullName } from './import-contacts.service.js';
import { refused } from './testing/import-answers.js';

const post = (w: TestWorkspace, user: TestUser, entity: string, csv: string, extra: Record<string, unknown> = {}) =>
  w.as(user).post(`/api/v1/imports/${entity}`, { csv, ...extra });

describeEngines('account and contact import', (env) => {
  it('reads a HubSpot companies export, matches on re-import and updates only what changed', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Sam Stone' });
    const csv = [
      'Record ID,Company name,Company Domain Name,Industry,Number of Employees,Country/Region,Company owner,Create Date',
      `7001,Acme Corp,https://www.acme.example/,Manufacturing,"1,200",Germany,Sam Stone,2025-03-04`,
      `7002,Globex,globex.example,Energy,300,France,${rep.email},2025-05-06`,
      `7003,Initech,,Software,,,,`,
    ].join('\n');
    const res = await post(w, w.admin, 'accounts', `\uFEFF${csv}`);
    expect(res.body).toMatchObject({ ok: true, created: 3 });
    const db = env().database.db;
    const rows = await db.selectFrom('accounts').selectAll().where('workspace_id', '=', w.id).orderBy('name').execute();
    expect(rows.map((a) => [a.name, a.domain, a.size, a.country, a.owner_id, a.external_id])).toEqual([
      ['Acme Corp', 'acme.example', 1200, 'Germany', rep.id, '7001'],
      ['Globex', 'globex.example', 300, 'France', rep.id, '7002'],
      ['Initech', null, null, null, w.admin.id, '7003'],
    ]);
    expect(rows[0]?.created_at).toBe(Date.UTC(2025, 2, 4, 12));

    const edited = csv.replace('Energy,300', 'Energy,350');
    const again = await post(w, w.admin, 'accounts', edited);
    expect(again.body).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 });
    const globex = await db.selectFrom('accounts').selectAll().where('external_id', '=', '7002').where('workspace_id', '=', w.id).executeTakeFirstOrThrow();
    expect(globex).toMatchObject({ size: 350, version: 2 });
    const history = await db.selectFrom('changes').selectAll().where('entity_id', '=', globex.id).where('field', '=', 'size').orderBy('at').execute();
    expect(history.map((h) => [h.from_value, h.to_value, h.via])).toEqual([
      [null, '300', 'import'],
      ['300', '350', 'import'],
    ]);
  });

  it('matches accounts without an external id by domain, then by name', async () => {
    const w = await env().workspace();
    expect((await post(w, w.admin, 'accounts', 'Name,Domain\nAcme,acme.example\nGlobex,')).body).toMatchObject({ created: 2 });
    const res = await post(w, w.admin, 'accounts', 'Name,Domain,Industry\nACME Inc,acme.example,Retail\nglobex,,Energy');
    expect(res.body).toMatchObject({ ok: true, created: 0, updated: 2 });
    const names = await env().database.db.selectFrom('accounts').select(['name', 'industry']).where('workspace_id', '=', w.id).orderBy('industry').execute();
    expect(names).toEqual([
      { name: 'globex', industry: 'Energy' },
      { name: 'ACME Inc', industry: 'Retail' },
    ]);
  });

  it('reads a Pipedrive people export: full names, several emails, organisation links', async () => {
    const w = await env().workspace();
    await post(w, w.admin, 'accounts', 'Name,External ID\nUmbrella,org-1\nStark Industries,org-2');
    const csv = [
      'Person - ID,Person - Name,Person - Email,Person - Phone,Person - Organization,Person - Owner,Person - Job title',
      `11,Ada Lovelace,"ada@umbrella.example, ada.l@home.example",+44 20 7946 0000,Umbrella,,CTO`,
      `12,"Stark, Tony",TONY@stark.example,,Stark Industries,,CEO`,
      `13,Grace Hopper,,,,,Admiral`,
    ].join('\n');
    const res = await post(w, w.admin, 'contacts', csv);
    expect(res.body).toMatchObject({ ok: true, created: 3, errors: [] });
    const db = env().database.db;
    const contacts = await db
      .selectFrom('contacts as c')
      .leftJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['c.first_name', 'c.last_name', 'c.email', 'c.phone', 'c.title', 'a.name as account'])
      .where('c.workspace_id', '=', w.id)
      .orderBy('c.last_name')
      .execute();
    expect(contacts).toEqual([
      { first_name: 'Grace', last_name: 'Hopper', email: null, phone: null, title: 'Admiral', account: null },
      { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@umbrella.example', phone: '+44 20 7946 0000', title: 'CTO', account: 'Umbrella' },
      { first_name: 'Tony', last_name: 'Stark', email: 'tony@stark.example', phone: null, title: 'CEO', account: 'Stark Industries' },
    ]);
    // Without the id column the contacts are still found again: by email, or by name and account.
    const withoutIds = csv
      .split('\n')
      .map((line) => line.replace(/^[^,]*,/, ''))
      .join('\n');
    expect((await post(w, w.admin, 'contacts', withoutIds)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
  });

  it('reads a Salesforce contacts report and reports unknown accounts and missing names per line', async () => {
    const w = await env().workspace();
    await post(w, w.admin, 'accounts', 'Account Name,Account ID\nAcme Corp,001A\nAcme Corp,001B');
    const csv = [
      'First Name,Last Name,Title,Email,Phone,Account Name,Account ID,Contact Owner,Contact ID',
      'Jane,Doe,VP Sales,jane@acme.example,,Acme Corp,001B,,003X',
      'John,Roe,,john@nowhere.example,,Nowhere Ltd,,,003Y',
      ',,,anon@acme.example,,,,,003Z',
      'Jim,Poe,,not-an-email,,Acme Corp,,,003W',
    ].join('\n');
    const res = refused(await post(w, w.admin, 'contacts', csv, { preset: 'salesforce' }));
    expect(res.ok).toBe(false);
    expect(res.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [3, 'account', expect.stringMatching(/no account "Nowhere Ltd" that you can see/)],
      [4, 'firstName', 'a contact needs a first and a last name'],
      [5, 'email', '"not-an-email" is not an email address'],
      [5, 'account', expect.stringMatching(/"Acme Corp" matches 2 accounts; link by Account External ID instead/)],
    ]);
    const fixed = await post(w, w.admin, 'contacts', csv.split('\n').slice(0, 2).join('\n'), { preset: 'salesforce' });
    expect(fixed.body).toMatchObject({ ok: true, created: 1 });
    const jane = await env().database.db.selectFrom('contacts').selectAll().where('workspace_id', '=', w.id).executeTakeFirstOrThrow();
    const acmeB = await env()
      .database.db.selectFrom('accounts')
      .select('id')
      .where('external_id', '=', '001B')
      .where('workspace_id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect(jane).toMatchObject({ first_name: 'Jane', account_id: acmeB.id, external_id: '003X' });
  });

  it('keeps reps to their own records and marketing out of account imports', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const marketing = await w.user('marketing');
    expect((await post(w, other, 'accounts', 'Name\nTheirs')).body).toMatchObject({ ok: true, created: 1 });
    // A rep cannot see another rep's account, so the same name is a new account of their own.
    expect((await post(w, rep, 'accounts', 'Name\nTheirs')).body).toMatchObject({ ok: true, created: 1 });
    expect(refused(await post(w, rep, 'accounts', `Name,Owner\nGift,${other.email}`)).errors[0]).toMatchObject({ line: 2, field: 'owner' });
    expect((await post(w, marketing, 'accounts', 'Name\nX')).status).toBe(403);
    const fields = await w.as(rep).get('/api/v1/imports/contacts/fields');
    expect(fields.status).toBe(200);
    expect(fields.body.fields.find((f: { key: string }) => f.key === 'email')).toEqual({
      key: 'email',
      label: 'Email',
      required: false,
      type: 'text',
      custom: false,
    });
    expect(fields.body.presets.hubspot?.['Phone Number']).toBe('phone');
    expect(fields.body.presets.furrow?.['First Name']).toBe('firstName');
  });
});

it('splits full names', () => {
  expect(splitFullName('Ada Lovelace')).toEqual(['Ada', 'Lovelace']);
  expect(splitFullName('Lovelace, Ada')).toEqual(['Ada', 'Lovelace']);
  expect(splitFullName('Ada King  Lovelace')).toEqual(['Ada King', 'Lovelace']);
  expect(splitFullName('Cher')).toBeNull();
});
