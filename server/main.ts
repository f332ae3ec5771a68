// read config → open db → migrate → (seed demo when asked and empty) → build app → listen; graceful close.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { countWorkspaces } from './identity/workspaces.repo.js';
import { JOBS, SCHEDULES } from './jobs/registry.js';
import { createJobRunner } from './jobs/runner.js';

export interface ServeOptions {
  /** Seed the demo workspace when the database holds no workspace yet (the try-it path). */
  demoIfEmpty: boolean;
}

export async function serve(config: Config, options: ServeOptions): Promise<void> {
  const database = openDatabase(config.databaseUrl, {
    poolSize: config.pgPoolSize,
    bulkPoolSize: config.pgBulkPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    bulkStatementTimeoutMs: config.bulkStatementTimeoutMs,
    replicaUrl: config.databaseReplicaUrl,
  });
  await migrateToLatest(database.db);

  let firstRun = (await countWorkspaces(database.db)) === 0;
  let demoLogins: string[] = [];
  if (firstRun && options.demoIfEmpty) {
    const { seedDemo } = await import('./cli/demo-seed.js');
    console.log('Empty database: seeding the demo workspace (a year of history; this takes a moment)…');
    const result = await seedDemo(database, { now: Date.now(), log: (m) => console.log(`  ${m}`) });
    demoLogins = result.logins;
    firstRun = false;
  }

  const app = await buildApp({ database, config, now: Date.now });
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Not serving (port taken, no such address): close what was opened and let the caller report
    // it with a failing exit code.
    await app.close();
    await database.close();
    throw error;
  }
  // Background jobs start once the app serves and stop before the database closes.
  const runner = createJobRunner({ database, config, now: Date.now, jobs: JOBS, schedules: SCHEDULES, log: (m, extra) => app.log.info(extra ?? {}, m) });
  runner.start();
  // Installed once serving: close-with-grace also ends the process on 'beforeExit' with code 0,
  // which would hide a failed start.
  closeWithGrace({ delay: 10_000, logger: { error: (m: string) => console.error(`[shutdown] ${m}`) } }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else if (signal) app.log.info(`${signal} received, closing`);
    await runner.stop();
    await app.close();
    await database.close();
  });

  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(`\nFurrow is running at ${url}  (database: ${database.engine})`);
  if (demoLogins.length > 0) {
    console.log('Sign in with one of the demo accounts (password for all: furrow-demo-2026):');
    for (const line of demoLogins) console.log(`  ${line}`);
  } else if (firstRun) {
    console.log(
      `No workspace yet: open ${url} to create the first admin, or run \`furrow user add --role admin --workspace-name … --email … --name … --password-stdin\`.`,
    );
  } else {
    console.log('Sign in with your account. API docs: /api/docs');
  }
}
