// A resumable import (decision 0209) keeps each batch of its file as it is written, with the run's
// progress in the same transaction: a file too big for one transaction, or one that must survive a
// crash (issue 14: "resumable after kill -9, ending with exactly the file's rows, no duplicates").
// Here, on both engines: batches kept import what one transaction imports; a refused row keeps the
// batches before it and reports every bad row after; a run stopped part way (in process, and a CLI
// process killed with SIGKILL) is taken up by the next run of the file, which ends with each row once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { until } from '../../test/processes.js';
import { createTestEnv, describeEngines, type TestEnv, type TestWorkspace, testEngines } from '../../test/test-env.js';
import { runImport } from './import.service.js';
import { historyCsv } from './testing/history-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'furrow-import-resumable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS = { entity: 'deals' as const, historical: true, mapping: { 'Record ID': 'externalId' } };

async function dealsOf(env: TestEnv, w: TestWorkspace, prefix: string) {
  const rows = await env.database.db
    .selectFrom('deals')
    .where('workspace_id', '=', w.id)
    .where('external_id', 'like', `${prefix}-%`)
    .select(['external_id', 'amount', 'stage_id'])
    .execute();
  return rows.map((r) => `${r.external_id} ${Number(r.amount)} ${r.stage_id}`).sort();
}

async function runsOf(env: TestEnv, w: TestWorkspace) {
  const rows = await env.database.db
    .selectFrom('import_runs as r')
    .leftJoin('import_run_progress as p', 'p.run_id', 'r.id')
    .where('r.workspace_id', '=', w.id)
    .select(['r.id', 'r.status', 'r.created', 'r.updated', 'r.unchanged', 'p.rows_kept', 'p.kept_through_line', 'r.file_hash'])
    .orderBy('r.started_at')
    .orderBy('r.id')
    .execute();
  // A run that was all or nothing has no progress row: it kept everything or nothing at once.
  return rows.map((r) => ({ ...r, rows_kept: r.rows_kept ?? 0, kept_through_line: r.kept_through_line ?? 1 }));
}

describeEngines('a resumable import', (env) => {
  it('keeps batch after batch what one transaction keeps at once, and records how far it got', async () => {
    const w = await env().workspace();
    const ctx = w.ctx(w.admin);
    const whole = await runImport(ctx, { ...OPTIONS, csv: historyCsv(23, 'one') });
    const resumable = await runImport(ctx, { ...OPTIONS, csv: historyCsv(23, 'two'), resumable: true, batchRows: 5 });
    expect(resumable).toMatchObject({ ok: true, created: 23, kept: { rows: 23, throughLine: 24, created: 23, updated: 0, unchanged: 0 }, resumed: null });
    expect(whole.kept).toBeNull();
    const strip = (list: string[], prefix: string) => list.map((d) => d.slice(prefix.length));
    expect(strip(await dealsOf(env(), w, 'two'), 'two')).toEqual(strip(await dealsOf(env(), w, 'one'), 'one'));
    const runs = await runsOf(env(), w);
    expect(runs.map((r) => [r.status, r.created, Number(r.rows_kept), Number(r.kept_through_line)])).toEqual([
      ['succeeded', 23, 0, 1],
      ['succeeded', 23, 23, 24],
    ]);
    // A dry run keeps nothing, resumable or not.
    const dry = await runImport(ctx, { ...OPTIONS, csv: historyCsv(12, 'dry'), resumable: true, batchRows: 5, dryRun: true });
    expect(dry).toMatchObject({ ok: true, created: 12, kept: null });
    expect(await dealsOf(env(), w, 'dry')).toEqual([]);
  });

  it('keeps the batches before a refused row, still reports every bad row, and a fixed file fills in the rest', async () => {
    const w = await env().workspace();
    const ctx = w.ctx(w.admin);
    // Batches of 5 data rows: lines 2–6, 7–11, 12–16, … Rows 12 and 19 (lines 13 and 20) are bad.
    const refused = await runImport(ctx, { ...OPTIONS, csv: historyCsv(23, 'part', [12, 19]), resumable: true, batchRows: 5 });
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e) => [e.line, e.field])).toEqual([
      [13, 'amount'],
      [20, 'amount'],
    ]);
    expect(refused.kept).toEqual({ rows: 10, throughLine: 11, created: 10, updated: 0, unchanged: 0 });
    expect(await dealsOf(env(), w, 'part')).toHaveLength(10);
    expect((await runsOf(env(), w)).map((r) => [r.status, r.created, Number(r.rows_kept)])).toEqual([['failed', 10, 10]]);

    const fixed = await runImport(ctx, { ...OPTIONS, csv: historyCsv(23, 'part'), resumable: true, batchRows: 5 });
    expect(fixed).toMatchObject({ ok: true, created: 13, unchanged: 10, resumed: null });
    const deals = await dealsOf(env(), w, 'part');
    expect(deals).toHaveLength(23);
    expect(new Set(deals.map((d) => d.split(' ')[0])).size).toBe(23);
  });

  it('takes up a run that stopped part way: each row of the file once, and the stopped run marked interrupted', async () => {
    const w = await env().workspace();
    const ctx = w.ctx(w.admin);
    const csv = historyCsv(23, 'stop');
    // Stopped while writing its third batch: as a process dies, nothing after the last kept batch stays.
    const stop = new Error('stopped');
    await expect(
      runImport(ctx, {
        ...OPTIONS,
        csv,
        resumable: true,
        batchRows: 5,
        onProgress: (p) => {
          if (p.phase === 'writing' && p.done === 12) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await dealsOf(env(), w, 'stop')).toHaveLength(10);
    const [stopped] = await runsOf(env(), w);
    expect(stopped).toMatchObject({ status: 'running', created: 10 });
    expect([Number(stopped?.rows_kept), Number(stopped?.kept_through_line)]).toEqual([10, 11]);

    const again = await runImport(ctx, { ...OPTIONS, csv, resumable: true, batchRows: 5 });
    expect(again).toMatchObject({ ok: true, created: 13, unchanged: 10, resumed: { runId: stopped?.id, rows: 10 } });
    expect(again.notes[0]).toMatch(/^Took up the run of this file started .* which stopped after keeping 10 rows/);
    const deals = await dealsOf(env(), w, 'stop');
    expect(new Set(deals.map((d) => d.split(' ')[0])).size).toBe(23);
    expect(deals).toHaveLength(23);
    expect((await runsOf(env(), w)).map((r) => r.status)).toEqual(['interrupted', 'succeeded']);
  });
});

// The CLI's import as a process of its own, killed with SIGKILL once it has kept a few batches.
for (const engine of testEngines()) {
  it(`${engine}: an import killed with SIGKILL resumes to exactly the file's rows`, async () => {
    const sqliteFile = join(dir, `killed-${engine}.db`);
    const env = await createTestEnv(engine, engine === 'sqlite' ? { sqliteFile } : { ownDatabase: true });
    try {
      const w = await env.workspace();
      const rows = 2_000;
      const file = join(dir, `killed-${engine}.csv`);
      writeFileSync(file, historyCsv(rows, 'kill'));
      const databaseUrl = engine === 'sqlite' ? `sqlite:${sqliteFile}` : env.config.databaseUrl;
      const args = ['--import', 'tsx', 'server/cli/furrow.ts', 'import', 'deals', file, '--historical', '--map', 'Record ID=externalId'];
      const cli = (extra: string[]) =>
        spawn(process.execPath, [...args, ...extra], { env: { PATH: process.env.PATH, NODE_ENV: 'development', DATABASE_URL: databaseUrl }, stdio: 'pipe' });

      const first = cli(['--resumable', '--batch-rows', '50']);
      const exited = new Promise<number | null>((resolve) => first.once('exit', (code) => resolve(code)));
      const kept = async () => (await runsOf(env, w)).find((r) => r.status === 'running');
      await until('the first run to keep three batches', 60_000, async () => Number((await kept())?.rows_kept ?? 0) >= 150);
      first.kill('SIGKILL');
      expect(await exited).toBeNull();

      // What the killed run says is in is exactly what is in: whole batches, no half of one.
      const run = await kept();
      const inAfterKill = await dealsOf(env, w, 'kill');
      expect(inAfterKill.length).toBe(Number(run?.rows_kept));
      expect(inAfterKill.length % 50).toBe(0);
      expect(inAfterKill.length).toBeLessThan(rows);

      const second = cli(['--resumable']);
      let out = '';
      let err = '';
      second.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
      });
      second.stderr?.on('data', (b: Buffer) => {
        err += b.toString();
      });
      const code = await new Promise<number | null>((resolve) => second.once('exit', (c) => resolve(c)));
      expect(code, err).toBe(0);
      expect(err).toMatch(/Took up the run of this file/);
      expect(out).toMatch(new RegExp(`${rows - inAfterKill.length} created, 0 updated, ${inAfterKill.length} unchanged`));
      const deals = await dealsOf(env, w, 'kill');
      expect(deals).toHaveLength(rows);
      expect(new Set(deals.map((d) => d.split(' ')[0])).size).toBe(rows);
    } finally {
      await env.close();
    }
  }, 120_000);
}
