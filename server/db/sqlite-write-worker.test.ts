// Imports write on a SQLite file through database.bulk, whose connection lives on a worker thread
// (sqlite-worker.ts): a long write statement and its transaction's commit leave the event loop
// free, the write gate still orders the two connections' writers, errors and rollbacks come back
// as they would from the main connection, and what bulk commits, the main connection reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dir = mkdtempSync(join(tmpdir(), 'furrow-write-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite bulk writes off the main thread', () => {
  it('keeps the event loop turning through a long write transaction, and commits what the main connection then reads', async () => {
    const database = openDatabase(join(dir, 'furrow.db'));
    try {
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`.execute(database.db);
      let ticks = 0;
      let longestGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const t = performance.now();
        longestGap = Math.max(longestGap, t - last);
        last = t;
        ticks++;
      }, 5);
      const started = performance.now();
      // ~300k rows written and committed in one transaction on the worker's connection.
      const written = await database.bulk.transaction().execute(async (trx) => {
        await sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000)
                  INSERT INTO t (name) SELECT 'row ' || x || ' ' || hex(randomblob(16)) FROM c`.execute(trx);
        return (await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(trx)).rows[0]?.n;
      });
      const took = performance.now() - started;
      clearInterval(timer);
      expect(written).toBe(300_000);
      // On the main thread this transaction is one stall as long as itself; on the worker, the timer
      // keeps firing (a loaded machine still delays some turns).
      expect(took).toBeGreaterThan(100);
      expect(ticks).toBeGreaterThan(Math.floor(took / 5 / 4));
      expect(longestGap).toBeLessThan(took / 2);
      const read = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(database.db);
      expect(read.rows[0]?.n).toBe(300_000);
    } finally {
      await database.close();
    }
  });

  it('serialises its writers with the main connection’s, reports SQLite’s errors, and rolls back', async () => {
    const database = openDatabase(join(dir, 'gate.db'));
    try {
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`.execute(database.db);
      // A bulk transaction and main-connection writes at once: no SQLITE_BUSY, every row there.
      const bulkTx = database.bulk.transaction().execute(async (trx) => {
        for (let i = 0; i < 50; i++) await sql`INSERT INTO t (name) VALUES (${`bulk ${i}`})`.execute(trx);
      });
      const mains = Array.from({ length: 50 }, (_, i) => sql`INSERT INTO t (name) VALUES (${`main ${i}`})`.execute(database.db));
      await Promise.all([bulkTx, ...mains]);
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(database.db)).rows[0]?.n).toBe(100);

      // A constraint error inside a bulk transaction: SQLite's code, and nothing of it kept.
      const failed = database.bulk.transaction().execute(async (trx) => {
        await sql`INSERT INTO t (name) VALUES ('kept only if committed')`.execute(trx);
        await sql`INSERT INTO t (name) VALUES ('main 0')`.execute(trx);
      });
      await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(database.db)).rows[0]?.n).toBe(100);
      // Inserts answer their row id and count, as on the main connection.
      const inserted = await database.bulk
        .insertInto('t' as never)
        .values({ name: 'one more' } as never)
        .executeTakeFirst();
      expect(Number(inserted.numInsertedOrUpdatedRows)).toBe(1);
      expect(Number(inserted.insertId)).toBeGreaterThan(100);
    } finally {
      await database.close();
    }
  });
});
