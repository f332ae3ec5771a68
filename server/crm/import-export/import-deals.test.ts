import { expect, it } from 'vitest';
import { describeEngines, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { refused, reportOf } from './testing/import-answers.js';

const day = (date: string, hour = 12) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

async function importCsv(w: TestWorkspace, user: TestUser, entity: string, csv: string, extra: Record<string, unknown> = {}) {
  return w.as(user).post(`/api/v1/imports/${entity}`, { csv, ...extra });
}

async function seedAccounts(w: TestWorkspace, user: TestUser, names: string[]) {
  const csv = ['Name,Domain', ...names.map((n) => `${n},${n.toLowerCase().replace(/\W+/g, '')}.example`)].join('\n');
  const res = await importCsv(w, user, 'accounts', csv);
  expect(res.body).toMatchObject({ ok: true, created: names.length });
}

describeEngines('deal import', (env) => {
  it('imports a Salesforce opportunity report as dated history and is idempotent', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep', { name: 'Dana Reyes' });
    await seedAccounts(w, w.admin, ['Acme Corp', 'Globex', 'Initech']);
    const csv = [
      '"Opportunity Name","Account Name","Amount","Close Date","Stage","Opportunity Owner","Created Date","Opportunity ID","Lead Source"',
      `"Acme - Platform rollout","Acme Corp","$12,500.00","3/15/2026","Closed Won","Dana Reyes","1/10/2026","0065g00000AAA01","Web"`,
      `"Globex expansion","Globex","8,000.00","4/30/2026","Closed Lost","${rep.email}","2/20/2026","0065g00000AAA02",""`,
      `"Initech pilot","Initech","4,250.50","12/20/2026","Proposal","Dana Reyes","11/02/2026","0065g00000AAA03","Partner"`,
    ].join('\r\n');
    const res = await importCsv(w, w.admin, 'deals', csv, { preset: 'salesforce', fileName: 'opportunities.csv' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(reportOf(res.body).mapping).toMatchObject({ 'Opportunity Name': 'name', Stage: 'stage', 'Opportunity ID': 'externalId' });

    const db = env().database.db;
    const deals = await db.selectFrom('deals').selectAll().where('workspace_id', '=', w.id).orderBy('name').execute();
    expect(deals.map((d) => [d.name, d.status, d.amount, d.currency, d.close_date, d.owner_id, d.external_id])).toEqual([
      ['Acme - Platform rollout', 'won', 1_250_000, 'USD', '2026-03-15', rep.id, '0065g00000AAA01'],
      ['Globex expansion', 'lost', 800_000, 'EUR', '2026-04-30', rep.id, '0065g00000AAA02'],
      ['Initech pilot', 'open', 425_050, 'EUR', '2026-12-20', rep.id, '0065g00000AAA03'],
    ]);
    const [won, lost, open] = deals as [(typeof deals)[0], (typeof deals)[0], (typeof deals)[0]];
    expect(won.created_at).toBe(day('2026-01-10'));
    expect(won.closed_at).toBe(day('2026-03-15'));
    expect(lost.lost_reason).toBe('Not recorded');

    // Creation history is dated at the created date, the closing move at the close date.
    const changes = await db.selectFrom('changes').selectAll().where('entity_id', '=', won.id).orderBy('at').execute();
    expect(changes.find((c) => c.field === 'amount')).toMatchObject({ at: day('2026-01-10'), from_value: null, to_value: '1250000', via: 'import' });
    expect(changes.find((c) => c.field === 'status' && c.to_value === 'won')).toMatchObject({ at: day('2026-03-15'), from_value: 'open' });
    const moves = await db.selectFrom('stage_moves').selectAll().where('deal_id', 'in', [won.id, open.id]).orderBy('at').execute();
    expect(moves.map((m) => [m.deal_id, m.at, m.via])).toEqual([
      [won.id, day('2026-03-15'), 'import'],
      [open.id, day('2026-11-02'), 'import'],
    ]);

    const again = await importCsv(w, w.admin, 'deals', csv, { preset: 'salesforce' });
    expect(again.body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    const count = await db
      .selectFrom('deals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', w.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);

    const runs = await db.selectFrom('import_runs').selectAll().where('workspace_id', '=', w.id).where('entity', '=', 'deal').orderBy('started_at').execute();
    expect(runs.map((r) => [r.status, r.created, r.unchanged, r.file_name])).toEqual([
      ['succeeded', 3, 0, 'opportunities.csv'],
      ['succeeded', 0, 3, null],
    ]);
  });

  it('reads a Pipedrive export: the stage reached, then won or lost at the won/lost time', async () => {
    const w = await env().workspace({ timezone: 'Europe/Berlin' });
    const rep = await w.user('rep', { name: 'Jo Park' });
    await seedAccounts(w, w.admin, ['Umbrella', 'Stark Industries']);
    const csv = [
      'Deal - ID;Deal - Title;Deal - Value;Deal - Currency;Deal - Organization;Deal - Owner;Deal - Stage;Deal - Status;Deal - Expected close date;Deal - Deal created;Deal - Won time;Deal - Lost time;Deal - Lost reason',
      `101;Umbrella renewal;"15.000,00";EUR;Umbrella;Jo Park;Negotiation;won;2026-06-30;2026-02-01 09:15:00;2026-06-12 16:40:00;;`,
      `102;Stark pilot;9900;USD;Stark Industries;${rep.email};Solution;lost;2026-05-31;2026-03-03 10:00:00;;2026-05-02 11:00:00;Competitor`,
      `103;Umbrella add-on;2500;EUR;Umbrella;Jo Park;Discovery;open;2027-01-31;2026-10-01 08:00:00;;;`,
    ].join('\n');
    const res = await importCsv(w, w.admin, 'deals', csv);
    expect(res.body).toMatchObject({ ok: true, created: 3, errors: [] });

    const db = env().database.db;
    const stages = await db.selectFrom('stages').select(['id', 'name']).where('workspace_id', '=', w.id).execute();
    const stageName = new Map(stages.map((s) => [s.id, s.name]));
    const deals = await db.selectFrom('deals').selectAll().where('workspace_id', '=', w.id).orderBy('external_id').execute();
    expect(deals.map((d) => [d.external_id, d.status, stageName.get(d.stage_id), d.amount, d.currency, d.close_date, d.lost_reason])).toEqual([
      ['101', 'won', 'Closed Won', 1_500_000, 'EUR', '2026-06-12', null],
      ['102', 'lost', 'Closed Lost', 990_000, 'USD', '2026-05-02', 'Competitor'],
      ['103', 'open', 'Discovery', 250_000, 'EUR', '2027-01-31', null],
    ]);
    // Berlin wall-clock times: 09:15 CET is 08:15 UTC.
    expect(deals[0]?.created_at).toBe(Date.UTC(2026, 1, 1, 8, 15));
    const moves = await db
      .selectFrom('stage_moves')
      .select(['from_stage_id', 'to_stage_id', 'at'])
      .where('deal_id', '=', deals[1]?.id as string)
      .orderBy('at')
      .execute();
    expect(moves.map((m) => [m.from_stage_id && stageName.get(m.from_stage_id), stageName.get(m.to_stage_id), m.at])).toEqual([
      [null, 'Solution', Date.UTC(2026, 2, 3, 9)],
      ['Solution', 'Closed Lost', Date.UTC(2026, 4, 2, 9)],
    ]);
  });

  it('reads a HubSpot deals export and updates changed rows on re-import', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager', { name: 'Kim Lee' });
    await seedAccounts(w, w.admin, ['Hooli']);
    const header = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Create Date,Pipeline,Associated Company,Closed Lost Reason';
    const csv = [header, `9001,Hooli search,Discovery,"2,000",2026-12-31,Kim Lee,2026-09-01 10:00,Sales,Hooli,`].join('\n');
    expect((await importCsv(w, w.admin, 'deals', csv)).body).toMatchObject({ ok: true, created: 1 });

    const changed = [header, `9001,Hooli search,Closed lost,"2,000",2026-11-20,Kim Lee,2026-09-01 10:00,Sales,Hooli,No budget`].join('\n');
    const res = await importCsv(w, w.admin, 'deals', changed, { preset: 'hubspot' });
    expect(res.body).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 0 });
    const deal = await env().database.db.selectFrom('deals').selectAll().where('workspace_id', '=', w.id).executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ status: 'lost', lost_reason: 'No budget', close_date: '2026-11-20', owner_id: manager.id, version: 2 });
    expect(deal.closed_at).toBe(day('2026-11-20'));
  });

  it('reports every bad row with its line, field and reason and writes nothing', async () => {
    const w = await env().workspace();
    await seedAccounts(w, w.admin, ['Acme Corp']);
    const csv = [
      'Name,Account,Amount,Close Date,Stage,Owner,Created At',
      'Good deal,Acme Corp,100,2026-12-01,Qualify,,',
      'Bad amount,Acme Corp,lots,2026-12-01,Qualify,,',
      'Bad stage,Acme Corp,100,2026-12-01,Signed,,',
      '"Multi',
      'line name",Nowhere Inc,100,2026-12-01,Qualify,ghost@example.test,',
      'Bad date,Acme Corp,100,31/31/2026,Qualify,,',
      ',Acme Corp,100,2026-12-01,Qualify,,',
      'Future,Acme Corp,100,2026-12-01,Qualify,,2030-01-01',
      'Good deal,Acme Corp,200,2026-12-01,Qualify,,',
      'Too,many,cells,2026-12-01,Qualify,,,extra',
    ].join('\n');
    const answer = await importCsv(w, w.admin, 'deals', csv);
    const res = refused(answer);
    expect(answer.body.error?.message).toMatch(/^Nothing was imported: 9 problems in the file \(line 3, amount: /);
    expect(res).toMatchObject({ ok: false, dryRun: false, entity: 'deals', rows: 8, created: 0, updated: 0, unchanged: 0 });
    expect(res.id).toBeTruthy();
    expect(res.mapping).toMatchObject({ Name: 'name' });
    const errors = res.errors;
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'amount'],
      [4, 'stage'],
      [5, 'owner'],
      [5, 'account'],
      [7, 'closeDate'],
      [8, 'name'],
      [9, 'createdAt'],
      [10, null],
      [11, null],
    ]);
    expect(errors[1]?.message).toMatch(/no stage "Signed" in pipeline Sales; its stages are Qualify, Discovery/);
    expect(errors[7]?.message).toMatch(/repeats line 2/);
    expect(errors[8]?.message).toMatch(/has 8 cells but the header names 7 columns/);
    expect(res.unmatchedOwners).toEqual(['ghost@example.test']);
    const db = env().database.db;
    expect(await db.selectFrom('deals').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);
    const run = await db.selectFrom('import_runs').selectAll().where('id', '=', res.id).executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(JSON.parse(run.errors)).toHaveLength(9);
  });

  it('takes a file exactly as another CRM exported it: outcome words, mapped values, no close date, one column for two fields', async () => {
    const w = await env().workspace({ fiscalYearStartMonth: 1 });
    await seedAccounts(w, w.admin, ['Acme Corp']);
    const csv = [
      'Opportunity ID,Account,Amount,Close Date,Stage,Region,Created At',
      'OPP-1,Acme Corp,100,2026-03-01,Won,EMEA,2026-01-05',
      'OPP-2,Acme Corp,200,2026-04-01,lost,EMEA,2026-01-06',
      'OPP-3,Acme Corp,300,,Engaging,APAC,2026-02-01',
      'OPP-4,Acme Corp,400,2026-12-31,Prospecting,APAC,2026-02-02',
    ].join('\n');
    const body = {
      mapping: { 'Opportunity ID': 'name+externalId' },
      values: { stage: { engaging: 'Discovery', 'PROSPECTING ': 'Qualify' } },
    };
    // Without the value mapping, the stages the pipeline lacks are named with how to map them.
    const unmapped = await importCsv(w, w.admin, 'deals', csv, { dryRun: true, mapping: body.mapping });
    expect(reportOf(unmapped.body).errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'stage'],
      [5, 'stage'],
    ]);
    expect(reportOf(unmapped.body).errors[0]!.message).toContain('--map-value "stage:Engaging=…"');

    const res = await importCsv(w, w.admin, 'deals', csv, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ok: true, created: 4, mapping: { 'Opportunity ID': 'name+externalId' }, unmapped: ['Region'] });
    expect(reportOf(res.body).notes).toEqual([
      expect.stringMatching(/^1 open deal has no close date in the file; given 2026-12-31 \(the end of the fiscal year\)$/),
    ]);
    const db = env().database.db;
    const deals = await db
      .selectFrom('deals')
      .innerJoin('stages', 'stages.id', 'deals.stage_id')
      .select(['deals.name', 'deals.external_id', 'deals.status', 'deals.close_date', 'stages.name as stage'])
      .where('deals.workspace_id', '=', w.id)
      .orderBy('deals.name')
      .execute();
    expect(deals.map((d) => [d.name, d.external_id, d.status, d.stage, d.close_date])).toEqual([
      ['OPP-1', 'OPP-1', 'won', 'Closed Won', '2026-03-01'],
      ['OPP-2', 'OPP-2', 'lost', 'Closed Lost', '2026-04-01'],
      ['OPP-3', 'OPP-3', 'open', 'Discovery', '2026-12-31'],
      ['OPP-4', 'OPP-4', 'open', 'Qualify', '2026-12-31'],
    ]);
    // Re-running the same file (without a close date for OPP-3) changes nothing.
    expect((await importCsv(w, w.admin, 'deals', csv, body)).body).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 4 });

    const badValues = await importCsv(w, w.admin, 'deals', csv, { ...body, values: { industry: { a: 'b' } } });
    expect(badValues.status).toBe(400);
    expect(badValues.body.error?.details.fields).toEqual([
      { field: 'values.industry', message: 'no column is mapped to industry, so its values cannot be mapped' },
    ]);
  });

  it('answers 400 when the columns cannot be mapped, and checks a dry run without writing', async () => {
    const w = await env().workspace();
    const noName = await importCsv(w, w.admin, 'deals', 'Title,Close\nX,2026-12-01');
    expect(noName.status).toBe(400);
    expect(noName.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['name', 'closeDate']);
    const badMap = await importCsv(w, w.admin, 'deals', 'Title,Close\nX,2026-12-01', { mapping: { Title: 'name', Close: 'closingDay', Nope: 'name' } });
    expect(badMap.status).toBe(400);
    expect(badMap.body.error?.message).toMatch(/"closingDay" is not a field of deals/);

    const dry = await importCsv(w, w.admin, 'deals', 'Title,Close\nX,2026-12-01', { mapping: { Title: 'name', Close: 'closeDate' }, dryRun: true });
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, created: 1, id: null, mapping: { Title: 'name', Close: 'closeDate' } });
    expect(await env().database.db.selectFrom('deals').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);
  });

  it('takes a deal created and won today (before midday) as happening by now', async () => {
    const w = await env().workspace();
    const res = await importCsv(w, w.admin, 'deals', 'Name,Close Date,Stage,Created At\nToday,2026-11-28,Closed Won,2026-11-28');
    expect(res.body).toMatchObject({ ok: true, created: 1 });
    const deal = await env().database.db.selectFrom('deals').selectAll().where('workspace_id', '=', w.id).executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ status: 'won', created_at: env().clock.now, closed_at: env().clock.now, close_date: '2026-11-28' });
  });

  it('asks for the date format when numeric dates are ambiguous', async () => {
    const w = await env().workspace();
    const csv = 'Name,Close Date\nA,03/04/2026\nB,05/06/2026';
    // A dry run succeeded in checking: 200 with the report, whatever it found.
    const res = await importCsv(w, w.admin, 'deals', csv, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, dryRun: true, id: null, rows: 2 });
    expect(reportOf(res.body).errors).toEqual([
      { line: 2, field: 'closeDate', message: expect.stringMatching(/ambiguous.*DD\/MM\/YYYY or MM\/DD\/YYYY/) },
      { line: 3, field: 'closeDate', message: expect.stringMatching(/ambiguous/) },
    ]);
    const dmy = await importCsv(w, w.admin, 'deals', csv, { dateFormat: 'DD/MM/YYYY' });
    expect(dmy.body).toMatchObject({ ok: true, created: 2 });
    const dates = await env().database.db.selectFrom('deals').select('close_date').where('workspace_id', '=', w.id).orderBy('name').execute();
    expect(dates.map((d) => d.close_date)).toEqual(['2026-04-03', '2026-06-05']);
  });

  it('sends every imported stage change through the gate: a blocked move is the row’s error', async () => {
    const w = await env().workspace();
    const admin = w.as(w.admin);
    const { body: list } = await admin.get('/api/v1/pipelines');
    const pipeline = list.items[0];
    const qualify = pipeline!.stages.find((s: { name: string }) => s.name === 'Qualify');
    const added = await admin.post(`/api/v1/stages/${qualify!.id}/criteria`, { version: pipeline!.version, kind: 'field', field: 'nextStep' });
    expect(added.status).toBe(201);

    const csv = [
      'Name,Close Date,Stage,Next Step',
      'Ready,2026-12-01,Discovery,Book the demo',
      'Not ready,2026-12-01,Discovery,',
      'Starts early,2026-12-01,Qualify,',
    ].join('\n');
    const res = refused(await importCsv(w, w.admin, 'deals', csv));
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([{ line: 3, field: 'stage', message: expect.stringMatching(/cannot leave Qualify.*Qualify: /) }]);
    expect(await env().database.db.selectFrom('deals').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);
  });

  it('lets a rep import only deals they own and keeps marketing out', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const marketing = await w.user('marketing');
    const mine = await importCsv(w, rep, 'deals', `Name,Close Date,Owner\nMine,2026-12-01,\nAlso mine,2026-12-01,${rep.email}`);
    expect(mine.body).toMatchObject({ ok: true, created: 2 });
    const theirs = await importCsv(w, rep, 'deals', `Name,Close Date,Owner\nTheirs,2026-12-01,${other.email}`);
    expect(refused(theirs).errors).toEqual([{ line: 2, field: 'owner', message: `you can only import records you own (not ${other.email})` }]);
    expect((await importCsv(w, marketing, 'deals', 'Name,Close Date\nX,2026-12-01')).status).toBe(403);
    expect((await w.as(marketing).get('/api/v1/imports/deals/fields')).status).toBe(403);
  });
});
