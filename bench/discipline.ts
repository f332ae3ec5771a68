// The weekly discipline index through the HTTP API on the demo year: the full index against its
// headline (?headline=true, the Home card), for a rep (their own), a manager of one team (that
// team) and the CSO (the workspace and every team). Figures in docs/rhythm.md.
//   npx tsx bench/discipline.ts --sqlite ./data/discipline-bench.db | --postgres postgres://… [--runs 5] [--no-statistics]
// The database is seeded with the demo year on first use (an empty one), then reused.
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.js';
import { DEMO_ADMIN } from '../server/cli/demo/org.js';
import { seedDemo } from '../server/cli/demo-seed.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrator.js';

const usage = 'usage: npx tsx bench/discipline.ts --sqlite ./data/discipline-bench.db | --postgres postgres://… [--runs 5] [--no-statistics]';
const { values } = parseArgs({
  options: {
    sqlite: { type: 'string' },
    postgres: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'no-statistics': { type: 'boolean', default: false },
  },
});
const url = values.postgres ?? (values.sqlite ? `sqlite:${values.sqlite}` : undefined);
if (!url) {
  console.error(usage);
  process.exit(2);
}
const runs = Number(values.runs);
const DEMO_PASSWORD = 'furrow-demo-2026';

const database = openDatabase(url);
await migrateToLatest(database.db);
if (!(await database.db.selectFrom('users').select('id').where('email', '=', DEMO_ADMIN.email).executeTakeFirst())) {
  const started = Date.now();
  await seedDemo(database, { now: Date.now() });
  console.log(`seeded the demo year in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
// The planner's statistics, as a running server has them (autovacuum analyses a table once enough
// rows changed). Without them PostgreSQL guesses a handful of rows per table and checks each open
// deal's next step by scanning every future activity of the workspace instead of the deal's own:
// the CSO's full index took 15–36 s instead of 2–3 s (docs/performance.md). SQLite: nothing to do.
if (!values['no-statistics']) {
  const tables = (await database.db.introspection.getTables()).map((t) => t.name);
  for (const statement of database.dialect.afterBulkLoad(tables)) await statement.execute(database.db);
  console.log(`planner statistics updated (${database.engine})`);
}
const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: url, host: '127.0.0.1', port: 0, loginMaxAttempts: 1000 });
const app = await buildApp({ database, config, now: Date.now });

async function signIn(email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email}: ${res.statusCode} ${res.body}`);
  return String(res.headers['set-cookie']).split(';')[0] as string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const who = [
  { label: 'a rep (their own)', email: 'rep1@demo.furrow.test' },
  { label: 'a manager (one team)', email: 'manager2@demo.furrow.test' },
  { label: 'the CSO (workspace + 3 teams)', email: DEMO_ADMIN.email },
];
console.log(`${database.engine}, ${runs} runs each, median (min–max) ms`);
console.log('| caller | scopes | full index by week | headline |');
console.log('| --- | --- | --- | --- |');
for (const w of who) {
  const cookie = await signIn(w.email);
  const row: string[] = [w.label];
  for (const query of ['by=week', 'by=week&headline=true']) {
    const times: number[] = [];
    let scopes = 0;
    for (let i = 0; i < runs + 1; i++) {
      const start = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url: `/api/v1/discipline-index?${query}`, headers: { cookie } });
      const took = Number(process.hrtime.bigint() - start) / 1e6;
      if (res.statusCode !== 200) throw new Error(`${w.email} ${query}: ${res.statusCode} ${res.body}`);
      scopes = (res.json() as { scopes: unknown[] }).scopes.length;
      // The first call warms the statement cache and the memo of the organisation.
      if (i > 0) times.push(took);
    }
    if (row.length === 1) row.push(String(scopes));
    row.push(`${median(times).toFixed(0)} (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)})`);
  }
  console.log(`| ${row.join(' | ')} |`);
}
await app.close();
await database.close();
