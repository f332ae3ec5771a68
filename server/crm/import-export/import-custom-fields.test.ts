import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEngines, type TestEnv, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { refused, reportOf } from './testing/import-answers.js';

const post = (w: TestWorkspace, user: TestUser, entity: string, csv: string, extra: Record<string, unknown> = {}) =>
  w.as(user).post(`/api/v1/imports/${entity}`, { csv, ...extra });

/** The workspace's deal fields: a text field a gate requires, and one of every other type. */
async function defineFields(w: TestWorkspace): Promise<void> {
  const admin = w.as(w.admin);
  for (const field of [
    { key: 'budget_holder', label: 'Budget holder', type: 'text' },
    { key: 'seats', label: 'Seats', type: 'number' },
    { key: 'go_live', label: 'Go-live', type: 'date' },
    { key: 'pilot', label: 'Pilot', type: 'boolean' },
    { key: 'segment', label: 'Segment', type: 'select', options: ['SMB', 'Enterprise'] },
    // Labelled like a built-in column: its header must be its key, so the file stays unambiguous.
    { key: 'lead_source', label: 'Source', type: 'text' },
  ]) {
    const res = await admin.post('/api/v1/deal-fields', field);
    expect(res.status).toBe(201);
  }
}

/** Qualify can only be left once the budget holder is named. */
async function requireBudgetHolder(w: TestWorkspace): Promise<void> {
  const admin = w.as(w.admin);
  const { body: list } = await admin.get('/api/v1/pipelines');
  const pipeline = list.items[0];
  const qualify = pipeline!.stages.find((s: { name: string }) => s.name === 'Qualify');
  const added = await admin.post(`/api/v1/stages/${qualify!.id}/criteria`, { version: pipeline!.version, kind: 'field', field: 'custom.budget_holder' });
  expect(added.status).toBe(201);
}

async function dealsOf(env: () => TestEnv, workspaceId: string) {
  const rows = await env()
    .database.db.selectFrom('deals as d')
    .innerJoin('stages as s', 's.id', 'd.stage_id')
    .select(['d.id', 'd.name', 's.name as stage', 'd.custom', 'd.version'])
    .where('d.workspace_id', '=', workspaceId)
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ ...r, custom: JSON.parse(r.custom) as Record<string, unknown> }));
}

async function changeCount(env: () => TestEnv, workspaceId: string): Promise<number> {
  const row = await env()
    .database.db.selectFrom('changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEngines('custom deal fields in CSV import and export', (env) => {
  it('lists the custom fields with their labels and types, and maps a column by key, label or mapping', async () => {
    const w = await env().workspace();
    await defineFields(w);
    const res = await w.as(w.admin).get('/api/v1/imports/deals/fields');
    expect(res.status).toBe(200);
    const custom = res.body.fields.filter((f: { custom: boolean }) => f.custom);
    expect(custom).toEqual([
      { key: 'custom.budget_holder', label: 'Budget holder', required: false, type: 'text', custom: true },
      { key: 'custom.seats', label: 'Seats', required: false, type: 'number', custom: true },
      { key: 'custom.go_live', label: 'Go-live', required: false, type: 'date', custom: true },
      { key: 'custom.pilot', label: 'Pilot', required: false, type: 'boolean', custom: true },
      { key: 'custom.segment', label: 'Segment', required: false, type: 'select', custom: true, options: ['SMB', 'Enterprise'] },
      { key: 'custom.lead_source', label: 'Source', required: false, type: 'text', custom: true },
    ]);
    expect(res.body.fields.find((f: { key: string }) => f.key === 'amount')).toMatchObject({ type: 'money', custom: false });
    // Deal fields are not account columns.
    const accounts = await w.as(w.admin).get('/api/v1/imports/accounts/fields');
    expect(accounts.body.fields.some((f: { custom: boolean }) => f.custom)).toBe(false);

    const csv = ['Name,Close Date,custom.seats,Budget holder,Head count,Source', 'Mapped,2026-12-01,12,Dana CFO,,Web'].join('\n');
    const dry = await post(w, w.admin, 'deals', csv, { dryRun: true, mapping: { 'Head count': 'ignore' } });
    expect(dry.body).toMatchObject({ ok: true, created: 1 });
    // A label shared with a built-in field leaves the header to the built-in one.
    expect(reportOf(dry.body).mapping).toEqual({
      Name: 'name',
      'Close Date': 'closeDate',
      'custom.seats': 'custom.seats',
      'Budget holder': 'custom.budget_holder',
      Source: 'source',
    });
    const mapped = await post(w, w.admin, 'deals', csv.replace('Head count', 'Segment code').replace(',,Web', ',SMB,Web'), {
      mapping: { 'Segment code': 'custom.segment', Source: 'custom.lead_source' },
    });
    expect(mapped.body).toMatchObject({ ok: true, created: 1 });
    expect((await dealsOf(env, w.id))[0]?.custom).toEqual({ seats: 12, budget_holder: 'Dana CFO', segment: 'SMB', lead_source: 'Web' });

    const unknown = await post(w, w.admin, 'deals', 'Name,Close Date,Colour\nX,2026-12-01,red', { mapping: { Colour: 'custom.colour' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/"custom.colour" is not a field of deals; fields are .*custom\.segment/);
  });

  it('checks every custom value by its type, names line and field, and writes nothing', async () => {
    const w = await env().workspace();
    await defineFields(w);
    const csv = [
      'Name,Close Date,Seats,Go-live,Pilot,Segment,Budget holder',
      'Good,2026-12-01,"25",15/01/2027,yes,Enterprise,Dana',
      'Bad seats,2026-12-01,many,,,,',
      'Bad date,2026-12-01,,31/02/2027,,,',
      'Bad flag,2026-12-01,,,maybe,,',
      'Bad option,2026-12-01,,,,Huge,',
      `Too long,2026-12-01,,,,,${'x'.repeat(2001)}`,
      'Two bad,2026-12-01,1.2.3,,,smb,',
    ].join('\n');
    const res = refused(await post(w, w.admin, 'deals', csv));
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([
      { line: 3, field: 'custom.seats', message: 'Seats must be a number (got "many")' },
      { line: 4, field: 'custom.go_live', message: '"31/02/2027" is not a valid DD/MM/YYYY date' },
      { line: 5, field: 'custom.pilot', message: expect.stringMatching(/^Pilot: "maybe" is not yes\/no/) },
      { line: 6, field: 'custom.segment', message: 'Segment must be one of: SMB, Enterprise (got "Huge")' },
      { line: 7, field: 'custom.budget_holder', message: 'is 2001 characters long; at most 2000 fit' },
      { line: 8, field: 'custom.seats', message: 'Seats must be a number (got "1.2.3")' },
      { line: 8, field: 'custom.segment', message: 'Segment must be one of: SMB, Enterprise (got "smb")' },
    ]);
    expect(await dealsOf(env, w.id)).toEqual([]);

    const good = await post(w, w.admin, 'deals', csv.split('\n').slice(0, 2).join('\n'));
    expect(good.body).toMatchObject({ ok: true, created: 1 });
    // The file's dates are day first (15/01), so the custom date is read that way too.
    expect((await dealsOf(env, w.id))[0]?.custom).toEqual({ seats: 25, go_live: '2027-01-15', pilot: true, segment: 'Enterprise', budget_holder: 'Dana' });
  });

  it('passes the custom values to the stage gate: a row that fills the required field passes, one without it is refused', async () => {
    const w = await env().workspace();
    await defineFields(w);
    await requireBudgetHolder(w);
    const header = 'Name,Close Date,Stage,Budget holder,Seats';
    const report = refused(
      await post(
        w,
        w.admin,
        'deals',
        [header, 'Named,2026-12-01,Discovery,Dana (CFO),10', 'Unnamed,2026-12-01,Discovery,,10', 'Early,2026-12-01,Qualify,,'].join('\n'),
      ),
    );
    expect({ ok: report.ok, errors: report.errors }).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'stage', message: expect.stringMatching(/cannot leave Qualify.*\(Qualify: .*Budget holder/i) }],
    });
    expect(await dealsOf(env, w.id)).toEqual([]);

    const csv = [header, 'Named,2026-12-01,Discovery,Dana (CFO),10', 'Early,2026-12-01,Qualify,,'].join('\n');
    expect((await post(w, w.admin, 'deals', csv)).body).toMatchObject({ ok: true, created: 2, errors: [] });
    const deals = await dealsOf(env, w.id);
    expect(deals.map((d) => [d.name, d.stage, d.custom])).toEqual([
      ['Early', 'Qualify', {}],
      ['Named', 'Discovery', { budget_holder: 'Dana (CFO)', seats: 10 }],
    ]);
    const db = env().database.db;
    const named = deals[1] as (typeof deals)[0];
    const history = await db.selectFrom('changes').select(['field', 'from_value', 'to_value']).where('entity_id', '=', named.id).execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { field: 'custom.budget_holder', from_value: null, to_value: 'Dana (CFO)' },
        { field: 'custom.seats', from_value: null, to_value: '10' },
      ]),
    );
    const move = await db.selectFrom('stage_moves').selectAll().where('deal_id', '=', named.id).executeTakeFirstOrThrow();
    expect(move).toMatchObject({ criteria_met: 1, via: 'import' });

    // The same file again changes nothing; a file that fills the field lets the early deal move on.
    const before = await changeCount(env, w.id);
    expect((await post(w, w.admin, 'deals', csv)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    expect(await changeCount(env, w.id)).toBe(before);
    expect((await dealsOf(env, w.id)).map((d) => d.version)).toEqual([1, 1]);

    const blocked = await post(w, w.admin, 'deals', [header, 'Early,2026-12-01,Discovery,,'].join('\n'));
    expect(refused(blocked).errors).toEqual([{ line: 2, field: 'stage', message: expect.stringMatching(/Qualify: .*Budget holder/i) }]);
    const moved = await post(w, w.admin, 'deals', [header, 'Early,2026-12-01,Discovery,Sam (VP),', 'Named,2026-12-01,Discovery,,12'].join('\n'));
    expect(moved.body).toMatchObject({ ok: true, updated: 2, unchanged: 0 });
    expect((await dealsOf(env, w.id)).map((d) => [d.name, d.stage, d.custom])).toEqual([
      ['Early', 'Discovery', { budget_holder: 'Sam (VP)' }],
      // An empty cell leaves the value alone; only the changed value has a history row.
      ['Named', 'Discovery', { budget_holder: 'Dana (CFO)', seats: 12 }],
    ]);
    const seats = await db
      .selectFrom('changes')
      .select(['from_value', 'to_value'])
      .where('entity_id', '=', named.id)
      .where('field', '=', 'custom.seats')
      .orderBy('id')
      .execute();
    expect(seats).toEqual([
      { from_value: null, to_value: '10' },
      { from_value: '10', to_value: '12' },
    ]);
  });

  it('exports a column per custom field that imports back unchanged, here and into another workspace, and only what the user sees', async () => {
    const a = await env().workspace();
    const rep = await a.user('rep', { name: 'Pat Doe' });
    const other = await a.user('rep', { name: 'Lee Roe' });
    await defineFields(a);
    await requireBudgetHolder(a);
    const csv = [
      'Name,Close Date,Stage,Owner,Budget holder,Seats,Go-live,Pilot,Segment,custom.lead_source',
      `Full,2027-01-15,Proposal,${rep.email},=Dana (CFO),2.5,2027-03-01,no,Enterprise,Partner`,
      `Bare,2027-01-15,Qualify,${rep.email},,,,,,`,
      `Theirs,2027-01-15,Discovery,${other.email},Kim,0,,true,SMB,`,
    ].join('\n');
    expect((await post(a, a.admin, 'deals', csv)).body).toMatchObject({ ok: true, created: 3 });

    const exported = (await a.as(a.admin).get('/api/v1/exports/deals.csv')).body as string;
    const [headers, ...rows] = parse(exported, { bom: true }) as string[][];
    expect(headers?.slice(-6)).toEqual(['Budget holder', 'Seats', 'Go-live', 'Pilot', 'Segment', 'custom.lead_source']);
    const byName = new Map(rows.map((r) => [r[1], r.slice(-6)]));
    expect(byName.get('Full')).toEqual(["'=Dana (CFO)", '2.5', '2027-03-01', 'false', 'Enterprise', 'Partner']);
    expect(byName.get('Bare')).toEqual(['', '', '', '', '', '']);
    expect(byName.get('Theirs')).toEqual(['Kim', '0', '', 'true', 'SMB', '']);

    // Round trip: nothing changes, not even history.
    const before = await changeCount(env, a.id);
    expect((await post(a, a.admin, 'deals', exported)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await changeCount(env, a.id)).toBe(before);

    // A rep exports their own deals only, custom columns included, and that file is unchanged too.
    const mine = (await a.as(rep).get('/api/v1/exports/deals.csv')).body as string;
    const mineRows = parse(mine, { bom: true, columns: true }) as Record<string, string>[];
    expect(mineRows.map((r) => [r.Name, r['Budget holder']]).sort()).toEqual([
      ['Bare', ''],
      ['Full', '=Dana (CFO)'.replace(/^/, "'")],
    ]);
    expect((await post(a, rep, 'deals', mine)).body).toMatchObject({ ok: true, unchanged: 2 });
    expect(await changeCount(env, a.id)).toBe(before);

    // Another workspace with the same fields gets the same values (and the gate sees them).
    const b = await env().workspace();
    await b.user('rep', { name: 'Pat Doe' });
    await b.user('rep', { name: 'Lee Roe' });
    await defineFields(b);
    await requireBudgetHolder(b);
    const toB = exported.replaceAll(rep.email, 'Pat Doe').replaceAll(other.email, 'Lee Roe');
    expect((await post(b, b.admin, 'deals', toB)).body).toMatchObject({ ok: true, created: 3, errors: [] });
    const strip = (deals: Awaited<ReturnType<typeof dealsOf>>) => deals.map((d) => [d.name, d.stage, d.custom]);
    expect(strip(await dealsOf(env, b.id))).toEqual(strip(await dealsOf(env, a.id)));
    expect((await dealsOf(env, b.id)).find((d) => d.name === 'Full')?.custom).toEqual({
      budget_holder: '=Dana (CFO)',
      seats: 2.5,
      go_live: '2027-03-01',
      pilot: false,
      segment: 'Enterprise',
      lead_source: 'Partner',
    });
  });
});
