import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEngines, type TestEnv, type TestWorkspace } from '../../test/test-env.js';
import { reportOf } from './testing/import-answers.js';

/** Account fields for an account file's extra columns, and a contact field. */
async function defineFields(w: TestWorkspace): Promise<void> {
  const admin = w.as(w.admin);
  for (const field of [
    { entity: 'account', key: 'revenue', label: 'Revenue', type: 'number' },
    { entity: 'account', key: 'year_founded', label: 'Year founded', type: 'number' },
    { entity: 'account', key: 'parent_company', label: 'Parent company', type: 'text' },
    { entity: 'contact', key: 'linkedin', label: 'LinkedIn', type: 'text' },
  ]) {
    expect((await admin.post('/api/v1/custom-fields', field)).status).toBe(201);
  }
}

async function accountsOf(env: () => TestEnv, workspaceId: string) {
  const rows = await env()
    .database.db.selectFrom('accounts')
    .select(['name', 'custom', 'version'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ ...r, custom: JSON.parse(r.custom) as Record<string, unknown> }));
}

const ACCOUNTS = [
  'Account Name,Website,Industry,Revenue,Year founded,Parent company,Fax',
  'Acme GmbH,acme.example,Manufacturing,1200000,1999,Acme Holding,+49 30 1',
  'Globex,globex.example,Software,,2011,,',
].join('\n');

describeEngines('custom fields of accounts and contacts in CSV import and export', (env) => {
  it('maps an account file’s extra columns onto account fields and still lists the columns it does not map', async () => {
    const w = await env().workspace();
    // Before the fields exist the extra columns are listed as unmapped, never silently dropped.
    const before = await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS, dryRun: true });
    expect(before.body).toMatchObject({ ok: true, created: 2 });
    expect(reportOf(before.body).unmapped).toEqual(['Revenue', 'Year founded', 'Parent company', 'Fax']);

    await defineFields(w);
    const fields = await w.as(w.admin).get('/api/v1/imports/accounts/fields');
    expect(fields.body.fields.filter((f: { custom: boolean }) => f.custom).map((f: { key: string }) => f.key)).toEqual([
      'custom.revenue',
      'custom.year_founded',
      'custom.parent_company',
    ]);
    const dry = await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS, dryRun: true });
    expect(reportOf(dry.body).mapping).toMatchObject({
      Revenue: 'custom.revenue',
      'Year founded': 'custom.year_founded',
      'Parent company': 'custom.parent_company',
    });
    expect(reportOf(dry.body).unmapped).toEqual(['Fax']);

    const run = await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS });
    expect(run.body).toMatchObject({ ok: true, created: 2, errors: [] });
    expect((await accountsOf(env, w.id)).map((a) => a.custom)).toEqual([
      { revenue: 1_200_000, year_founded: 1999, parent_company: 'Acme Holding' },
      { year_founded: 2011 },
    ]);
    // The same file again changes nothing; a changed value updates that one account, with its version.
    expect((await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS })).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    const changed = await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS.replace('Acme Holding', 'Acme Group') });
    expect(changed.body).toMatchObject({ ok: true, updated: 1, unchanged: 1 });
    const acme = (await accountsOf(env, w.id))[0];
    expect(acme).toMatchObject({ version: 2, custom: { parent_company: 'Acme Group', revenue: 1_200_000 } });
    const history = await env()
      .database.db.selectFrom('changes')
      .select(['from_value', 'to_value', 'via'])
      .where('workspace_id', '=', w.id)
      .where('field', '=', 'custom.parent_company')
      .orderBy('at')
      .execute();
    expect(history).toEqual([
      { from_value: null, to_value: 'Acme Holding', via: 'import' },
      { from_value: 'Acme Holding', to_value: 'Acme Group', via: 'import' },
    ]);
  });

  it('names the line and field of a bad custom value and writes nothing', async () => {
    const w = await env().workspace();
    await defineFields(w);
    const res = await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS.replace('2011', 'long ago') });
    expect(res.status).toBe(422);
    expect(res.body.error?.details.errors).toEqual([expect.objectContaining({ line: 3, field: 'custom.year_founded' })]);
    expect(await accountsOf(env, w.id)).toEqual([]);
  });

  it('exports account and contact fields as columns that import back unchanged', async () => {
    const w = await env().workspace();
    await defineFields(w);
    await w.as(w.admin).post('/api/v1/imports/accounts', { csv: ACCOUNTS });
    const contacts = ['First Name,Last Name,Email,Account,LinkedIn', 'Ada,Lovelace,ada@acme.example,Acme GmbH,in/ada'].join('\n');
    expect((await w.as(w.admin).post('/api/v1/imports/contacts', { csv: contacts })).body).toMatchObject({ ok: true, created: 1 });
    const contact = await w.as(w.admin).get('/api/v1/contacts');
    expect(contact.body.items[0]?.custom).toEqual({ linkedin: 'in/ada' });

    const accountCsv = (await w.as(w.admin).get('/api/v1/exports/accounts.csv')).body as string;
    const [headers, ...rows] = parse(accountCsv, { bom: true }) as string[][];
    expect(headers?.slice(-3)).toEqual(['Revenue', 'Year founded', 'Parent company']);
    expect(rows.map((r) => r.slice(-3))).toEqual([
      ['1200000', '1999', 'Acme Holding'],
      ['', '2011', ''],
    ]);
    expect((await w.as(w.admin).post('/api/v1/imports/accounts', { csv: accountCsv })).body).toMatchObject({ ok: true, unchanged: 2, errors: [] });
    const contactCsv = (await w.as(w.admin).get('/api/v1/exports/contacts.csv')).body as string;
    expect((parse(contactCsv, { bom: true }) as string[][])[0]?.at(-1)).toBe('LinkedIn');
    expect((await w.as(w.admin).post('/api/v1/imports/contacts', { csv: contactCsv })).body).toMatchObject({ ok: true, unchanged: 1, errors: [] });
  });
});
