// On a SQLite file the dashboard and the other history routes read on the read worker's thread, a
// connection that cannot see a temporary table the request created on the main one: "as of a past
// date" failed there with a 500 (no such table: kpi_deals_as_of_1) while every in-memory test
// passed. The figures as of a date must be the worked example's, as they are in memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/test-env.js';
import { workedExample } from './testing/worked-example.js';

describe('as of a past date on a SQLite file (reads on the worker thread)', () => {
  let dir: string;
  let env: TestEnv & { close(): Promise<void> };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'furrow-as-of-'));
    env = await createTestEnv('sqlite', { sqliteFile: join(dir, 'furrow.db') });
  });

  afterAll(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the dashboard and a KPI as they were known at the date', async () => {
    expect(env.database.offThreadReads).not.toBeNull();
    const x = await workedExample(env);
    const admin = x.w.as(x.w.admin);
    // On 31 October D1 and D5 were won, D4 still open and D2 not yet lost.
    const then = await admin.get('/api/v1/dashboard?period=FY2026-Q4&asOf=2026-10-31');
    expect(then.status).toBe(200);
    expect(then.body.tiles.find((t) => t.kpi.id === 'won_amount')).toMatchObject({ value: 60_000 });
    expect(then.body.tiles.find((t) => t.kpi.id === 'win_rate')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    const kpi = await admin.get('/api/v1/kpis/won_amount?period=FY2026-Q4&asOf=2026-10-31');
    expect(kpi.status).toBe(200);
    expect(kpi.body.value).toBe(60_000);
  });
});
