// Leads from Salesforce's and HubSpot's exports, through the import engine: their status words
// become Furrow's lifecycle and their dates the history, so the funnel of the past year counts them
// (checked against hand counts of the files and against the independent reference); matched by
// email, never twice; bad cells named by column; only marketing and admins import; an owner of
// another workspace is refused; and old leads brought in alert nobody when the SLA jobs run.
import { expect, it } from 'vitest';
import { boundsOf, parsePeriodKey } from '../../../lib/periods.js';
import { planLeadSlaAlertsJob } from '../../alignment/sla-alerts.jobs.js';
import { agreementInForce, TERMS } from '../../alignment/testing.js';
import { enqueue } from '../../jobs/jobs.service.js';
import { JOBS, SCHEDULES } from '../../jobs/registry.js';
import { createJobRunner } from '../../jobs/runner.js';
import { funnelFigures, loadFunnelData } from '../../measurement/testing/funnel-reference.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../../test/test-env.js';
import { reportOf } from './testing/import-answers.js';

const post = (w: TestWorkspace, user: TestUser, csv: string, extra: Record<string, unknown> = {}) =>
  w.as(user).post('/api/v1/imports/leads', { csv, ...extra });

/** Salesforce's Lead report export: US dates, its default Lead Status picklist. */
const salesforce = (rep: TestUser) =>
  [
    'Lead ID,First Name,Last Name,Email,Company,Title,Industry,No. of Employees,Country,Lead Source,Lead Status,Lead Owner,Created Date,Converted Date',
    `00Q001,Ann,Alpha,ann@alpha.example,Alpha Soft,VP Sales,Software,300,Germany,Webinar,Closed - Converted,${rep.email},01/15/2026,02/20/2026`,
    `00Q002,Ben,Beta,ben@beta.example,Beta GmbH,CTO,Manufacturing,40,Germany,Web,Open - Not Contacted,${rep.email},03/14/2026,`,
    `00Q003,Cy,Gamma,cy@gamma.example,Gamma AG,Head of Sales,Software,800,Austria,Trade Show,Working - Contacted,${rep.email},08/18/2026,`,
    '00Q004,Di,Delta,di@delta.example,Delta Ltd,Intern,Retail,5,United Kingdom,Web,Closed - Not Converted,,09/21/2026,',
  ].join('\n');

/** HubSpot's contacts export: lifecycle stage labels and the "Became a … Date" columns. */
const hubspot = (rep: TestUser) =>
  [
    'Record ID,First Name,Last Name,Email,Company Name,Job Title,Industry,Number of Employees,Country/Region,Original Source,Lifecycle Stage,Contact owner,Create Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became a Customer Date',
    `501,Eve,Echo,eve@echo.example,Echo Inc,VP Sales,Software,250,United States,Organic Search,Sales Qualified Lead,${rep.email},2026-02-02 10:15,2026-02-10 09:00,2026-03-05 14:00,`,
    '502,Fay,Fox,fay@fox.example,Fox Co,Manager,Software,60,United States,Paid Social,Marketing Qualified Lead,,2026-05-03 08:00,2026-05-20 11:30,,',
    '503,Gus,Golf,gus@golf.example,Golf LLC,,,,United States,Direct Traffic,Lead,,2026-06-11 16:45,,,',
    `504,Hal,Hotel,hal@hotel.example,Hotel Co,CEO,Software,120,United States,Email Marketing,Customer,${rep.email},2026-07-01 09:00,2026-07-02 09:00,2026-07-15 09:00,2026-08-03 10:00`,
    // The Salesforce lead again (HubSpot knows her too): matched by email, not added twice.
    '505,Ann,Alpha,ANN@alpha.example,Alpha Soft,VP Sales,Software,300,Germany,Webinar,Marketing Qualified Lead,,2026-01-10 09:00,2026-01-11 09:00,,',
  ].join('\n');

/**
 * The funnel of FY2026 counted by hand from the two files: each created lead's first MQL instant
 * (a Salesforce lead is sales' from its creation, so its created date) and whether it was accepted.
 */
const BY_HAND = [
  { email: 'ann@alpha.example', mql: '2026-01-15', accepted: true },
  { email: 'ben@beta.example', mql: '2026-03-14', accepted: false },
  { email: 'cy@gamma.example', mql: '2026-08-18', accepted: true },
  { email: 'di@delta.example', mql: '2026-09-21', accepted: false },
  { email: 'eve@echo.example', mql: '2026-02-10', accepted: true },
  { email: 'fay@fox.example', mql: '2026-05-20', accepted: false },
  { email: 'hal@hotel.example', mql: '2026-07-02', accepted: true },
];

describeEngines('lead import', { ownDatabase: true }, (env) => {
  /** A workspace with agreement 1 in force from January 2026 and agreement 2 from July; the import runs on 30 November. */
  async function setUp() {
    env().clock.now = Date.parse('2026-01-01T08:00:00Z');
    const w = await env().workspace({ timezone: 'Europe/Berlin', fiscalYearStartMonth: 1 });
    const marketing = await w.user('marketing', { name: 'Mo Marketing' });
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const team = await w.team('Inbound', { managerId: manager.id });
    const rep = await w.user('rep', { teamId: team, name: 'Rita Rep' });
    const settings = (await w.as(w.admin).get('/api/v1/lead-settings')).body;
    const put = await w.as(w.admin).put('/api/v1/lead-settings', {
      version: settings.version,
      routing: { ...settings.routing, defaultTeamId: team },
      businessHours: settings.businessHours,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const first = await agreementInForce(w, marketing);
    env().clock.now = Date.parse('2026-07-01T06:00:00Z');
    const second = await agreementInForce(w, marketing, { ...TERMS, mqlThreshold: 30 });
    env().clock.now = Date.parse('2026-11-30T10:00:00Z');
    return { w, marketing, manager, rep, team, first, second };
  }

  it('imports a Salesforce and a HubSpot lead export with their dates, and the funnel of that year counts them', async () => {
    const { w, marketing, manager, rep, team, first, second } = await setUp();
    // Eve is a contact already: the lead is linked to her, as intake links.
    const contact = await w.as(w.admin).post('/api/v1/contacts', { firstName: 'Eve', lastName: 'Echo', email: 'Eve@echo.example' });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);

    const check = await post(w, marketing, salesforce(rep), { dryRun: true });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body).toMatchObject({ ok: true, dryRun: true, created: 4, errors: [] });
    expect(reportOf(check.body).valueChoices.find((c) => c.field === 'status')!.values).toEqual(
      expect.arrayContaining([{ value: 'Closed - Converted', rows: 1, target: 'converted', how: 'proposed' }]),
    );
    const sf = await post(w, marketing, salesforce(rep), { fileName: 'salesforce-leads.csv' });
    expect(sf.status, JSON.stringify(sf.body)).toBe(200);
    expect(sf.body).toMatchObject({ ok: true, created: 4, unmapped: [] });
    const hs = await post(w, marketing, hubspot(rep));
    expect(hs.status, JSON.stringify(hs.body)).toBe(200);
    expect(hs.body).toMatchObject({ ok: true, created: 4, unchanged: 1 });
    // Twice: nothing new.
    expect((await post(w, marketing, salesforce(rep))).body).toMatchObject({ ok: true, created: 0, unchanged: 4 });

    const db = env().database.db;
    const leads = await db.selectFrom('leads').selectAll().where('workspace_id', '=', w.id).orderBy('email').execute();
    expect(leads.map((l) => l.email)).toEqual([
      'ann@alpha.example',
      'ben@beta.example',
      'cy@gamma.example',
      'di@delta.example',
      'eve@echo.example',
      'fay@fox.example',
      'gus@golf.example',
      'hal@hotel.example',
    ]);
    const lead = (email: string) => leads.find((l) => l.email === email) as (typeof leads)[number];
    // Dates kept: a bare date is midday in the workspace's zone, a HubSpot time is Berlin time.
    expect(lead('ann@alpha.example')).toMatchObject({
      status: 'converted',
      received_at: Date.parse('2026-01-15T11:00:00Z'),
      created_at: Date.parse('2026-01-15T11:00:00Z'),
      mql_at: Date.parse('2026-01-15T11:00:00Z'),
      converted_at: Date.parse('2026-02-20T11:00:00Z'),
      owner_id: rep.id,
      team_id: team,
      source: 'Webinar',
      agreement_id: first.id,
      external_id: '00Q001',
      routed_at: null,
      accept_due_at: null,
    });
    expect(lead('di@delta.example')).toMatchObject({ status: 'rejected', rejection_reason: 'Not recorded', owner_id: null, agreement_id: second.id });
    expect(lead('cy@gamma.example')).toMatchObject({ status: 'accepted', agreement_id: second.id });
    expect(lead('eve@echo.example')).toMatchObject({
      status: 'sql',
      received_at: Date.parse('2026-02-02T09:15:00Z'),
      mql_at: Date.parse('2026-02-10T08:00:00Z'),
      sql_at: Date.parse('2026-03-05T13:00:00Z'),
      matched_contact_id: contact.body.id,
      source: 'Organic Search',
      agreement_id: first.id,
    });
    expect(lead('gus@golf.example')).toMatchObject({ status: 'new', agreement_id: null, mql_at: null });
    // Scored under the version it recorded, every point explained.
    expect(lead('ann@alpha.example').score).toBe(60);
    expect(JSON.parse(lead('ann@alpha.example').score_explanation)).toHaveLength(3);

    const history = await db
      .selectFrom('lead_transitions')
      .select(['from_status', 'to_status', 'at', 'agreement_id'])
      .where('lead_id', '=', lead('hal@hotel.example').id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(history.map((t) => [t.from_status, t.to_status, new Date(Number(t.at)).toISOString()])).toEqual([
      [null, 'new', '2026-07-01T07:00:00.000Z'],
      ['new', 'mql', '2026-07-02T07:00:00.000Z'],
      ['mql', 'accepted', '2026-07-02T07:00:00.000Z'],
      ['accepted', 'sql', '2026-07-15T07:00:00.000Z'],
      ['sql', 'converted', '2026-08-03T08:00:00.000Z'],
    ]);

    // The funnel of FY2026 and of its first quarter: the hand counts, the reference, the API agree.
    const data = await loadFunnelData(db, w.id);
    for (const key of ['FY2026', 'FY2026-Q1', 'FY2026-Q3']) {
      const period = parsePeriodKey(key, 1);
      if (!period) throw new Error(key);
      const cohort = BY_HAND.filter((l) => l.mql >= period.from && l.mql <= period.to);
      const reference = funnelFigures(data, {
        range: { from: period.from, to: period.to, ...boundsOf(period, 'Europe/Berlin') },
        at: env().clock.now,
        owners: null,
      });
      const mqls = await w.as(marketing).get(`/api/v1/kpis/lead_mqls?period=${key}&scope=workspace`);
      expect(mqls.status, JSON.stringify(mqls.body)).toBe(200);
      expect(mqls.body.value, key).toBe(cohort.length);
      expect(reference.lead_mqls, key).toBe(cohort.length);
      const sal = await w.as(marketing).get(`/api/v1/kpis/mql_to_sal?period=${key}&scope=workspace`);
      expect(sal.body.value, key).toBeCloseTo(cohort.filter((l) => l.accepted).length / cohort.length, 9);
      expect(reference.mql_to_sal, key).toBeCloseTo(sal.body.value!, 9);
    }
    // Managers read their team's funnel: the rep's imported leads are in it.
    const teamMqls = await w.as(manager).get(`/api/v1/kpis/lead_mqls?period=FY2026&scope=team&scopeId=${team}`);
    expect(teamMqls.body.value).toBe(BY_HAND.filter((l) => ['ann', 'ben', 'cy', 'eve', 'hal'].includes(l.email.split('@')[0] as string)).length);
  });

  it('brings old open leads in without SLA clocks: the alert jobs tell nobody', async () => {
    const { w, marketing, manager, rep } = await setUp();
    expect((await post(w, marketing, salesforce(rep))).body).toMatchObject({ ok: true, created: 4 });
    expect((await post(w, marketing, hubspot(rep))).body).toMatchObject({ ok: true, created: 4 });
    const runner = createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: JOBS, schedules: SCHEDULES });
    for (let i = 0; i < 2; i++) {
      await enqueue({ db: env().database.db, now: () => env().clock.now }, planLeadSlaAlertsJob, {}, { workspaceId: w.id });
      await runner.runDue();
      await runner.runDue();
      env().clock.now += 3 * 86_400_000;
    }
    const db = env().database.db;
    const planned = await db.selectFrom('jobs').select(['state']).where('workspace_id', '=', w.id).where('name', '=', planLeadSlaAlertsJob.name).execute();
    expect(planned.length).toBeGreaterThanOrEqual(2);
    expect(new Set(planned.map((j) => j.state))).toEqual(new Set(['done']));
    expect(await db.selectFrom('lead_sla_alerts').selectAll().where('workspace_id', '=', w.id).execute()).toEqual([]);
    for (const who of [rep, manager, marketing, w.admin]) {
      const inbox = await w.as(who).get('/api/v1/notifications?limit=50');
      expect(inbox.status).toBe(200);
      expect(
        inbox.body.items.filter((n: { kind: string }) => n.kind.startsWith('alignment.lead')),
        who.email,
      ).toEqual([]);
    }
    // The rep's queue shows the open ones without a running clock.
    const queue = await w.as(rep).get('/api/v1/leads?limit=50');
    const ben = queue.body.items.find((l) => l.email === 'ben@beta.example');
    expect(ben).toMatchObject({ status: 'mql', routedAt: null, sla: { accept: { state: 'none' } } });
  });

  it('moves leads on when a later export says so, through the lifecycle with the file’s dates, never back; links converted leads to their deals', async () => {
    const { w, marketing, rep } = await setUp();
    const deal = await w
      .as(w.admin)
      .post('/api/v1/deals', { name: 'Kilo renewal', amount: 500_00, closeDate: '2027-03-31', ownerId: rep.id, externalId: '006KILO' });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    const head = 'Lead ID,Last Name,Email,Company,Lead Status,Lead Owner,Created Date,SQL Date,Converted Date,Last Modified Date,Converted Opportunity ID';
    const march = [
      head,
      `1,Kilo,kim@kilo.example,Kilo,Open - Not Contacted,${rep.email},03/02/2026,,,,`,
      `2,Lima,lou@lima.example,Lima,Qualified,${rep.email},03/02/2026,03/20/2026,,,`,
      `3,Mike,max@mike.example,Mike,Working - Contacted,${rep.email},03/02/2026,,,,`,
      `4,November,nat@november.example,November,Working - Contacted,${rep.email},03/02/2026,,,,`,
    ].join('\n');
    expect((await post(w, marketing, march)).body).toMatchObject({ ok: true, created: 4 });
    // A rep moves one on in Furrow before the next export.
    const db = env().database.db;
    const idOf = async (email: string) =>
      await db.selectFrom('leads').select(['id', 'version']).where('workspace_id', '=', w.id).where('email', '=', email).executeTakeFirstOrThrow();
    const nat = await idOf('nat@november.example');
    const qualified = await w.as(rep).post(`/api/v1/leads/${nat.id}/qualify`, { version: nat.version });
    expect(qualified.status, JSON.stringify(qualified.body)).toBe(200);

    const june = [
      head,
      // MQL → SQL: accepted (undated: the lead's last step) and SQL on its date.
      `1,Kilo,kim@kilo.example,Kilo,Qualified,${rep.email},03/02/2026,06/10/2026,,,`,
      // SQL → converted, with the opportunity the deal import brought in.
      `2,Lima,lou@lima.example,Lima,Closed - Converted,${rep.email},03/02/2026,03/20/2026,06/12/2026,,006KILO`,
      // Back from accepted to MQL: not moved.
      `3,Mike,max@mike.example,Mike,Open - Not Contacted,${rep.email},03/02/2026,,,,`,
      // Furrow has it as SQL already: the file is behind.
      `4,November,nat@november.example,November,Working - Contacted,${rep.email},03/02/2026,,,,`,
    ].join('\n');
    const check = await post(w, marketing, june, { dryRun: true });
    expect(check.body).toMatchObject({ ok: true, created: 0, updated: 2, unchanged: 2 });
    // The rows left alone say why, so "unchanged" never reads as "the file was ignored".
    const behind = [
      'Line 4: max@mike.example left as it is — Furrow has the lead as accepted (SAL), the file as an MQL: the file is behind, and a lead is never moved back (it was worked in Furrow since)',
      'Line 5: nat@november.example left as it is — Furrow has the lead as an SQL, the file as accepted (SAL): the file is behind, and a lead is never moved back (it was worked in Furrow since)',
    ];
    expect(reportOf(check.body).notes).toEqual(behind);
    const res = await post(w, marketing, june);
    expect(res.body).toMatchObject({ ok: true, created: 0, updated: 2, unchanged: 2, notes: behind });
    // Twice: nothing more to do; the rows the file has where Furrow has them need no word.
    const again = await post(w, marketing, june);
    expect(again.body).toMatchObject({ ok: true, updated: 0, unchanged: 4, notes: behind });

    const steps = async (email: string) =>
      (
        await db
          .selectFrom('lead_transitions')
          .select(['from_status', 'to_status', 'at'])
          .where('lead_id', '=', (await idOf(email)).id)
          .orderBy('at')
          .orderBy('id')
          .execute()
      ).map((t) => `${t.from_status ?? '-'}→${t.to_status} ${new Date(Number(t.at)).toISOString().slice(0, 10)}`);
    expect(await steps('kim@kilo.example')).toEqual(['-→new 2026-03-02', 'new→mql 2026-03-02', 'mql→accepted 2026-03-02', 'accepted→sql 2026-06-10']);
    expect(await steps('lou@lima.example')).toEqual([
      '-→new 2026-03-02',
      'new→mql 2026-03-02',
      'mql→accepted 2026-03-02',
      'accepted→sql 2026-03-20',
      'sql→converted 2026-06-12',
    ]);
    expect(await steps('max@mike.example')).toEqual(['-→new 2026-03-02', 'new→mql 2026-03-02', 'mql→accepted 2026-03-02']);
    const lou = await w.as(marketing).get(`/api/v1/leads/${(await idOf('lou@lima.example')).id}`);
    expect(lou.body).toMatchObject({ status: 'converted', dealId: deal.body.id, convertedAt: '2026-06-12T10:00:00.000Z' });
    expect((await w.as(marketing).get(`/api/v1/leads/${(await idOf('kim@kilo.example')).id}`)).body).toMatchObject({
      status: 'sql',
      sqlAt: '2026-06-10T10:00:00.000Z',
    });

    // A step dated before Furrow's history of the lead, or an opportunity Furrow does not have: that row's error, nothing written.
    const stale = [
      head,
      `1,Kilo,kim@kilo.example,Kilo,Closed - Converted,${rep.email},03/02/2026,,05/01/2026,,`,
      `3,Mike,max@mike.example,Mike,Closed - Converted,${rep.email},03/02/2026,07/01/2026,07/02/2026,,006NOPE`,
    ].join('\n');
    const refused = await post(w, marketing, stale, { dateFormat: 'MM/DD/YYYY' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error?.details.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'convertedAt'],
      [3, 'deal'],
    ]);
    expect(refused.body.error?.details.errors[0]?.message).toContain("lies before the lead's last step in Furrow (2026-06-10)");
    expect(refused.body.error?.details.errors[1]?.message).toContain('006NOPE');
    expect(await steps('max@mike.example')).toHaveLength(3);

    // A domain match: a colleague of an imported lead is flagged, not merged; free mail matches nobody.
    const colleagues = [head, `5,Kilo Two,kai@kilo.example,Kilo,Lead,,04/01/2026,,,,`, '6,Free,free@gmail.com,Solo,Lead,,04/01/2026,,,,'].join('\n');
    expect((await post(w, marketing, colleagues, { dateFormat: 'MM/DD/YYYY' })).body).toMatchObject({ ok: true, created: 2 });
    const kai = await w.as(marketing).get(`/api/v1/leads/${(await idOf('kai@kilo.example')).id}`);
    expect(kai.body).toMatchObject({ domain: 'kilo.example', sameCompanyLeadId: (await idOf('kim@kilo.example')).id });
    expect((await w.as(marketing).get(`/api/v1/leads/${(await idOf('free@gmail.com')).id}`)).body).toMatchObject({ domain: null, sameCompanyLeadId: null });
  });

  it('names the column of a bad date or an unknown status, and writes nothing', async () => {
    const { w, marketing, rep } = await setUp();
    const csv = [
      'Lead ID,Last Name,Email,Company,Lead Status,Created Date,Converted Date',
      '1,Ok,ok@one.example,One,Closed - Converted,01/15/2026,02/20/2026',
      '2,Bad date,bad@two.example,Two,Open - Not Contacted,31/31/2026,',
      '3,Unknown,unknown@three.example,Three,Sleeping,01/15/2026,',
      '4,Backwards,back@four.example,Four,Closed - Converted,03/15/2026,02/01/2026',
      '5,Twice,OK@one.example,One,Open - Not Contacted,01/15/2026,',
    ].join('\n');
    const res = await post(w, marketing, csv);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    const errors = res.body.error!.details.errors as { line: number; field: string | null; message: string }[];
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'createdAt'],
      [4, 'status'],
      [5, 'convertedAt'],
      [6, null],
    ]);
    expect(errors[1]?.message).toContain('"Sleeping" is not a lead status');
    expect(errors[2]?.message).toContain('lies before the created date');
    expect(errors[3]?.message).toContain('repeats line 2');
    expect(await env().database.db.selectFrom('leads').select('id').where('workspace_id', '=', w.id).execute()).toEqual([]);

    // The unknown word mapped to a status (and the mapping saved for next time): the row goes in.
    const fixed = [csv.split('\n')[0], csv.split('\n')[3]].join('\n');
    const mapped = await post(w, marketing, fixed, { values: { status: { Sleeping: 'recycled' } }, saveMappingAs: 'Old Salesforce' });
    expect(mapped.body).toMatchObject({ ok: true, created: 1, savedAs: 'Old Salesforce' });
    const saved = await w.as(marketing).get('/api/v1/imports/leads/mappings');
    expect(saved.body.items).toMatchObject([{ name: 'Old Salesforce', entity: 'leads', values: { status: { Sleeping: 'recycled' } } }]);
    expect(rep).toBeDefined();
  });

  it('lets marketing and admins import leads, not reps or managers, and refuses an owner of another workspace', async () => {
    const { w, manager, rep } = await setUp();
    const csv = `Last Name,Email,Lead Status,Lead Owner,Created Date\nLee,lee@one.example,Open - Not Contacted,${rep.email},2026-03-01`;
    for (const who of [rep, manager]) {
      const res = await post(w, who, csv);
      expect(res.status, who.email).toBe(403);
      expect((await w.as(who).get('/api/v1/imports/leads/fields')).status).toBe(403);
    }
    const fields = await w.as(w.admin).get('/api/v1/imports/leads/fields');
    expect(fields.body.presets.salesforce?.['Lead Status']).toBe('status');
    expect(fields.body.presets.hubspot?.['Became a Marketing Qualified Lead Date']).toBe('mqlAt');

    const other = await env().workspace();
    const stranger = await other.user('rep');
    const foreign = await post(w, w.admin, csv.replace(rep.email, stranger.email));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error?.details.errors).toEqual([
      { line: 2, field: 'owner', message: `no user in this workspace has the email or name "${stranger.email}"` },
    ]);
    // A campaign of another workspace is no campaign here either.
    const campaign = await other.as(other.admin).post('/api/v1/campaigns', { name: 'Elsewhere', channel: 'email', startsOn: '2026-01-01' });
    expect(campaign.status).toBe(201);
    const byId = await post(w, w.admin, `${csv.split('\n')[0]},Campaign\n${csv.split('\n')[1]},${campaign.body.id}`);
    expect(byId.body.error?.details.errors).toMatchObject([{ line: 2, field: 'campaign' }]);

    const ok = await post(w, w.admin, csv);
    expect(ok.body).toMatchObject({ ok: true, created: 1 });
  });
});
