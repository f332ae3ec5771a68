// A dry run of new deals writes nothing, so it must not take the write lock (issue 14: "a dry run
// must not hold write locks that stall the app while it checks"). On a SQLite file every writer of
// the process takes one write gate, and a transaction holds it: here another writer holds it for
// the whole check, which must still finish (and find the same rows a real import would create).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/test-env.js';
import { runImport } from './import.service.js';

const dealsCsv = (n: number) => ['Name,Amount,Close Date', ...Array.from({ length: n }, (_, i) => `Checked deal ${i},${100 + i},2027-01-15`)].join('\n');

describe('a dry run of new deals on a SQLite file', () => {
  let env: TestEnv & { close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'furrow-dry-run-'));
    env = await createTestEnv('sqlite', { sqliteFile: join(dir, 'furrow.db') });
  });
  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks every row while another writer holds the write lock, and writes nothing', async () => {
    const w = await env.workspace();
    const rep = await w.user('rep');
    // The import's own connection, as a background import has it (database.bulk).
    const ctx = { ...w.ctx(rep), db: env.database.bulk };
    const held = await env.database.db.startTransaction().execute();
    let checked: Awaited<ReturnType<typeof runImport>>;
    try {
      const outcome = await Promise.race([
        runImport(ctx, { entity: 'deals', csv: dealsCsv(300), dryRun: true }).then((r) => ({ r })),
        // Not a wait for time to pass: a bound on a check that, holding no lock, ends in well under it.
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000).unref()),
      ]);
      if (!outcome) throw new Error('the dry run waited for the write lock another writer held');
      checked = outcome.r;
    } finally {
      await held.rollback().execute();
    }
    expect(checked).toMatchObject({ ok: true, dryRun: true, rows: 300, created: 300, errors: [] });
    expect((await w.as(rep).get('/api/v1/deals')).body.items).toHaveLength(0);
  });
});
