// Vitest global setup: one migrated PostgreSQL database for the whole run when TEST_DATABASE_URL
// is set. Tests isolate themselves by workspace, so they can share it and run in parallel.
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { createScratchDatabase, dropScratchDatabase } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgAdminUrl: string | null;
    /** A migrated database nobody connects to: suites that need a database of their own copy it. */
    pgTemplateUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) {
    project.provide('pgUrl', null);
    project.provide('pgAdminUrl', null);
    project.provide('pgTemplateUrl', null);
    return async () => {};
  }
  let url: string;
  try {
    url = await createScratchDatabase(adminUrl);
  } catch (error) {
    // CI sets TEST_DATABASE_URL precisely to test PostgreSQL: unreachable is a failure, not a skip.
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${(error as Error).message}`);
  }
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  await database.close();
  const template = await createScratchDatabase(adminUrl, 'furrow_tpl', url);
  project.provide('pgUrl', url);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateUrl', template);
  return async () => {
    await dropScratchDatabase(adminUrl, url);
    await dropScratchDatabase(adminUrl, template);
  };
}
