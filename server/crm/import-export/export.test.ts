import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { exportRows, neutraliseFormula } from './export.service.js';

const post = (w: TestWorkspace, user: TestUser, entity: string, csv: string, extra: Record<string, unknown> = {}) =>
  w.as(user).post(`/api/v1/imports/${entity}`, { csv, ...extra });

/** The export as records keyed by header. */
async function exported(
  w: TestWorkspace,
  user: TestUser,
  entity: string,
): Promise<{ status: number; rows: Record<string, string>[]; headers: Record<string, unknown> }> {
  const res = await w.as(user).get(`/api/v1/exports/${entity}.csv`);
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
    for await (const row of await exportRows(w.ctx(w.admin), 'deals', 3)) rows.push(row);
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
    expect(neutraliseFormula('+49 30 1234')).toBe('+49 30 1234');

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
});
