// An historical import (decision 0180) measured right: a HubSpot-style deals export with "Date entered
// <stage>" columns, imported with a process already defined, gives the KPIs an independent computation
// from the same rows gives — in plain TS from the fixture, never through Furrow's code.
import { expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../../test/test-env.js';
import { reportOf } from './testing/import-answers.js';

const DAY = 86_400_000;
const OPEN_STAGES = ['Qualify', 'Discovery', 'Solution', 'Proposal', 'Negotiation'] as const;

interface FixtureDeal {
  id: string;
  name: string;
  amount: number;
  /** Entered instants by open stage index (undefined: never entered, a skipped stage). */
  entered: (number | undefined)[];
  outcome: 'won' | 'lost' | 'open';
  closedAt: number | null;
  /** The Create Date cell; null for an empty cell. */
  created: number | null;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0;
    return a / 4_294_967_296;
  };
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Forty deals over 2025-2026: forward paths that sometimes skip a stage, won, lost or still open. */
function fixture(): FixtureDeal[] {
  const random = rng(20261207);
  const deals: FixtureDeal[] = [];
  for (let i = 0; i < 40; i++) {
    const start = Date.UTC(2025, 0, 2, 9) + Math.floor(random() * 600) * DAY + Math.floor(random() * 8) * 3_600_000;
    const depth = 1 + Math.floor(random() * OPEN_STAGES.length);
    const entered: (number | undefined)[] = [];
    let t = start;
    for (let s = 0; s < depth; s++) {
      if (s > 0 && s < depth - 1 && random() < 0.2) continue; // skipped in the other CRM
      entered[s] = t;
      t += (2 + Math.floor(random() * 40)) * DAY + Math.floor(random() * 5) * 3_600_000;
    }
    // The first two stay open in Qualify, so moves can be made after the import.
    const roll = random();
    const outcome = i < 2 ? 'open' : roll < 0.45 ? 'won' : roll < 0.8 ? 'lost' : 'open';
    if (i < 2) entered.splice(1);
    deals.push({
      id: `1850${String(i).padStart(4, '0')}`,
      name: `Deal ${i + 1}`,
      amount: (5 + Math.floor(random() * 95)) * 1000,
      entered,
      outcome,
      closedAt: outcome === 'open' ? null : t,
      created: start,
    });
  }
  // Two deals the other CRM knows only by outcome or stage: no create date, no dated stage.
  deals.push({ id: '18509998', name: 'Old win', amount: 7000, entered: [], outcome: 'won', closedAt: Date.UTC(2025, 5, 10, 12), created: null });
  deals.push({ id: '18509999', name: 'Old open', amount: 9000, entered: [], outcome: 'open', closedAt: null, created: null });
  return deals;
}

function csvOf(deals: FixtureDeal[]): string {
  const entered = [...OPEN_STAGES, 'Closed Won', 'Closed Lost'].map((s) => `"Date entered ""${s} (Sales Pipeline)"""`);
  const header = ['"Record ID"', '"Deal Name"', '"Deal Stage"', '"Amount"', '"Close Date"', '"Create Date"', ...entered].join(',');
  const rows = deals.map((d) => {
    const last = d.entered.reduce<number>((acc, at, i) => (at === undefined ? acc : i), 0);
    const stage = d.outcome === 'won' ? 'Closed Won' : d.outcome === 'lost' ? 'Closed Lost' : d.entered.length ? OPEN_STAGES[last] : 'Discovery';
    const cells = [
      d.id,
      d.name,
      stage,
      String(d.amount),
      d.closedAt === null ? '2026-12-31' : dayOf(d.closedAt),
      d.created === null ? '' : stamp(d.created),
      ...OPEN_STAGES.map((_, i) => (d.entered[i] === undefined ? '' : stamp(d.entered[i] as number))),
      d.outcome === 'won' && d.entered.length ? stamp(d.closedAt as number) : '',
      d.outcome === 'lost' ? stamp(d.closedAt as number) : '',
    ];
    return cells.map((c) => `"${c}"`).join(',');
  });
  return [header, ...rows].join('\r\n');
}

/** The same deals as a Salesforce opportunities report and its opportunity history report (one row per stage entered). */
function salesforceOf(deals: FixtureDeal[]): { opportunities: string; history: string } {
  const opportunities = ['"Opportunity ID","Opportunity Name","Stage","Amount","Close Date","Created Date"'];
  const history = ['"Opportunity ID","Stage","Edit Date"'];
  for (const d of deals) {
    const last = d.entered.reduce<number>((acc, at, i) => (at === undefined ? acc : i), 0);
    const stage = d.outcome === 'won' ? 'Closed Won' : d.outcome === 'lost' ? 'Closed Lost' : d.entered.length ? OPEN_STAGES[last] : 'Discovery';
    const close = d.closedAt === null ? '2026-12-31' : dayOf(d.closedAt);
    opportunities.push([d.id, d.name, stage, String(d.amount), close, d.created === null ? '' : stamp(d.created)].map((c) => `"${c}"`).join(','));
    d.entered.forEach((at, i) => {
      if (at !== undefined) history.push(`"${d.id}","${OPEN_STAGES[i]}","${stamp(at)}"`);
    });
    if (d.outcome !== 'open' && d.entered.length) history.push(`"${d.id}","${stage}","${stamp(d.closedAt as number)}"`);
  }
  return { opportunities: opportunities.join('\r\n'), history: history.join('\r\n') };
}

// ---- the independent computation, from the fixture rows alone ----

const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000; // the file is written to the minute
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
type Range = { from: string; to: string; start: number; end: number };
const range = (from: string, to: string): Range => ({ from, to, start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${to}T00:00:00Z`) + DAY });
const inDates = (r: Range, date: string) => date >= r.from && date <= r.to;
const inInstants = (r: Range, at: number) => at >= r.start && at < r.end;

/** The stays of a deal: stage index (5 = won, 6 = lost), entered, left (null: still there). */
function staysOf(d: FixtureDeal) {
  const points = d.entered.flatMap((at, i) => (at === undefined ? [] : [{ stage: i, at: minute(at) }]));
  if (d.outcome !== 'open' && d.closedAt !== null) points.push({ stage: d.outcome === 'won' ? 5 : 6, at: minute(d.closedAt) });
  return points.map((p, i) => ({ ...p, left: points[i + 1]?.at ?? null }));
}

function reference(deals: FixtureDeal[], r: Range) {
  const closed = deals.filter((d) => d.outcome !== 'open' && inDates(r, dayOf(d.closedAt as number)));
  const won = closed.filter((d) => d.outcome === 'won');
  const known = (d: FixtureDeal) => d.created ?? d.entered.find((at) => at !== undefined);
  const stays = deals.flatMap((d) => staysOf(d));
  const ended = stays.filter((s) => s.stage < 5 && s.left !== null && inInstants(r, s.left));
  const entries = deals.flatMap((d) => {
    const st = staysOf(d);
    const furthest = Math.max(...st.filter((s) => s.stage !== 6).map((s) => s.stage));
    return st.filter((s) => s.stage < 5 && inInstants(r, s.at)).map((s) => ({ stage: s.stage, converted: furthest > s.stage }));
  });
  const conversion = (list: typeof entries) => (list.length ? list.filter((e) => e.converted).length / list.length : null);
  return {
    won_amount: won.reduce((sum, d) => sum + d.amount * 100, 0),
    win_rate: closed.length ? won.length / closed.length : null,
    sales_cycle_length: median(won.filter((d) => known(d) !== undefined).map((d) => (minute(d.closedAt as number) - minute(known(d) as number)) / DAY)),
    pipeline_created: deals.filter((d) => d.created !== null && inInstants(r, minute(d.created))).reduce((sum, d) => sum + d.amount * 100, 0),
    time_in_stage: median(ended.map((s) => ((s.left as number) - s.at) / DAY)),
    stage_conversion: conversion(entries),
    byStage: OPEN_STAGES.map((_, i) => ({
      time_in_stage: median(ended.filter((s) => s.stage === i).map((s) => ((s.left as number) - s.at) / DAY)),
      stage_conversion: conversion(entries.filter((e) => e.stage === i)),
    })),
  };
}

function close(actual: number | null, expected: number | null, label: string) {
  if (expected === null) return expect(actual, label).toBeNull();
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

async function stagesOf(w: TestWorkspace) {
  const { body } = await w.as(w.admin).get('/api/v1/pipelines');
  return body.items[0] as { id: string; version: number; stages: { id: string; name: string }[] };
}

const PERIODS = [
  ['FY2025-Q1', range('2025-01-01', '2025-03-31')],
  ['FY2025-Q2', range('2025-04-01', '2025-06-30')],
  ['FY2025-Q3', range('2025-07-01', '2025-09-30')],
  ['FY2025-Q4', range('2025-10-01', '2025-12-31')],
  ['FY2026-Q1', range('2026-01-01', '2026-03-31')],
  ['FY2026-Q2', range('2026-04-01', '2026-06-30')],
  ['FY2026-Q3', range('2026-07-01', '2026-09-30')],
  ['FY2025', range('2025-01-01', '2025-12-31')],
  ['FY2026', range('2026-01-01', '2026-12-31')],
] as const;

async function kpiValue(w: TestWorkspace, id: string, q: string): Promise<number | null> {
  const r = await w.as(w.admin).get(`/api/v1/kpis/${id}?${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.value as number | null;
}

/** Every period's bookings, win rate, cycle, pipeline created, time in stage and stage conversion (headline and per stage) against the reference; how many were compared. */
async function compareWithReference(w: TestWorkspace, deals: FixtureDeal[]): Promise<number> {
  const pipeline = await stagesOf(w);
  let compared = 0;
  for (const [key, r] of PERIODS) {
    const expected = reference(deals, r);
    for (const id of ['won_amount', 'win_rate', 'sales_cycle_length', 'pipeline_created', 'time_in_stage', 'stage_conversion'] as const) {
      close(await kpiValue(w, id, `period=${key}`), expected[id], `${id} ${key}`);
      compared++;
    }
    for (const [i, name] of OPEN_STAGES.entries()) {
      const stageId = pipeline.stages.find((s) => s.name === name)?.id;
      close(await kpiValue(w, 'time_in_stage', `period=${key}&stageId=${stageId}`), expected.byStage[i]?.time_in_stage ?? null, `time_in_stage ${name} ${key}`);
      close(
        await kpiValue(w, 'stage_conversion', `period=${key}&stageId=${stageId}`),
        expected.byStage[i]?.stage_conversion ?? null,
        `stage_conversion ${name} ${key}`,
      );
      compared += 2;
    }
  }
  return compared;
}

describeEngines('historical deal import', (env) => {
  it('imports a HubSpot deals export as history whose KPIs equal an independent computation, gating only what follows', async () => {
    const w = await env().workspace({ timezone: 'UTC', currency: 'EUR', fiscalYearStartMonth: 1 });
    const admin = w.as(w.admin);
    // A process defined before the import: Qualify needs a next step, and may be overridden.
    let pipeline = await stagesOf(w);
    const qualify = pipeline.stages.find((s) => s.name === 'Qualify') as { id: string };
    expect((await admin.post(`/api/v1/stages/${qualify.id}/criteria`, { version: pipeline.version, kind: 'field', field: 'nextStep' })).status).toBe(201);
    pipeline = await stagesOf(w);
    expect((await admin.patch(`/api/v1/stages/${qualify.id}`, { version: pipeline.version, allowOverride: true })).status).toBe(200);

    const deals = fixture();
    const csv = csvOf(deals);
    // Without the option, today's gate refuses the history (every deal past Qualify has no next step).
    const gated = await admin.post('/api/v1/imports/deals', { csv, preset: 'hubspot', dryRun: true });
    expect(reportOf(gated.body).ok).toBe(false);

    const res = await admin.post('/api/v1/imports/deals', { csv, preset: 'hubspot', historical: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ok: true, created: deals.length, errors: [], unmapped: [] });
    expect(reportOf(res.body).notes.join(' ')).toMatch(/Stage history from 7 "Date entered" columns/);

    // Every imported move is imported history: not a skip, not an override.
    const db = env().database.db;
    const moves = await db.selectFrom('stage_moves').selectAll().where('workspace_id', '=', w.id).execute();
    expect(moves.length).toBeGreaterThan(deals.length);
    expect(moves.every((m) => m.imported === 1 && m.via === 'import' && m.skipped === 0 && m.override_reason === null)).toBe(true);
    const unknown = await db
      .selectFrom('deals')
      .select(['name', 'created_unknown'])
      .where('workspace_id', '=', w.id)
      .where('created_unknown', '=', 1)
      .execute();
    expect(unknown.map((d) => d.name).sort()).toEqual(['Old open', 'Old win']);
    const list = (await admin.get('/api/v1/deals?limit=200')).body.items as { name: string; createdUnknown: boolean }[];
    expect(
      list
        .filter((d) => d.createdUnknown)
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Old open', 'Old win']);

    // The deal page shows the imported moves as imported, never as met criteria, skips or overrides.
    const won = (await admin.get('/api/v1/deals?limit=200')).body.items.find(
      (d: { status: string; name: string }) => d.status === 'won' && d.name !== 'Old win',
    );
    const timeline = (await admin.get(`/api/v1/deals/${won!.id}/timeline`)).body.items.filter((i) => i.kind === 'stage_move');
    expect(timeline.length).toBeGreaterThan(0);
    expect(timeline.every((i) => i.imported && i.skipped === 0 && !i.overrideReason)).toBe(true);

    // After the import, moves are gated as usual: one adherent, one override.
    const open = (await admin.get('/api/v1/deals?limit=200')).body.items.filter((d: { name: string }) => ['Deal 1', 'Deal 2'].includes(d.name));
    const discovery = pipeline.stages.find((s) => s.name === 'Discovery') as { id: string };
    const [first, second] = open as { id: string; version: number }[];
    expect((await admin.patch(`/api/v1/deals/${first?.id}`, { version: first?.version, stageId: discovery.id })).status).toBe(422);
    expect((await admin.patch(`/api/v1/deals/${first?.id}`, { version: first?.version, stageId: discovery.id, nextStep: 'Demo' })).status).toBe(200);
    expect((await admin.patch(`/api/v1/deals/${second?.id}`, { version: second?.version, stageId: discovery.id, overrideReason: 'Agreed' })).status).toBe(200);
    const fresh = (await admin.get(`/api/v1/deals/${second?.id}/timeline`)).body.items.find((i: { kind: string }) => i.kind === 'stage_move');
    expect(fresh).toMatchObject({ imported: false, overrideReason: 'Agreed' });
    // The reference knows these two moves as facts of the same history: both deals entered Discovery now.
    for (const d of deals.slice(0, 2)) d.entered[1] = env().clock.now;

    const kpi = (id: string, q: string) => kpiValue(w, id, q);
    expect(await compareWithReference(w, deals)).toBe(PERIODS.length * 16);
    expect(reference(deals, range('2025-01-01', '2026-12-31')).won_amount).toBeGreaterThan(0);

    // Adherence counts only the moves made in Furrow: imported years have none, this quarter one of two.
    expect(await kpi('process_adherence', 'period=FY2025')).toBeNull();
    expect(await kpi('process_adherence', 'period=FY2026-Q4')).toBe(0.5);
    const report = await admin.get('/api/v1/process/adherence?from=2025-01-01&to=2026-11-28');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.totals).toMatchObject({ moves: 2, adherentMoves: 1, overrides: 1, skippedMoves: 0 });
    expect(report.body.importedMoves).toBe(moves.length);
    const listed = await admin.get('/api/v1/process/adherence/moves?from=2025-01-01&to=2026-11-28&filter=all');
    expect(listed.body.items?.length, JSON.stringify(listed.body)).toBe(2);

    // Re-running the file creates nothing.
    const again = await admin.post('/api/v1/imports/deals', { csv, preset: 'hubspot', historical: true });
    expect(again.body).toMatchObject({ ok: true, created: 0 });
  }, 240_000);

  it('builds the same history from a separate stage-history file (a Salesforce opportunity history report)', async () => {
    const w = await env().workspace({ timezone: 'UTC', currency: 'EUR', fiscalYearStartMonth: 1 });
    const admin = w.as(w.admin);
    const deals = fixture();
    const { opportunities, history } = salesforceOf(deals);
    const body = { csv: opportunities, preset: 'salesforce', historical: true };
    const res = await admin.post('/api/v1/imports/deals', { ...body, stageHistory: history });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ok: true, created: deals.length });
    expect(reportOf(res.body).notes.join(' ')).toMatch(/Stage history from the stage history file: \d+ dated stages of 40 deals/);
    expect(await compareWithReference(w, deals)).toBe(PERIODS.length * 16);

    // A deal the history names but the deals file lacks would lose its history without a word: an error on its line.
    const stray = await admin.post('/api/v1/imports/deals', { ...body, dryRun: true, stageHistory: `${history}\r\n"0069999","Qualify","2025-05-01 10:00"` });
    expect(reportOf(stray.body).errors).toEqual([
      { line: history.split('\r\n').length + 1, field: 'stageHistory.deal', message: expect.stringMatching(/no deal "0069999" in the deals file/) },
    ]);
    const noColumns = await admin.post('/api/v1/imports/deals', { ...body, stageHistory: 'Deal,When\nX,2025-01-01' });
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.error?.details.fields).toEqual([{ field: 'stageHistory', message: expect.stringMatching(/none found for stage, enteredAt/) }]);
    const notHistorical = await admin.post('/api/v1/imports/deals', { csv: opportunities, stageHistory: history });
    expect(notHistorical.status).toBe(400);
    expect(notHistorical.body.error?.details.fields[0]?.field).toBe('stageHistory');
  }, 240_000);

  it('names the field of a bad historical row, and refuses the option for other records', async () => {
    const w = await env().workspace({ timezone: 'UTC' });
    const admin = w.as(w.admin);
    const csv = [
      '"Deal Name","Deal Stage","Close Date","Create Date","Date entered ""Qualify (Sales Pipeline)""","Date entered ""Nowhere"""',
      '"Early","Qualify","2026-12-31","2026-03-01","2026-02-01",""',
      '"Lost stage","Qualify","2026-12-31","","2026-02-01","2026-03-01"',
    ].join('\n');
    const res = await admin.post('/api/v1/imports/deals', { csv, preset: 'hubspot', historical: true });
    expect(res.status).toBe(422);
    expect(res.body.error?.details.errors).toEqual([
      { line: 2, field: 'Date entered "Qualify (Sales Pipeline)"', message: 'is before the deal was created' },
      { line: 3, field: 'Date entered "Nowhere"', message: expect.stringMatching(/"Nowhere" is no stage/) },
    ]);
    // Day first is told by a "Date entered" cell (25/02) when the close date alone (01/12) could be either.
    const euro = await admin.post('/api/v1/imports/deals', {
      csv: '"Deal Name","Deal Stage","Close Date","Date entered ""Qualify"""\n"Euro","Qualify","01/12/2026","25/02/2026"',
      historical: true,
    });
    expect(euro.body).toMatchObject({ ok: true, created: 1 });
    expect((await admin.get('/api/v1/deals?limit=5')).body.items[0]).toMatchObject({ name: 'Euro', closeDate: '2026-12-01' });
    const accounts = await admin.post('/api/v1/imports/accounts', { csv: 'Name\nAcme', historical: true });
    expect(accounts.status).toBe(400);
    expect(accounts.body.error?.details.fields).toEqual([{ field: 'historical', message: expect.any(String) }]);
  });
});
