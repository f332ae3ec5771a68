// Heavy reads on a SQLite file run on the read worker's thread (sqlite-worker.ts): the main
// thread stays free while the statement runs, the rows are the same, and writes and transactions on
// that handle still go to the main connection.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { FOR_READS } from './sqlite-gate.js';

const dir = mkdtempSync(join(tmpdir(), 'furrow-read-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite heavy reads off the main thread', () => {
  it('answers reads from the worker while the event loop keeps turning, and writes on the main connection', async () => {
    const database = openDatabase(join(dir, 'furrow.db'));
    try {
      const reads = database.offThreadReads;
      if (!reads) throw new Error('a SQLite file has off-thread reads');
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.execute(database.db);
      // Through the off-thread handle: a write (main connection), then a transaction's read of it.
      await sql`INSERT INTO t (name) VALUES ('Ärger'), ('b')`.execute(reads);
      const inTx = await reads.transaction().execute((trx) => sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(trx));
      expect(inTx.rows[0]?.n).toBe(2);
      // Search's fold function exists on the worker's connection too; a `with` read goes there as well.
      const folded = await sql<{ f: string }>`WITH x AS (SELECT furrow_fold(name) AS f FROM t) SELECT f FROM x ORDER BY f`.execute(reads);
      expect(folded.rows.map((r) => r.f)).toEqual(['b', 'ärger']);

      // A statement of ~hundreds of ms: the loop's timer keeps firing while it runs on the worker.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const started = performance.now();
      const slow = await sql<{
        n: number;
      }>`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c`.execute(reads);
      const took = performance.now() - started;
      clearInterval(timer);
      expect(slow.rows[0]?.n).toBe(3_000_000);
      expect(ticks).toBeGreaterThan(Math.floor(took / 5 / 4));
      // A bad statement is refused with SQLite's message, not a hung promise.
      await expect(sql`SELECT * FROM missing_table`.execute(reads)).rejects.toThrow(/no such table/);

      // A temporary table built for the reads (FOR_READS) lives on the worker, where the reads that
      // use it run, `with` statements included; the worker still refuses to write the file's tables.
      await sql`${sql.raw(FOR_READS)}CREATE TEMPORARY TABLE t_copy AS SELECT name FROM t`.execute(reads);
      const copied = await sql<{ n: number }>`WITH c AS (SELECT name FROM t_copy) SELECT count(*) AS n FROM c`.execute(reads);
      expect(copied.rows[0]?.n).toBe(2);
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t_copy`.execute(reads)).rows[0]?.n).toBe(2);
      await sql`${sql.raw(FOR_READS)}DROP TABLE IF EXISTS t_copy`.execute(reads);
      await expect(sql`${sql.raw(FOR_READS)}INSERT INTO t (name) VALUES ('c')`.execute(reads)).rejects.toThrow(/readonly/);
    } finally {
      await database.close();
    }
  });
});

describe('a command that opens a SQLite file and closes it', () => {
  it('runs to its end: closing waits for the workers instead of letting the process exit mid-await (code 13)', () => {
    const script = join(dir, 'open-read-close.mts');
    const database = pathToFileURL(resolve(import.meta.dirname, 'database.ts')).href;
    writeFileSync(
      script,
      [
        `import { openDatabase } from ${JSON.stringify(database)};`,
        `const d = openDatabase(${JSON.stringify(join(dir, 'command.db'))});`,
        `await d.offThreadReads.selectFrom('sqlite_master').select('name').execute();`,
        'await d.close();',
        `console.log('closed');`,
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }, run.stderr).toEqual({ status: 0, stdout: 'closed' });
  });
});
