// Large-scale data: `tsx bench/generate.ts --deals 100000 --database <url>` migrates the database
// and adds a new workspace with that many simulated deals, their history and activities.
import { parseArgs } from 'node:util';
import { seedDemo } from '../server/cli/demo-seed.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrator.js';

const usage = `usage: tsx bench/generate.ts [--deals 100000] [--activities-per-deal 10] [--database sqlite:./data/bench.db | postgres://…] [--now 2026-11-28T09:00:00Z]`;

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number\n${usage}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      deals: { type: 'string' },
      'activities-per-deal': { type: 'string' },
      database: { type: 'string', default: 'sqlite:./data/bench.db' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const deals = Math.round(positive('deals', values.deals, 100_000));
  const activitiesPerDeal = positive('activities-per-deal', values['activities-per-deal'], 10);
  const now = values.now ? Date.parse(values.now) : Date.now();
  if (Number.isNaN(now)) throw new Error(`--now must be an ISO date\n${usage}`);

  const database = openDatabase(values.database, { poolSize: 2 });
  try {
    const started = Date.now();
    for (const line of await migrateToLatest(database.db)) console.log(line);
    const result = await seedDemo(database, { now, log: (m) => console.log(m), scale: { deals, activitiesPerDeal } });
    console.log(
      `\nworkspace ${result.workspaceId} on ${database.engine} in ${((Date.now() - started) / 1000).toFixed(1)} s; sign in with (password furrow-demo-2026):`,
    );
    for (const line of result.logins) console.log(`  ${line}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
