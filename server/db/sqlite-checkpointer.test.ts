// A SQLite file's log is copied back by the checkpointer's worker thread, never inside a commit on
// the main thread (where a big import's pages once held every request for ~300 ms).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dir = mkdtempSync(join(tmpdir(), 'furrow-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const size = (file: string) => statSync(file).size;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never: ${what}`);
}

describe('SQLite checkpoints off the main thread', () => {
  it('leaves a commit to the log and copies it into the file from the worker', async () => {
    const file = join(dir, 'furrow.db');
    const database = openDatabase(file);
    try {
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(database.db);
      const before = size(file);
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 100; i++) {
          await sql`INSERT INTO t (body) SELECT printf('%0500d', value) FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 100) SELECT value FROM n)`.execute(
            trx,
          );
        }
      });
      // The commit itself only appended to the log: no autocheckpoint ran inside it.
      expect(size(`${file}-wal`)).toBeGreaterThan(4_500_000);
      expect(size(file)).toBe(before);
      await until(() => size(file) > 4_500_000, 'the worker copied the log into the database file');
      const count = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(database.db);
      expect(count.rows[0]?.n).toBe(10_000);
    } finally {
      await database.close();
    }
    // Reopened after close: every row is in the file.
    const again = openDatabase(file);
    try {
      const count = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(again.db);
      expect(count.rows[0]?.n).toBe(10_000);
    } finally {
      await again.close();
    }
  });
});
