import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from '../test/pg-admin.js';
import { openDatabase } from './database.js';
import { migrateToLatest, migrateToZero } from './migrator.js';

async function tableNames(db: ReturnType<typeof openDatabase>): Promise<string[]> {
  if (db.engine === 'sqlite') {
    const r = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db.db);
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
    db.db,
  );
  return r.rows.map((x) => x.name);
}

async function roundTrip(url: string) {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.db);
    const latest = await tableNames(database);
    expect(latest).toEqual(expect.arrayContaining(['workspaces', 'users', 'deals', 'stage_moves', 'changes', 'activities']));
    await migrateToZero(database.db);
    const empty = (await tableNames(database)).filter((t) => !t.startsWith('kysely_'));
    expect(empty).toEqual([]);
    await migrateToLatest(database.db);
    expect(await tableNames(database)).toEqual(latest);
  } finally {
    await database.close();
  }
}

describe('migrations latest → down → latest', () => {
  it('round-trips on SQLite', async () => {
    await roundTrip(':memory:');
  });

  const adminUrl = inject('pgAdminUrl');
  it.runIf(adminUrl)('round-trips on PostgreSQL', async () => {
    const url = await createScratchDatabase(adminUrl as string, 'furrow_mig');
    try {
      await roundTrip(url);
    } finally {
      await dropScratchDatabase(adminUrl as string, url);
    }
  });
});
