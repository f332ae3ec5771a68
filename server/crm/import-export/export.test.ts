import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import type { ExportEntity } from '../../../api/imports.js';
import { neutraliseFormula } from '../../csv-cells.js';
import { describeEngines, type TestError, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { exportRows } from './export.service.js';

const post = (w: TestWorkspace, user: TestUser, entity: string, csv: string, extra: Record<string, unknown> = {}) =>
  w.as(user).post(`/api/v1/imports/${entity}`, { csv, ...extra });

/** The export as records keyed by header. */
async function exported(
  w: TestWorkspace,
  user: TestUser,
  entity: string,
): Promise<{ status: number; rows: Record<string, string>[]; headers: Record<string, unknown> }> {
  const res = await w.as(user).get(`/api/v1/exports/${entity.includes('.csv') ? entity : `${entity}.csv`}`);
  if (res.status !== 200) return { status: res.status, rows: [], headers: res.headers };
  return { status: 200, rows: parse(res.body as string, { bom: true, columns: true }) as Record<string, string>[], headers: res.headers };
}

describeEngines('export', (env) => {
  it('exports exactly what each role can see, like the lists', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const team = await w.team('East', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team });
    const loner = await w.user('rep');
    const marketing = await w.user('marketing');
    await post(
      w,
      w.admin,
      'accounts',
      `Name,Owner,Shared\nRep account,${rep.email},false\nLoner account,${loner.email},false\nShared account,${loner.email},true`,
    );
    await post(w, w.admin, 'contacts', `First Name,Last Name,Account,Owner\nAda,Shared,Shared account,${loner.email}\nBob,Hidden,Loner account,${loner.email}`);
    await post(
      w,
      w.admin,
      'deals',
      `Name,Close Date,Owner\nRep deal,2026-12-01,${rep.email}\nLoner deal,2026-12-01,${loner.email}\nManager deal,2026-12-01,${manager.email}`,
    );

    const names = async (user: TestUser, entity: string) => (await exported(w, user, entity)).rows.map((r) => r.Name ?? r['Last Name']).sort();
    expect(await names(w.admin, 'deals')).toEqual(['Loner deal', 'Manager deal', 'Rep deal']);
    expect(await names(manager, 'deals')).toEqual(['Manager deal', 'Rep deal']);
    expect(await names(rep, 'deals')).toEqual(['Rep deal']);
    expect(await names(rep, 'accounts')).toEqual(['Rep account', 'Shared account']);
    expect(await names(rep, 'contacts')).toEqual(['Shared']);
    expect(await names(marketing, 'accounts')).toEqual(['Loner account', 'Rep account', 'Shared account']);
    expect((await exported(w, marketing, 'deals')).status).toBe(403);
    expect((await exported(w, marketing, 'activities')).status).toBe(403);

    const res = await exported(w, rep, 'deals');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="furrow-deals-2026-11-28.csv"');
    expect(res.rows[0]).toMatchObject({ Name: 'Rep deal', Owner: rep.email, Stage: 'Qualify', Status: 'open', Amount: '0.00', Currency: 'EUR' });
  });

  it('pages through the rows by id without loading them all', async () => {
    const w = await env().workspace();
    const csv = ['Name,Close Date', ...Array.from({ length: 7 }, (_, i) => `Deal ${i},2026-12-01`)].join('\n');
    await post(w, w.admin, 'deals', csv);
    const rows: string[][] = [];
    for await (const row of await exportRows(w.ctx(w.admin), 'deals', { pageSize: 3 })) rows.push(row);
    expect(rows.map((r) => r[1]).sort()).toEqual(['Deal 0', 'Deal 1', 'Deal 2', 'Deal 3', 'Deal 4', 'Deal 5', 'Deal 6']);
    const ids = rows.map((r) => r[0] as string);
    expect(ids).toEqual([...ids].sort());
  });

  it('round-trips: the export imports into another workspace as the same dated history, and back as unchanged', async () => {
    const a = await env().workspace();
    const repA = await a.user('rep', { name: 'Pat Doe' });
    await post(a, a.admin, 'accounts', `Name,Domain,Owner\n=HYPERLINK("x"),evil.example,${repA.email}\nAcme,acme.example,${repA.email}`);
    await post(
      a,
      a.admin,
      'deals',
      [
        'Name,Account,Amount,Close Date,Stage,Owner,Created At,Lost Reason',
        `Won one,Acme,"1,500.00",2026-05-20,Closed Won,${repA.email},2026-02-01,`,
        `Lost one,Acme,700,2026-06-10,Closed Lost,${repA.email},2026-03-01,Timing`,
        `Open one,=HYPERLINK("x"),99.99,2027-01-15,Proposal,${repA.email},2026-10-01,`,
      ].join('\n'),
    );
    const accountsCsv = (await a.as(a.admin).get('/api/v1/exports/accounts.csv')).body as string;
    const dealsCsv = (await a.as(a.admin).get('/api/v1/exports/deals.csv')).body as string;
    expect(accountsCsv).toContain(`'=HYPERLINK(""x"")`);
    expect(neutraliseFormula('+49 30 1234')).toBe("'+49 30 1234");

    expect((await post(a, a.admin, 'accounts', accountsCsv)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    expect((await post(a, a.admin, 'deals', dealsCsv)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });

    const b = await env().workspace();
    await b.user('rep', { name: 'Pat Doe' });
    // Owners are matched by email, which is global; in another workspace the name finds them.
    const toB = (csv: string) => csv.replaceAll(repA.email, 'Pat Doe');
    expect((await post(b, b.admin, 'accounts', toB(accountsCsv))).body).toMatchObject({ ok: true, created: 2 });
    expect((await post(b, b.admin, 'deals', toB(dealsCsv))).body).toMatchObject({ ok: true, created: 3, errors: [] });

    const db = env().database.db;
    const history = async (workspaceId: string) => {
      const deals = await db
        .selectFrom('deals as d')
        .innerJoin('stages as s', 's.id', 'd.stage_id')
        .leftJoin('accounts as ac', 'ac.id', 'd.account_id')
        .select(['d.name', 'd.status', 's.name as stage', 'd.amount', 'd.close_date', 'd.created_at', 'd.closed_at', 'd.lost_reason', 'ac.name as account'])
        .where('d.workspace_id', '=', workspaceId)
        .orderBy('d.name')
        .execute();
      const moves = await db
        .selectFrom('stage_moves as m')
        .innerJoin('stages as s', 's.id', 'm.to_stage_id')
        .select(['s.name', 'm.at'])
        .where('m.workspace_id', '=', workspaceId)
        .orderBy('m.at')
        .execute();
      return { deals, moves };
    };
    const [inA, inB] = [await history(a.id), await history(b.id)];
    expect(inB).toEqual(inA);
    expect(inA.deals.find((d) => d.name === 'Open one')).toMatchObject({ account: '=HYPERLINK("x")', amount: 9999, stage: 'Proposal' });
  });

  it('exports exactly what the filtered, searched and sorted list shows, every page of it, and no more', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    await post(w, w.admin, 'accounts', `Name,Industry,Owner\nAcme,Software,${rep.email}\nGlobex,Retail,${other.email}\nInitech,Software,${other.email}`);
    await post(
      w,
      w.admin,
      'contacts',
      `First Name,Last Name,Email,Account,Owner\nAda,Lovelace,ada@acme.test,Acme,${rep.email}\nBob,Stone,bob@globex.test,Globex,${other.email}`,
    );
    await post(
      w,
      w.admin,
      'deals',
      [
        'Name,Account,Amount,Close Date,Stage,Owner',
        `Acme renewal,Acme,500,2026-12-10,Qualify,${rep.email}`,
        `Acme upsell,Acme,900,2027-01-20,Qualify,${rep.email}`,
        `Acme won,Acme,300,2026-10-01,Closed Won,${rep.email}`,
        `Globex renewal,Globex,700,2026-12-15,Qualify,${other.email}`,
        `Initech pilot,Initech,100,2026-12-20,Qualify,${other.email}`,
      ].join('\n'),
    );
    await post(
      w,
      w.admin,
      'activities',
      [
        'Type,Subject,Occurred At,Completed,Owner',
        `call,Renewal call,2026-11-02T10:00:00Z,true,${rep.email}`,
        `email,Renewal terms,2026-11-10T10:00:00Z,false,${rep.email}`,
        `call,Kickoff,2026-11-20T10:00:00Z,false,${other.email}`,
      ].join('\n'),
    );

    const api = w.as(w.admin);
    /** The export's names in file order, and the list's (same query, one big page) in list order. */
    const both = async (entity: ExportEntity, query: string, name: (r: Record<string, unknown>) => unknown) => {
      const file = await exported(w, w.admin, `${entity}.csv?${query}` as string);
      const list = await api.get(`/api/v1/${entity}?${query}&limit=200`);
      expect(file.status).toBe(200);
      expect(list.status).toBe(200);
      const items: Record<string, unknown>[] = list.body.items;
      return { file: file.rows.map(name), list: items.map(name) };
    };
    const dealName = (r: Record<string, unknown>) => r.Name ?? r.name;
    const sorted = <T>(xs: T[]) => [...xs].sort();

    // Filters and search: the same records as the list (in id order without a sort).
    for (const [query, expected] of [
      ['status=open&q=renewal', ['Acme renewal', 'Globex renewal']],
      [`status=open&ownerId=${rep.id}`, ['Acme renewal', 'Acme upsell']],
      ['status=won', ['Acme won']],
      ['closeFrom=2026-12-01&closeTo=2026-12-31&q=acme', ['Acme renewal']],
      ['q=INITECH', ['Initech pilot']],
    ] as const) {
      const { file, list } = await both('deals', query, dealName);
      expect(sorted(file), query).toEqual([...expected]);
      expect(sorted(list), query).toEqual([...expected]);
    }
    // A sort orders the file as it orders the list, across pages too.
    const bySort = await both('deals', 'status=open&sort=-amount', dealName);
    expect(bySort.file).toEqual(['Acme upsell', 'Globex renewal', 'Acme renewal', 'Initech pilot']);
    expect(bySort.file).toEqual(bySort.list);
    const rows: string[][] = [];
    for await (const row of await exportRows(w.ctx(w.admin), 'deals', { query: { status: 'open', sort: 'closeDate' }, pageSize: 1 })) rows.push(row);
    expect(rows.map((r) => r[1])).toEqual(['Acme renewal', 'Globex renewal', 'Initech pilot', 'Acme upsell']);

    expect(sorted((await both('accounts', 'industry=Software', (r) => r.Name ?? r.name)).file)).toEqual(['Acme', 'Initech']);
    expect((await both('accounts', 'q=glob', (r) => r.Name ?? r.name)).file).toEqual(['Globex']);
    const acme = (await api.get('/api/v1/accounts?q=acme')).body.items[0]!.id as string;
    expect((await both('contacts', `accountId=${acme}`, (r) => r['Last Name'] ?? r.lastName)).file).toEqual(['Lovelace']);
    expect((await both('contacts', 'q=bob%20st', (r) => r['Last Name'] ?? r.lastName)).file).toEqual(['Stone']);
    const subject = (r: Record<string, unknown>) => r.Subject ?? r.subject;
    expect(sorted((await both('activities', 'q=renewal', subject)).file)).toEqual(['Renewal call', 'Renewal terms']);
    expect((await both('activities', 'type=call&completed=false', subject)).file).toEqual(['Kickoff']);
    const fromTo = await both('activities', 'from=2026-11-05T00:00:00Z&to=2026-11-15T00:00:00Z&sort=-occurredAt', subject);
    expect(fromTo.file).toEqual(['Renewal terms']);
    expect(fromTo.file).toEqual(fromTo.list);

    // A filter that matches nothing is the header alone; no parameters is still everything.
    const none = await w.as(w.admin).get('/api/v1/exports/deals.csv?q=nothing-like-this');
    expect(none.status).toBe(200);
    expect(
      String(none.body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
    expect((await exported(w, w.admin, 'deals')).rows).toHaveLength(5);
  });

  it("keeps a rep's filtered export to their own records, whatever the filter asks for", async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    await post(
      w,
      w.admin,
      'deals',
      [
        'Name,Amount,Close Date,Owner',
        `Mine renewal,100,2026-12-01,${rep.email}`,
        `Mine pilot,200,2026-12-01,${rep.email}`,
        `Theirs renewal,300,2026-12-01,${other.email}`,
      ].join('\n'),
    );
    await post(w, w.admin, 'accounts', `Name,Owner,Shared\nMine Co,${rep.email},false\nTheirs Co,${other.email},false\nShared Co,${other.email},true`);
    const names = async (path: string) => (await exported(w, rep, path)).rows.map((r) => r.Name).sort();
    expect(await names('deals.csv?q=renewal')).toEqual(['Mine renewal']);
    expect(await names('deals.csv?status=open&sort=-amount')).toEqual(['Mine pilot', 'Mine renewal']);
    // Asking for another rep's records by owner gives nothing, not their records.
    expect(await names(`deals.csv?ownerId=${other.id}`)).toEqual([]);
    expect(await names(`accounts.csv?ownerId=${other.id}`)).toEqual(['Shared Co']);
    expect(await names('accounts.csv?q=co')).toEqual(['Mine Co', 'Shared Co']);
    // And the manager of nobody, marketing, still gets no deals at all.
    const marketing = await w.user('marketing');
    expect((await exported(w, marketing, 'deals.csv?q=renewal')).status).toBe(403);
  });

  it('answers 400 naming the field for a bad filter, search or sort, as the list does', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const fieldsOf = (body: { error?: TestError }) => body.error?.details.fields.map((f) => f.field);
    for (const [path, field] of [
      ['deals.csv?status=maybe', 'status'],
      ['deals.csv?closeFrom=yesterday', 'closeFrom'],
      ['deals.csv?sort=probability', 'sort'],
      ['accounts.csv?sort=-domain', 'sort'],
      [`contacts.csv?q=${'x'.repeat(201)}`, 'q'],
      ['activities.csv?type=fax', 'type'],
      ['activities.csv?completed=perhaps', 'completed'],
      ['activities.csv?from=last-week', 'from'],
    ] as const) {
      const res = await api.get(`/api/v1/exports/${path}`);
      expect(res.status, path).toBe(400);
      expect(res.body.error?.code, path).toBe('invalid_input');
      expect(fieldsOf(res.body), path).toContain(field);
      // The list answers the same.
      const list = await api.get(`/api/v1/${path.replace('.csv', '')}`);
      expect(list.status, path).toBe(400);
      expect(fieldsOf(list.body), path).toContain(field);
    }
    // Paging is the export's own business, and a parameter the list does not know is refused.
    for (const [path, field] of [
      ['deals.csv?limit=10', 'limit'],
      ['deals.csv?probability=50', 'probability'],
    ] as const) {
      const res = await api.get(`/api/v1/exports/${path}`);
      expect(res.status, path).toBe(400);
      expect(fieldsOf(res.body), path).toContain(field);
    }
  });
});
