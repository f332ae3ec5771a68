// A job's long text (an import's file) lives beside its row, in parts: the handler reads back exactly
// what was enqueued, the row the runner claims and renews stays small, and the text goes once the
// job is done (a failed job keeps it for a retry).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { newId } from '../ids.js';
import { testEngines } from '../test/test-env.js';
import { defineJob, type JobRun } from './job.js';
import { enqueue, JOB_TEXT_PART } from './jobs.service.js';
import { createJobRunner } from './runner.js';

const config = loadConfig({ NODE_ENV: 'test' });
const uniqueName = (what: string) => `test.${what}-${newId().slice(-10).toLowerCase()}`;

/**
 * Two and a half parts, with a surrogate pair (an emoji) astride the first part's end, a NUL and an
 * unpaired surrogate (an import reports them on their line, so they must come back as they were).
 */
function longText(): string {
  const head = 'a'.repeat(JOB_TEXT_PART - 1);
  return `${head}😀${'b'.repeat(JOB_TEXT_PART)}\u0000x\ud800y${'é\n'.repeat(JOB_TEXT_PART / 4)}`;
}

for (const engine of testEngines()) {
  describe(`job texts [${engine}]`, () => {
    let database: Database;
    const now = () => Date.UTC(2027, 0, 10, 12, 0);

    beforeAll(async () => {
      const url = engine === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'furrow-job-texts-')), 'jobs.db') : (inject('pgUrl') as string);
      database = openDatabase(url, { poolSize: 4 });
      if (engine === 'sqlite') await migrateToLatest(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });
    /** The job's text put back together from the parts the handler reads one at a time. */
    const wholeText = async (run: JobRun<unknown>): Promise<string | null> => {
      const text = await run.textParts();
      if (!text) return null;
      let whole = '';
      for await (const part of text.parts()) whole += part;
      return whole;
    };
    const countJobTextParts = async (id: string) => (await database.db.selectFrom('job_texts').select('part').where('job_id', '=', id).execute()).length;

    it('gives the handler the text it was enqueued with, keeps it out of the job row, and drops it once done', async () => {
      const text = longText();
      const seen: (string | null)[] = [];
      const job = defineJob<{ n: number }>({ name: uniqueName('text'), handler: async (run) => void seen.push(await wholeText(run)) });
      const id = await enqueue({ db: database.db, now }, job, { n: 1 }, { text });
      expect(await countJobTextParts(id)).toBe(3);
      const row = await database.db.selectFrom('jobs').select('payload').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.payload.length).toBeLessThan(100);

      expect(await createJobRunner({ database, config, now, jobs: [job] }).runDue()).toEqual({ ran: 1, failed: 0 });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.length).toBe(text.length);
      expect(seen[0] === text).toBe(true);
      expect(await countJobTextParts(id)).toBe(0);
    });

    it('reads null for a job without a text, and an empty text as empty', async () => {
      const seen: (string | null)[] = [];
      const job = defineJob<{ n: number }>({ name: uniqueName('none'), handler: async (run) => void seen.push(await wholeText(run)) });
      await enqueue({ db: database.db, now }, job, { n: 1 });
      await enqueue({ db: database.db, now }, job, { n: 2 }, { text: '' });
      expect(await createJobRunner({ database, config, now, jobs: [job] }).runDue()).toEqual({ ran: 2, failed: 0 });
      expect(seen.sort()).toEqual(['', null].sort());
    });

    it('keeps the text of a job that failed for good, and drops it with the job', async () => {
      const job = defineJob<{ n: number }>({
        name: uniqueName('failing'),
        retryLimit: 0,
        handler: async () => {
          throw new Error('no');
        },
      });
      const id = await enqueue({ db: database.db, now }, job, { n: 1 }, { text: 'name\nx\n' });
      expect(await createJobRunner({ database, config, now, jobs: [job] }).runDue()).toEqual({ ran: 1, failed: 1 });
      expect(await countJobTextParts(id)).toBe(1);
      await database.db.deleteFrom('jobs').where('id', '=', id).execute();
      expect(await countJobTextParts(id)).toBe(0);
    });
  });
}
