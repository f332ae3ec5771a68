// A big file is read, checked and written a batch at a time and never held whole (issue 14: a
// 1,048,576-row file in flat memory). Here a small file read in batches of 5 must import exactly as it
// does in one: the same deals and history, a repeated record found across batches, a refused row in the
// last batch undoing what the first ones wrote, a dry run writing nothing, a file read from disk as
// from memory, and progress that reads the file first, then writes every row.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEngines, type TestWorkspace } from '../../test/test-env.js';
import { type ImportProgress, runImport } from './import.service.js';
import { historyCsv } from './testing/history-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'furrow-import-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEngines('an import read in batches', (env) => {
  let w: TestWorkspace;
  const options = { entity: 'deals' as const, historical: true, mapping: { 'Record ID': 'externalId' } };

  /** Each imported deal with its stage and the stays and moves history recorded for it, in a comparable form. */
  async function imported(prefix: string) {
    const { db } = env().database;
    const deals = await db
      .selectFrom('deals')
      .innerJoin('stages', 'stages.id', 'deals.stage_id')
      .where('deals.workspace_id', '=', w.id)
      .where('deals.external_id', 'like', `${prefix}-%`)
      .select(['deals.id', 'deals.external_id', 'deals.amount', 'deals.created_at', 'stages.name as stage'])
      .execute();
    const stays = await db
      .selectFrom('stage_stays')
      .innerJoin('stages', 'stages.id', 'stage_stays.stage_id')
      .where('stage_stays.workspace_id', '=', w.id)
      .where('stage_stays.deal_id', 'in', deals.length ? deals.map((d) => d.id) : ['none'])
      .select(['stage_stays.deal_id', 'stages.name', 'stage_stays.entered_at', 'stage_stays.left_at', 'stage_stays.imported'])
      .execute();
    const staysOf = (id: string) =>
      stays
        .filter((s) => s.deal_id === id)
        .map((s) => `${s.name} ${Number(s.entered_at)}-${s.left_at === null ? '' : Number(s.left_at)}${Number(s.imported) ? ' imported' : ''}`)
        .sort();
    return deals
      .map((d) => ({
        key: String(d.external_id).slice(prefix.length),
        amount: Number(d.amount),
        created: Number(d.created_at),
        stage: d.stage,
        stays: staysOf(d.id),
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  it('imports in batches exactly what it imports in one, and says it read the file first', async () => {
    w = await env().workspace();
    const ctx = w.ctx(w.admin);
    const whole = await runImport(ctx, { ...options, csv: historyCsv(23, 'one') });
    const progress: ImportProgress[] = [];
    const batched = await runImport(ctx, { ...options, csv: historyCsv(23, 'many'), batchRows: 5, onProgress: (p) => progress.push(p) });
    expect(whole).toMatchObject({ ok: true, rows: 23, created: 23, errors: [] });
    expect(batched).toMatchObject({ ok: true, rows: 23, created: 23, errors: [], notes: whole.notes, valueChoices: whole.valueChoices });
    expect(await imported('many')).toEqual(await imported('one'));
    const many = await imported('many');
    expect(many.filter((d) => d.stage !== 'Discovery')).toHaveLength(8);
    // The file's history, not a birth in the last stage: each won deal stayed in Discovery first, as imported.
    for (const d of many.filter((x) => x.stage !== 'Discovery')) expect(d.stays.filter((x) => /^Discovery \d+-\d+ imported$/.test(x))).toHaveLength(1);

    // Reading first (the rows counted as it goes), then every row written, the bar only moving forward.
    const reading = progress.filter((p) => p.phase === 'reading');
    const writing = progress.filter((p) => p.phase === 'writing');
    expect(reading.length).toBeGreaterThan(0);
    expect(progress.indexOf(writing[0] as ImportProgress)).toBeGreaterThan(progress.indexOf(reading.at(-1) as ImportProgress));
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: 23, total: 23 });
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));

    // Re-running the batched file finds every deal, across batches, unchanged.
    const again = await runImport(ctx, { ...options, csv: historyCsv(23, 'many'), batchRows: 5 });
    expect(again).toMatchObject({ ok: true, created: 0, unchanged: 23 });
  });

  it('finds a record repeated in a later batch and a refused last row, and keeps nothing of the batches before', async () => {
    w = await env().workspace();
    const ctx = w.ctx(w.admin);
    const lines = historyCsv(14, 'dup').split('\n');
    // Line 14 repeats line 3's deal; the last line's stage is no stage of the pipeline.
    lines[13] = lines[2] as string;
    lines.push('dup-99,dup deal 99,Nowhere,5,2027-01-31,2026-01-05 09:00,,');
    const result = await runImport(ctx, { ...options, csv: lines.join('\n'), batchRows: 5 });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.line)).toEqual([14, 16]);
    expect(result.errors[0]?.message).toMatch(/repeats line 3/);
    expect(await imported('dup')).toEqual([]);
  });

  it('checks a file in batches without writing anything in a dry run', async () => {
    w = await env().workspace();
    const result = await runImport(w.ctx(w.admin), { ...options, csv: historyCsv(12, 'dry'), batchRows: 5, dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, created: 12, id: null });
    expect(await imported('dry')).toEqual([]);
  });

  it('reads a file from disk as it reads the same text, and records the file’s hash', async () => {
    w = await env().workspace();
    const text = historyCsv(17, 'disk');
    const path = join(dir, `deals-${env().engine}.csv`);
    writeFileSync(path, text);
    const result = await runImport(w.ctx(w.admin), { ...options, csv: { path }, fileName: 'deals.csv', batchRows: 4 });
    expect(result).toMatchObject({ ok: true, rows: 17, created: 17 });
    const run = await env()
      .database.db.selectFrom('import_runs')
      .where('id', '=', result.id as string)
      .select(['file_hash', 'created'])
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ file_hash: createHash('sha256').update(text).digest('hex'), created: 17 });
    expect(await imported('disk')).toHaveLength(17);
  });
});
