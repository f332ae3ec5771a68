// A CSV too big for a JSON body goes up as a multipart file (issue 14: "files larger than the body
// limit upload in a stream"): stored a part at a time in the held job's text while it arrives, then
// imported by the job reading those parts one at a time. Bad options and files are refused by name,
// and a refused or broken upload leaves no job behind.
import { expect, it } from 'vitest';
import { Role, type Role as RoleName } from '../../../api/common.js';
import { ImportEntity } from '../../../api/imports.js';
import { reachOf } from '../../identity/policy.js';
import { createJobRunner } from '../../jobs/runner.js';
import { describeEngines, type TestEnv, type TestUser } from '../../test/test-env.js';
import { importResource } from './fields.js';
import { importJob } from './import.jobs.js';
import { enqueueImport } from './import-background.service.js';
import { jobReport } from './testing/import-answers.js';

const BOUNDARY = '----furrowimportupload';

function multipart(fields: { options?: string; file?: string }, options: { cut?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  if (fields.options !== undefined) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${fields.options}\r\n`));
  if (fields.file !== undefined) {
    const file = Buffer.from(fields.file);
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="deals.csv"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(options.cut ? file.subarray(0, Math.floor(file.length / 2)) : Buffer.concat([file, Buffer.from('\r\n')]));
  }
  if (!options.cut) parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

const upload = (env: TestEnv, user: TestUser, body: Buffer) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/imports/deals/upload',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });

/** 300 deals with a 2 KB column nothing maps: ~620 KB, so the stored file takes several parts. */
const bigCsv = (prefix: string) =>
  ['Opportunity,Amount,Close Date,Notes', ...Array.from({ length: 300 }, (_, i) => `${prefix} ${i},${1000 + i},2027-03-31,${'é'.repeat(1000)}x${i}`)].join(
    '\n',
  );

describeEngines('a CSV uploaded as a file', { config: { importMaxUploadBytes: 1024 * 1024 } }, (env) => {
  const runJobs = () => createJobRunner({ database: env().database, config: env().config, now: () => env().clock.now, jobs: [importJob] }).runDue();
  const heldJobs = async (workspaceId: string) =>
    env().database.db.selectFrom('jobs').select(['id', 'state']).where('workspace_id', '=', workspaceId).where('name', '=', importJob.name).execute();

  it('stores the file in parts as it arrives and imports it as a background job', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const options = JSON.stringify({ mapping: { Opportunity: 'name' }, fileName: 'pipeline.csv' });
    const res = await upload(env(), rep, multipart({ options, file: bigCsv('Uploaded') }));
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    expect(res.headers.location).toBe(`/api/v1/jobs/${jobId}`);
    const parts = await env().database.db.selectFrom('job_texts').select('part').where('job_id', '=', jobId).execute();
    expect(parts.length).toBeGreaterThan(1);

    await runJobs();
    const job = await w.as(rep).get(`/api/v1/jobs/${jobId}`);
    expect(job.body.state).toBe('done');
    const report = jobReport(job.body);
    expect(report).toMatchObject({ ok: true, rows: 300, created: 300, unmapped: ['Notes'] });
    const deals = await w.as(rep).get('/api/v1/deals?q=Uploaded&limit=200');
    expect(deals.body.items).toHaveLength(200);
    const run = await env()
      .database.db.selectFrom('import_runs')
      .select(['file_name', 'created', 'actor_id'])
      .where('id', '=', report.id as string)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ file_name: 'pipeline.csv', created: 300, actor_id: rep.id });
  });

  it('names the option or the file that is wrong, and leaves no job behind', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const field = async (body: Buffer) => {
      const res = await upload(env(), rep, body);
      expect(res.statusCode).toBe(400);
      return (res.json() as { error: { details: { fields: { field: string; message: string }[] } } }).error.details.fields[0];
    };
    expect(await field(multipart({ options: '{not json', file: bigCsv('A') }))).toMatchObject({ field: 'options' });
    expect(await field(multipart({ options: JSON.stringify({ dryRun: 'yes' }), file: bigCsv('B') }))).toMatchObject({ field: 'options.dryRun' });
    expect(await field(multipart({ options: JSON.stringify({ csv: 'a,b' }), file: bigCsv('C') }))).toMatchObject({ field: expect.stringMatching(/^options/) });
    expect(await field(multipart({ options: '{}' }))).toMatchObject({ field: 'file' });
    expect(await field(multipart({ options: '{}', file: '' }))).toMatchObject({ field: 'file', message: expect.stringContaining('empty') });
    const tooBig = `${bigCsv('D')}\n${bigCsv('E')}`;
    expect(await field(multipart({ options: '{}', file: tooBig }))).toMatchObject({ field: 'file', message: 'is larger than 1 MB' });
    expect(await heldJobs(w.id)).toEqual([]);
  });

  it('fails a held job whose upload never finished, freeing the user’s import slot', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    // The request dies mid-file: the server sees the body end early.
    const res = await upload(env(), rep, multipart({ options: '{}', file: bigCsv('Cut') }, { cut: true }));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(await heldJobs(w.id)).toEqual([]);
    // Another upload goes through: no slot is held by the broken one.
    const again = await upload(env(), rep, multipart({ options: '{}', file: bigCsv('Whole').replace('Opportunity', 'Name') }));
    expect(again.statusCode).toBe(202);
    await runJobs();

    // A server that died mid-upload leaves the job held; when its window passes it runs, finds no
    // whole file and fails, and the user may import again.
    const held = await enqueueImport(w.ctx(rep), { entity: 'deals' }, { held: true });
    env().clock.now += 31 * 60_000;
    await runJobs();
    env().clock.now += 60_000;
    await runJobs();
    const job = await w.as(rep).get(`/api/v1/jobs/${held}`);
    expect(job.body).toMatchObject({ state: 'failed', lastError: expect.stringContaining('upload did not finish') });
    expect((await upload(env(), rep, multipart({ options: '{}', file: bigCsv('Later').replace('Opportunity', 'Name') }))).statusCode).toBe(202);
  });

  it('answers every role × kind of record as the policy table says (generated cases), queueing nothing when refused', async () => {
    const w = await env().workspace();
    const entities = ImportEntity.anyOf.map((e) => e.const as ImportEntity);
    const roles = Role.anyOf.map((r) => r.const as RoleName);
    const cases = roles.flatMap((role) => entities.map((entity) => ({ role, entity, allowed: reachOf(role, importResource(entity), 'create') !== 'none' })));
    expect(cases.filter((c) => c.allowed).length).toBeGreaterThan(0);
    expect(cases.filter((c) => !c.allowed).length).toBeGreaterThan(0);
    for (const c of cases) {
      // A user per case: each may have one import queued (HEAVY_JOBS_PER_USER), and none of these runs.
      const who = await w.user(c.role);
      const res = await env().app.inject({
        method: 'POST',
        url: `/api/v1/imports/${c.entity}/upload`,
        headers: { authorization: `Bearer ${who.token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        payload: multipart({ options: '{}', file: 'Name\nSomething' }),
      });
      expect(res.statusCode, `${c.role} uploading ${c.entity}`).toBe(c.allowed ? 202 : 403);
    }
    const jobs = await heldJobs(w.id);
    expect(jobs).toHaveLength(cases.filter((c) => c.allowed).length);
    expect(jobs.every((j) => j.state === 'queued')).toBe(true);
  });
});
