// `npm run bench`: the main dashboard queries through Furrow's services against the same SQL run
// bare on the driver, on a database made by the generator (tsx bench/generate.ts --deals 100000).
//   npm run bench -- [--sqlite ./data/bench.db] [--postgres postgres://…] [--runs 5] [--workspace <id>] [--only <name part>] [--slowest]
// Prints one table per engine: median milliseconds through Furrow, bare, and their ratio.
//   npm run bench -- --http [--connections 10] [--seconds 10] [--port 3900] [--cpu-prof]: the request stack instead
// (bench/http.ts): cold start, deals list and /healthz under load, and a bare Fastify route for the ratio.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { addDays, startOfDay } from '../lib/calendar.js';
import { periodContaining, previousPeriod } from '../lib/periods.js';
import { loadConfig } from '../server/config.js';
import type { Ctx } from '../server/context.js';
import { calendarDate } from '../server/dates.js';
import { type BenchConnection, connect } from './capture.js';
import { benchCases } from './cases.js';
import { benchHttp } from './http.js';
import { importSpeed } from './import-speed.js';
import { LIMIT_CASES } from './limits.js';

const usage =
  'usage: npm run bench -- [--sqlite ./data/bench.db] [--postgres postgres://…] [--runs 5] [--workspace <id>] [--only <name part>] [--slowest] [--http [--connections 10] [--seconds 10] [--port 3900] [--cpu-prof]]\n       npm run bench -- --import [--rows 20000] [--sqlite sqlite:./x.db] [--postgres postgres://…]';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function dataset(c: BenchConnection, workspaceId: string | undefined) {
  const ws = workspaceId
    ? await c.db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst()
    : await c.db
        .selectFrom('workspaces as w')
        .selectAll('w')
        .orderBy((eb) => eb.selectFrom('deals').select(eb.fn.countAll().as('n')).whereRef('deals.workspace_id', '=', 'w.id'), 'desc')
        .limit(1)
        .executeTakeFirst();
  if (!ws) throw new Error('No workspace: make one with tsx bench/generate.ts --deals 100000');
  const count = async (table: 'deals' | 'activities' | 'changes' | 'stage_moves') =>
    Number(
      (
        await c.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', ws.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const admin = await c.db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', ws.id)
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const lastChange = await c.db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('workspace_id', '=', ws.id)
    .executeTakeFirstOrThrow();
  const team = await c.db
    .selectFrom('teams')
    .select('id')
    .where('workspace_id', '=', ws.id)
    .where('manager_id', 'is not', null)
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const rep = await c.db
    .selectFrom('deals')
    .select(['owner_id', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', ws.id)
    .groupBy('owner_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  // The rep as a signed-in actor (their team brings its unclaimed leads into a rep's search).
  const repUser = rep ? await c.db.selectFrom('users').select(['id', 'team_id', 'name', 'email']).where('id', '=', rep.owner_id).executeTakeFirst() : undefined;
  return {
    ws,
    admin,
    teamId: team?.id ?? null,
    repId: rep?.owner_id ?? null,
    repUser,
    now: Number(lastChange.at) + 3_600_000,
    counts: { deals: await count('deals'), activities: await count('activities'), changes: await count('changes'), moves: await count('stage_moves') },
  };
}

async function engineVersion(c: BenchConnection): Promise<string> {
  const q = c.engine === 'sqlite' ? sql<{ v: string }>`select sqlite_version() as v` : sql<{ v: string }>`select version() as v`;
  const v = (await q.execute(c.db)).rows[0]?.v ?? '?';
  return c.engine === 'sqlite' ? `SQLite ${v}` : (v.split(' on ')[0] ?? v);
}

interface HttpOptions {
  connections: number;
  seconds: number;
  port: number;
  cpuProf: boolean;
}

async function benchEngine(
  url: string,
  runs: number,
  workspaceId: string | undefined,
  only: string | undefined,
  slowest: boolean,
  http: HttpOptions | null,
): Promise<void> {
  const c = connect(url);
  try {
    const d = await dataset(c, workspaceId);
    if (http) {
      console.log(`\n## ${await engineVersion(c)}: the request stack\n`);
      console.log(`${d.counts.deals.toLocaleString('en')} deals, ${d.counts.activities.toLocaleString('en')} activities`);
      await benchHttp({
        url,
        adminEmail: d.admin.email,
        repEmail: d.repUser?.email ?? null,
        connections: http.connections,
        seconds: http.seconds,
        port: http.port,
        nodeFlags: http.cpuProf ? ['--cpu-prof', '--cpu-prof-dir=data/cpu-prof'] : [],
      });
      return;
    }
    const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: url });
    const actor = {
      userId: d.admin.id,
      workspaceId: d.ws.id,
      role: 'admin' as const,
      teamId: null,
      name: d.admin.name,
      email: d.admin.email,
      via: 'system' as const,
    };
    // A fresh memo per call, as each API request gets.
    const ctx = (): Ctx => ({ db: c.db, dialect: c.dialect, actor, now: () => d.now, config, memo: new Map() });
    const today = calendarDate(d.now, d.ws.timezone);
    const current = periodContaining('quarter', today, d.ws.fiscal_year_start_month);
    const quarter = current.key;
    const previousQuarter = previousPeriod(current, d.ws.fiscal_year_start_month).key;
    const year = periodContaining('year', today, d.ws.fiscal_year_start_month).key;
    console.log(`\n## ${await engineVersion(c)}\n`);
    console.log(
      `${d.counts.deals.toLocaleString('en')} deals, ${d.counts.activities.toLocaleString('en')} activities, ${d.counts.changes.toLocaleString('en')} field changes, ${d.counts.moves.toLocaleString('en')} stage moves; today ${today}, quarter ${quarter}; median of ${runs} runs after one warm-up\n`,
    );
    console.log('| query | statements | through Furrow (ms) | bare SQL (ms) | ratio |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const repActor = d.repUser
      ? { ...actor, userId: d.repUser.id, role: 'rep' as const, teamId: d.repUser.team_id, name: d.repUser.name, email: d.repUser.email }
      : null;
    const furrowMs = new Map<string, number>();
    for (const bc of benchCases({ quarter, previousQuarter, year, asOf: addDays(today, -90), teamId: d.teamId, repId: d.repId, repActor })) {
      if (only && !bc.name.includes(only)) continue;
      c.take();
      await bc.run(ctx());
      const statements = c.take();
      const furrow: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        await bc.run(ctx());
        furrow.push(ms(t));
      }
      c.take();
      const bare: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const t = process.hrtime.bigint();
        for (const s of statements) await c.bare(s);
        if (i > 0) bare.push(ms(t));
      }
      const f = median(furrow);
      const b = median(bare);
      furrowMs.set(bc.name, f);
      console.log(`| ${bc.name} | ${statements.length} | ${f.toFixed(1)} | ${b.toFixed(1)} | ${(f / b).toFixed(2)} |`);
      if (slowest) {
        const timed = [];
        for (const st of statements) {
          const t = process.hrtime.bigint();
          await c.bare(st);
          timed.push({ ms: ms(t), sql: st.sql.replace(/\s+/g, ' ').replace(/^.*?\bf as \(/, 'f as (') });
        }
        for (const x of timed.sort((a, z) => z.ms - a.ms).slice(0, 3)) console.log(`|   ${x.ms.toFixed(1)} ms: ${x.sql.slice(0, 160)}… | | | | |`);
      }
    }
    await limitTable(c, runs, furrowMs, {
      workspaceId: d.ws.id,
      start: startOfDay(current.from, d.ws.timezone),
      end: startOfDay(addDays(current.to, 1), d.ws.timezone),
    });
  } finally {
    await c.close();
  }
}

/** The engine-limit cases of the cases that ran: their median, and Furrow ÷ limit. */
async function limitTable(c: BenchConnection, runs: number, furrowMs: Map<string, number>, p: { workspaceId: string; start: number; end: number }) {
  const cases = LIMIT_CASES.filter((l) => furrowMs.has(l.bounds));
  if (cases.length === 0) return;
  console.log('\n| engine-limit case | limit (ms) | through Furrow (ms) | Furrow ÷ limit |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const l of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t = process.hrtime.bigint();
      await l.run(c, p);
      if (i > 0) times.push(ms(t));
    }
    const limit = median(times);
    const f = furrowMs.get(l.bounds) as number;
    console.log(`| ${l.name} (${l.bounds}) | ${limit.toFixed(1)} | ${f.toFixed(1)} | ${(f / limit).toFixed(1)} |`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sqlite: { type: 'string' },
      postgres: { type: 'string' },
      runs: { type: 'string', default: '5' },
      workspace: { type: 'string' },
      only: { type: 'string' },
      slowest: { type: 'boolean', default: false },
      import: { type: 'boolean', default: false },
      rows: { type: 'string', default: '20000' },
      http: { type: 'boolean', default: false },
      connections: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '10' },
      port: { type: 'string', default: '3900' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values.import) {
    const rows = Number(values.rows);
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer\n${usage}`);
    // A fresh SQLite file in a temporary folder unless --sqlite names one; PostgreSQL only with --postgres.
    await importSpeed({ rows, sqlite: values.sqlite, postgres: values.postgres });
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer\n${usage}`);
  const http = values.http
    ? { connections: Number(values.connections), seconds: Number(values.seconds), port: Number(values.port), cpuProf: values['cpu-prof'] ?? false }
    : null;
  const sqlitePath = values.sqlite ?? (values.postgres ? undefined : './data/bench.db');
  if (sqlitePath && !existsSync(sqlitePath.replace(/^sqlite:/, '')))
    throw new Error(`${sqlitePath} does not exist: make it with tsx bench/generate.ts --deals 100000\n${usage}`);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `# Furrow bench, ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  );
  if (sqlitePath) await benchEngine(`sqlite:${sqlitePath.replace(/^sqlite:/, '')}`, runs, values.workspace, values.only, values.slowest ?? false, http);
  if (values.postgres) await benchEngine(values.postgres, runs, values.workspace, values.only, values.slowest ?? false, http);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
