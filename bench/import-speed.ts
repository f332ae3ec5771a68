// `npm run bench -- --import [--rows 20000] [--postgres postgres://…]`: a deals CSV with full history
// (HubSpot style: "Date entered <stage>" columns; open, won and lost deals) imported through Furrow's
// import service into a fresh workspace, then in the same run the same rows (deals, `changes`,
// stage moves) inserted bare on the driver with one prepared statement per table in one transaction:
// the engine's limit on this machine. Prints deals/s, rows/s and the ratio per engine.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { loadConfig } from '../server/config.js';
import type { Ctx } from '../server/context.js';
import { runImport } from '../server/crm/import-export/import.service.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrator.js';
import type { DB } from '../server/db/schema.js';
import { createWorkspace } from '../server/identity/workspaces.service.js';
import { newId } from '../server/ids.js';

const DAY = 86_400_000;
const OPEN_STAGES = ['Qualify', 'Discovery', 'Solution', 'Proposal', 'Negotiation'] as const;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0;
    return a / 4_294_967_296;
  };
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** N deals over the two years before `now`: forward paths that sometimes skip a stage; 45 % won, 35 % lost, 20 % open. */
export function historyCsv(rows: number, now: number): string {
  const random = rng(20261212);
  const entered = [...OPEN_STAGES, 'Closed Won', 'Closed Lost'].map((s) => `"Date entered ""${s} (Sales Pipeline)"""`);
  const lines = [['"Record ID"', '"Deal Name"', '"Deal Stage"', '"Amount"', '"Close Date"', '"Create Date"', ...entered].join(',')];
  const first = now - 730 * DAY;
  for (let i = 0; i < rows; i++) {
    const start = first + Math.floor(random() * 500) * DAY + Math.floor(random() * 8) * 3_600_000;
    const depth = 1 + Math.floor(random() * OPEN_STAGES.length);
    const at: (number | undefined)[] = [];
    let t = start;
    for (let s = 0; s < depth; s++) {
      if (s > 0 && s < depth - 1 && random() < 0.2) continue;
      at[s] = t;
      t += (1 + Math.floor(random() * 25)) * DAY + Math.floor(random() * 5) * 3_600_000;
    }
    const roll = random();
    const outcome = roll < 0.45 ? 'won' : roll < 0.8 ? 'lost' : 'open';
    const last = at.reduce<number>((acc, v, s) => (v === undefined ? acc : s), 0);
    const stage = outcome === 'won' ? 'Closed Won' : outcome === 'lost' ? 'Closed Lost' : OPEN_STAGES[last];
    const cells = [
      String(9_000_000 + i),
      `Bench deal ${i + 1}`,
      stage as string,
      String((5 + Math.floor(random() * 95)) * 1000),
      outcome === 'open' ? dayOf(now + 90 * DAY) : dayOf(t),
      stamp(start),
      ...OPEN_STAGES.map((_, s) => (at[s] === undefined ? '' : stamp(at[s] as number))),
      outcome === 'won' ? stamp(t) : '',
      outcome === 'lost' ? stamp(t) : '',
    ];
    lines.push(cells.map((c) => `"${c}"`).join(','));
  }
  return lines.join('\r\n');
}

const TABLES = ['deals', 'changes', 'stage_moves'] as const;
type Table = (typeof TABLES)[number];
type Rows = Record<Table, Record<string, unknown>[]>;

async function written(db: Kysely<DB>, workspaceId: string): Promise<Rows> {
  const [deals, changes, moves] = await Promise.all([
    db.selectFrom('deals').selectAll().where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('changes').selectAll().where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('stage_moves').selectAll().where('workspace_id', '=', workspaceId).execute(),
  ]);
  return { deals, changes, stage_moves: moves } as unknown as Rows;
}

/** The same rows under new ids (and external ids), so they can be inserted beside the imported ones. */
function copies(rows: Rows): Rows {
  const ids = new Map(rows.deals.map((d) => [d.id as string, newId()]));
  return {
    deals: rows.deals.map((d) => ({ ...d, id: ids.get(d.id as string), external_id: d.external_id === null ? null : `${d.external_id}-bare` })),
    changes: rows.changes.map((c) => ({ ...c, id: newId(), entity_id: ids.get(c.entity_id as string) ?? c.entity_id })),
    stage_moves: rows.stage_moves.map((m) => ({ ...m, id: newId(), deal_id: ids.get(m.deal_id as string) })),
  };
}

interface Figures {
  engine: string;
  deals: number;
  rows: number;
  importMs: number;
  /** This process's CPU time (user + system) for the import: under a loaded machine's queue, the steadier figure. */
  importCpuMs: number;
  bareCpuMs: number;
  /** CPU until the first row was written (reading and checking the file). */
  /** CPU until the first row was written: reading the file (a file of more than one batch) or checking it (one batch). */
  checkCpuMs: number;
  /** From the first row written to the commit (the rest is reading and checking the file). */
  writeMs: number;
  bareMs: number;
}

async function benchEngine(url: string, csv: string, rows: number, now: number): Promise<Figures> {
  const database = openDatabase(url, { poolSize: 2 });
  // The SQLite read worker is unref'd (a server keeps the process alive): so must the bench while it waits on it.
  const keepAlive = setInterval(() => {}, 1000);
  try {
    await migrateToLatest(database.db);
    const suffix = newId().slice(-8);
    const { workspaceId, adminId } = await createWorkspace(
      database.db,
      { name: `Import bench ${suffix}`, admin: { email: `bench-${suffix}@import.test`, name: 'Bench Admin', password: 'bench-password-1' } },
      now - 800 * DAY,
    );
    const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: url });
    const ctx: Ctx = {
      db: database.db,
      dialect: database.dialect,
      actor: { userId: adminId, workspaceId, role: 'admin', teamId: null, name: 'Bench Admin', email: `bench-${suffix}@import.test`, via: 'system' },
      now: () => now,
      config,
      memo: new Map(),
    };
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    let writingFrom: bigint | null = null;
    let checkCpuMs = 0;
    const result = await runImport(ctx, {
      entity: 'deals',
      csv,
      historical: true,
      writeDb: database.bulk,
      // BATCH_ROWS=n: the import's batch size (e.g. one batch for the whole file, to compare).
      ...(process.env.BATCH_ROWS && { batchRows: Number(process.env.BATCH_ROWS) }),
      onProgress: (p) => {
        if (p.phase === 'writing' && writingFrom === null) {
          writingFrom = process.hrtime.bigint();
          checkCpuMs = cpuMs(cpu);
        }
      },
    });
    const ended = process.hrtime.bigint();
    const importCpuMs = cpuMs(cpu);
    const importMs = Number(ended - started) / 1e6;
    const writeMs = writingFrom === null ? 0 : Number(ended - (writingFrom as bigint)) / 1e6;
    if (!result.ok || result.created !== rows) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 5))}`);

    const furrow = await written(database.db, workspaceId);
    const bare = copies(furrow);
    const total = TABLES.reduce((n, t) => n + furrow[t].length, 0);
    const bareCpu = process.cpuUsage();
    const bareMs = database.sqlite ? bareSqlite(database.sqlite, bare) : await barePostgres(database.pgPool as NonNullable<typeof database.pgPool>, bare);
    return { engine: database.engine, deals: furrow.deals.length, rows: total, importMs, writeMs, bareMs, importCpuMs, bareCpuMs: cpuMs(bareCpu), checkCpuMs };
  } finally {
    await database.close();
    clearInterval(keepAlive);
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function insertSql(table: Table, columns: string[], placeholder: (i: number) => string): string {
  return `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => placeholder(i)).join(', ')})`;
}

/** One prepared statement per table, every row in one transaction (better-sqlite3, synchronous). */
function bareSqlite(sqlite: NonNullable<ReturnType<typeof openDatabase>['sqlite']>, rows: Rows): number {
  const started = process.hrtime.bigint();
  sqlite.transaction(() => {
    for (const table of TABLES) {
      const first = rows[table][0];
      if (!first) continue;
      const columns = Object.keys(first);
      const statement = sqlite.prepare(insertSql(table, columns, () => '?'));
      for (const row of rows[table]) statement.run(...columns.map((c) => row[c] as never));
    }
  })();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** One named (prepared) statement per table, a round trip per row, in one transaction. */
async function barePostgres(pool: NonNullable<ReturnType<typeof openDatabase>['pgPool']>, rows: Rows): Promise<number> {
  const client = await pool.connect();
  try {
    const started = process.hrtime.bigint();
    await client.query('begin');
    for (const table of TABLES) {
      const first = rows[table][0];
      if (!first) continue;
      const columns = Object.keys(first);
      const text = insertSql(table, columns, (i) => `$${i + 1}`);
      const name = `bench_insert_${table}`;
      for (const row of rows[table]) await client.query({ name, text, values: columns.map((c) => row[c]) });
    }
    await client.query('commit');
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    client.release();
  }
}

export async function importSpeed(options: { rows: number; sqlite?: string | undefined; postgres?: string | undefined }): Promise<void> {
  const now = Date.now();
  const csv = historyCsv(options.rows, now);
  console.log(
    `Import speed: ${options.rows} deals with full history (${(csv.length / 1e6).toFixed(1)} MB CSV); load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const dir = options.sqlite ? null : mkdtempSync(join(os.tmpdir(), 'furrow-import-bench-'));
  const urls = [options.sqlite ?? `sqlite:${join(dir as string, 'bench.db')}`, ...(options.postgres ? [options.postgres] : [])];
  try {
    for (const url of urls) {
      const f = await benchEngine(url, csv, options.rows, now);
      const furrowRows = f.rows / (f.importMs / 1000);
      const bareRows = f.rows / (f.bareMs / 1000);
      console.log(
        `${f.engine.padEnd(8)} Furrow ${(f.importMs / 1000).toFixed(2)} s (from the first row written ${(f.writeMs / 1000).toFixed(2)} s): ${Math.round(f.deals / (f.importMs / 1000))} deals/s, ${Math.round(furrowRows)} rows/s` +
          ` | bare ${(f.bareMs / 1000).toFixed(2)} s: ${Math.round(bareRows)} rows/s | ratio ${(furrowRows / bareRows).toFixed(2)}` +
          ` (${f.rows} rows: deals, changes, stage moves) load ${os.loadavg()[0]?.toFixed(2)}` +
          `\n         CPU of this process: Furrow ${(f.importCpuMs / 1000).toFixed(2)} s (before the first row written ${(f.checkCpuMs / 1000).toFixed(2)} s; ${Math.round(f.deals / (f.importCpuMs / 1000))} deals/s), bare ${(f.bareCpuMs / 1000).toFixed(2)} s` +
          (f.engine === 'sqlite' ? `, ratio ${(f.bareCpuMs / f.importCpuMs).toFixed(2)}` : ' (the server works apart)'),
      );
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
