// Import cells get the API's input rules (issue 17, item 6): a cell holding NUL or an unpaired
// surrogate, or a number beyond what a JSON body may carry, is that row's error naming its line and
// field — the other rows are still checked, nothing is stored, and no engine answers 500.
import { expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createJobRunner } from '../../jobs/runner.js';
import { describeEngines, type TestWorkspace } from '../../test/test-env.js';
import { importJob } from './import.jobs.js';
import { jobUrl, reportOf } from './testing/import-answers.js';

const BAD_TEXT = 'must not contain NUL or unpaired surrogate characters';

async function accountCount(w: TestWorkspace, db: Database['db']): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', w.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Its own database: the job test runs every due job.
describeEngines('import cells: the input rules of the API', { ownDatabase: true }, (env) => {
  it('refuses a cell with NUL or a lone surrogate as that row’s error, line and field named, on a dry run and an import', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const csv = ['Name,Domain,Industry', 'Good,good.test,Retail', 'Bad\u0000name,bad.test,Retail', 'Half,half.test,Ret\uD800ail', 'Low,low\uDC00.test,'].join(
      '\n',
    );

    const dry = await api.post('/api/v1/imports/accounts', { csv, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    const checked = reportOf(dry.body);
    expect(checked.ok).toBe(false);
    expect(checked.rows).toBe(4);
    expect(checked.errors).toEqual([
      { line: 3, field: 'name', message: BAD_TEXT },
      { line: 4, field: 'industry', message: BAD_TEXT },
      { line: 5, field: 'domain', message: BAD_TEXT },
    ]);

    const real = await api.post('/api/v1/imports/accounts', { csv, fileName: 'accounts.csv' });
    expect(real.status, JSON.stringify(real.body)).toBe(422);
    expect(real.body.error?.code).toBe('rule_violation');
    expect(real.body.error?.details.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'name'],
      [4, 'industry'],
      [5, 'domain'],
    ]);
    expect(await accountCount(w, env().database.db)).toBe(0);
    // The refused run is on record, its errors readable (no bad text copied into them).
    const run = await env().database.db.selectFrom('import_runs').select(['status', 'errors']).where('workspace_id', '=', w.id).executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(JSON.parse(run.errors)).toHaveLength(3);

    // A bad column name refuses the file at line 1; the other rows are never read.
    const header = await api.post('/api/v1/imports/accounts', { csv: 'Name,Dom\u0000ain\nGood,good.test\n', dryRun: true });
    expect(header.status, JSON.stringify(header.body)).toBe(200);
    expect(reportOf(header.body).errors).toEqual([{ line: 1, field: null, message: `column 2’s name ${BAD_TEXT}` }]);
  });

  it('checks the cells of a file big enough to run as a job the same way', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const rows = Array.from({ length: 40 }, (_, i) => `Account ${i},a${i}.test`);
    rows[7] = 'Acc\u0000ount,bad.test';
    const started = await api.post('/api/v1/imports/accounts', { csv: ['Name,Domain', ...rows].join('\n'), background: true });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const e = env();
    await createJobRunner({ database: e.database, config: e.config, now: () => e.clock.now, jobs: [importJob] }).runDue();
    const job = await api.get(jobUrl(started.body));
    expect(job.body).toMatchObject({ state: 'done', result: { ok: false, rows: 40, errors: [{ line: 9, field: 'name', message: BAD_TEXT }] } });
    expect(await accountCount(w, e.database.db)).toBe(0);
  });

  it('bounds numbers in cells as the API bounds them in a body: beyond ±2^53 is that row’s error', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    expect((await api.post('/api/v1/custom-fields', { entity: 'account', key: 'seats', label: 'Seats', type: 'number' })).status).toBe(201);
    // The API refuses these in a JSON body…
    const body = await env().app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${w.admin.token}`, 'content-type': 'application/json' },
      payload: '{"name":"Api","custom":{"seats":1e308}}',
    });
    expect(body.statusCode).toBe(400);
    // …and an import refuses them in a cell.
    const csv = ['Name,seats,Employees', 'Fine,12,40', 'Huge,1e308,', 'Unsafe,9007199254740993,', 'Many,,99999999999999999999'].join('\n');
    const res = await api.post('/api/v1/imports/accounts', { csv, dryRun: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(reportOf(res.body).errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'custom.seats'],
      [4, 'custom.seats'],
      [5, 'size'],
    ]);
    const refused = await api.post('/api/v1/imports/accounts', { csv });
    expect(refused.status).toBe(422);
    expect(await accountCount(w, env().database.db)).toBe(0);
  });
});
