import { expect, it } from 'vitest';
import { createJobRunner } from '../../jobs/runner.js';
import { describeEngines, type TestEnv, type TestUser, type TestWorkspace, variantWith } from '../../test/test-env.js';
import { importJob } from './import.jobs.js';
import { dataRowsOf } from './import-background.service.js';
import { jobReport, jobUrl } from './testing/import-answers.js';

const dealsCsv = (n: number, prefix = 'Deal') =>
  ['Name,Amount,Close Date', ...Array.from({ length: n }, (_, i) => `${prefix} ${i},${100 + i},2027-01-15`)].join('\n');

const runJobs = (env: TestEnv) => createJobRunner({ database: env.database, config: env.config, now: () => env.clock.now, jobs: [importJob] }).runDue();

async function start(w: TestWorkspace, user: TestUser, body: Record<string, unknown>) {
  return w.as(user).post('/api/v1/imports/deals', body);
}

it('counts data rows by line ends, with or without a final newline', () => {
  expect(dataRowsOf('a,b\n1,2\n3,4')).toBe(2);
  expect(dataRowsOf('a,b\n1,2\n3,4\n')).toBe(2);
  expect(dataRowsOf('a,b')).toBe(0);
});

describeEngines('imports as background jobs', { ownDatabase: true }, (env) => {
  it('a background import answers 202 with a job its creator polls for progress and the report', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const res = await start(w, rep, { csv: dealsCsv(30), background: true });
    expect(res.status).toBe(202);
    const accepted = variantWith(res.body, 'location');
    expect(res.body).toMatchObject({ state: 'queued', location: `/api/v1/jobs/${accepted.jobId}` });
    expect(res.headers.location).toBe(accepted.location);
    // Nothing is written before the job runs.
    expect((await w.as(rep).get('/api/v1/deals')).body.items).toHaveLength(0);
    expect((await w.as(rep).get(jobUrl(res.body))).body).toMatchObject({ state: 'queued', result: null });

    await runJobs(env());
    const job = await w.as(rep).get(jobUrl(res.body));
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ state: 'done', progress: { phase: 'writing', done: 30, total: 30 } });
    expect(job.body.result).toMatchObject({ ok: true, rows: 30, created: 30, errors: [] });
    expect((await w.as(rep).get('/api/v1/deals?limit=100')).body.items).toHaveLength(30);
  });

  it('shows a job only to its creator and the workspace admins', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const other = await w.user('rep');
    const manager = await w.user('manager');
    const res = await start(w, rep, { csv: dealsCsv(2), background: true });
    const url = jobUrl(res.body);
    expect((await w.as(rep).get(url)).status).toBe(200);
    expect((await w.as(w.admin).get(url)).status).toBe(200);
    expect((await w.as(other).get(url)).status).toBe(404);
    expect((await w.as(manager).get(url)).status).toBe(404);
    const elsewhere = await env().workspace();
    expect((await elsewhere.as(elsewhere.admin).get(url)).status).toBe(404);
    const missing = await w.as(rep).get('/api/v1/jobs/0190a3c4-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('not_found');
    await runJobs(env());
  });

  it('a file over the row threshold runs in the background without asking; a small one answers at once', async () => {
    const w = await env().workspace();
    const big = await start(w, w.admin, { csv: dealsCsv(env().config.importSyncMaxRows + 1, 'Big') });
    expect(big.status).toBe(202);
    const small = await start(w, w.admin, { csv: dealsCsv(3, 'Small'), dryRun: true });
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ ok: true, dryRun: true, created: 3 });
    await runJobs(env());
    expect((await w.as(w.admin).get(jobUrl(big.body))).body.result).toMatchObject({
      ok: true,
      created: env().config.importSyncMaxRows + 1,
    });
  }, 180_000);

  it('a refused background import writes nothing and reports every error in the result', async () => {
    const w = await env().workspace();
    const csv = ['Name,Amount,Close Date', 'Good,10,2027-01-15', ',20,2027-01-15', 'Bad amount,abc,2027-01-15'].join('\n');
    const res = await start(w, w.admin, { csv, background: true });
    await runJobs(env());
    const job = (await w.as(w.admin).get(jobUrl(res.body))).body;
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ ok: false, created: 0 });
    expect(jobReport(job).errors.map((e) => e.line)).toEqual([3, 4]);
    expect((await w.as(w.admin).get('/api/v1/deals')).body.items).toHaveLength(0);
  });

  it('a background dry run checks and counts but writes nothing', async () => {
    const w = await env().workspace();
    const res = await start(w, w.admin, { csv: dealsCsv(5), background: true, dryRun: true });
    await runJobs(env());
    expect((await w.as(w.admin).get(jobUrl(res.body))).body.result).toMatchObject({ ok: true, dryRun: true, created: 5 });
    expect((await w.as(w.admin).get('/api/v1/deals')).body.items).toHaveLength(0);
  });

  it('one user may have one heavy job at a time: the next answers 429 with Retry-After until it finished', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const first = await start(w, rep, { csv: dealsCsv(2, 'A'), background: true });
    expect(first.status).toBe(202);
    const second = await start(w, rep, { csv: dealsCsv(2, 'B'), background: true, dryRun: true });
    expect(second.status).toBe(429);
    expect(second.body.error?.code).toBe('rate_limited');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    // Another user is not held back by the first one's job.
    expect((await start(w, w.admin, { csv: dealsCsv(2, 'C'), background: true })).status).toBe(202);
    await runJobs(env());
    expect((await start(w, rep, { csv: dealsCsv(2, 'B'), background: true })).status).toBe(202);
    await runJobs(env());
  });

  it('refuses a role that cannot import before queueing anything', async () => {
    const w = await env().workspace();
    const marketing = await w.user('marketing');
    const res = await start(w, marketing, { csv: dealsCsv(2), background: true });
    expect(res.status).toBe(403);
  });
});
