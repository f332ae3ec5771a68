// Crash safety (issue #17): a Furrow server process under a load of API writes and imports is killed
// with SIGKILL at a random moment, again and again. After each kill the database must be whole
// (SQLite's integrity check), every write the server acknowledged must be there with what it said,
// and no operation may be half applied: a deal's amount is the one its history last recorded, and a
// file import is in whole or not at all. The same database lives on across the iterations, so each
// restart also recovers what the last kill left behind.
// FURROW_CRASH_ITERATIONS sets the kills per engine: 3 in CI, ≥ 200 nightly
// (`npm run test:nightly`: FURROW_CRASH_ITERATIONS=200, this file only).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../db/dialect.js';
import { freePort, until } from '../test/processes.js';
import { createTestEnv, type TestEnv, type TestWorkspace, testEngines } from '../test/test-env.js';

const ITERATIONS = Number(process.env.FURROW_CRASH_ITERATIONS ?? 3);
const IMPORT_ROWS = 40;
const dir = mkdtempSync(join(tmpdir(), 'furrow-crash-'));

/** What the server acknowledged, to be found after the crash. */
interface Acked {
  accounts: Set<string>;
  /** deal id → the amount of its last acknowledged write (create or PATCH). */
  deals: Map<string, number>;
  /** import batch tag → acknowledged (an import answered 200 with ok, or its background job is done with ok). */
  imports: Map<string, boolean>;
  /** Tags of the acknowledged imports that ran as background jobs. */
  background: Set<string>;
}

class Node {
  private child: ChildProcess | null = null;
  port = 0;
  constructor(
    private readonly name: string,
    private readonly databaseUrl: string,
  ) {}

  async start(): Promise<void> {
    this.port = await freePort();
    const log = openSync(join(dir, `${this.name}.log`), 'a');
    // The server itself (no tsx wrapper process), so SIGKILL stops the process that writes.
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/furrow.ts', 'serve'], {
      // A background import killed mid-run stays "running" until its lease (an hour) runs out, and
      // would count against the one heavy job a user may have at once.
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATABASE_URL: this.databaseUrl,
        HEAVY_JOBS_PER_USER: '100',
      },
      stdio: ['ignore', log, log],
    });
    const exited = new Promise<never>((_, reject) => this.child?.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`))));
    await Promise.race([until('the server to be ready', 120_000, async () => (await fetch(`http://127.0.0.1:${this.port}/readyz`)).ok), exited]).catch(
      (error: Error) => {
        throw new Error(`${error.message}; its output:\n${readFileSync(join(dir, `${this.name}.log`), 'utf8').slice(-3000)}`);
      },
    );
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }
}

/** Writes through the API until stopped; records each acknowledged one. */
function writeLoad(port: number, token: string, acked: Acked, iteration: number): { stop(): void; done: Promise<void> } {
  let running = true;
  const api = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  };
  const loop = async (lane: number) => {
    for (let n = 0; running; n++) {
      const tag = `i${iteration}l${lane}n${n}`;
      try {
        if (lane === 0 && n % 3 === 0) {
          // A file import: all its rows or none. Every other one as a background job, which writes
          // on the bulk connection (on SQLite a worker thread's): acknowledged once its job is done.
          const csv = ['name,amount,close date', ...Array.from({ length: IMPORT_ROWS }, (_, r) => `imp-${tag}-${r},${100 + r},2027-06-30`)].join('\n');
          acked.imports.set(tag, false);
          const background = n % 6 === 3;
          const res = await api('POST', '/api/v1/imports/deals', { csv, background });
          if (res.status === 200 && res.body?.ok === true) acked.imports.set(tag, true);
          if (background && res.status === 202) {
            const location = res.body?.location as string;
            for (let state = 'queued'; running && (state === 'queued' || state === 'running'); ) {
              // Polled as a client polls it (the runner claims a job within a second).
              await new Promise((resolve) => setTimeout(resolve, 50));
              const job = await api('GET', location, undefined);
              state = String(job.body?.state);
              const result = job.body?.result as { ok?: boolean } | null | undefined;
              if (state === 'done' && result?.ok === true) {
                acked.imports.set(tag, true);
                acked.background.add(tag);
              }
            }
          }
          continue;
        }
        const account = await api('POST', '/api/v1/accounts', { name: `acct-${tag}` });
        if (account.status === 201) acked.accounts.add(account.body?.id as string);
        const deal = await api('POST', '/api/v1/deals', { name: `deal-${tag}`, amount: 1000 + n, closeDate: '2027-03-31', accountId: account.body?.id });
        if (deal.status !== 201) continue;
        const id = deal.body?.id as string;
        acked.deals.set(id, 1000 + n);
        const patched = await api('PATCH', `/api/v1/deals/${id}`, { version: deal.body?.version, amount: 5000 + n });
        if (patched.status === 200) acked.deals.set(id, 5000 + n);
      } catch {
        // The server went away mid-request: that write was never acknowledged.
      }
    }
  };
  const done = Promise.all([0, 1, 2, 3].map(loop)).then(() => undefined);
  return { stop: () => (running = false), done };
}

async function checkWhole(env: TestEnv, w: TestWorkspace, acked: Acked): Promise<void> {
  const db = env.database.db;
  if (env.engine === 'sqlite') {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    expect(rows.map((r) => r.integrity_check)).toEqual(['ok']);
  }
  const accounts = new Set((await db.selectFrom('accounts').select('id').where('workspace_id', '=', w.id).execute()).map((r) => r.id));
  const missingAccounts = [...acked.accounts].filter((id) => !accounts.has(id));
  expect(missingAccounts, 'acknowledged accounts missing').toEqual([]);

  const deals = await db.selectFrom('deals').select(['id', 'name', 'amount']).where('workspace_id', '=', w.id).execute();
  const byId = new Map(deals.map((d) => [d.id, d]));
  const lost = [...acked.deals].filter(([id, amount]) => Number(byId.get(id)?.amount) !== amount && !(Number(byId.get(id)?.amount) > amount));
  expect(lost, 'acknowledged deal writes missing').toEqual([]);

  // History and row agree for every deal: a write is its row and its history, or neither.
  const lastAmount = await db
    .selectFrom('changes')
    .select(['entity_id', 'to_value', 'at', 'id'])
    .where('workspace_id', '=', w.id)
    .where('entity', '=', 'deal')
    .where('field', '=', 'amount')
    .orderBy('at')
    .orderBy('id')
    .execute();
  const recorded = new Map<string, string | null>();
  for (const c of lastAmount) recorded.set(c.entity_id, c.to_value);
  const halfApplied = deals.filter((d) => recorded.get(d.id) !== String(d.amount)).map((d) => `${d.name}: row ${d.amount}, history ${recorded.get(d.id)}`);
  expect(halfApplied, 'deals whose history does not end at their amount').toEqual([]);

  // Imports: each batch whole or absent; an acknowledged one present.
  const imported = new Map<string, number>();
  for (const d of deals) {
    const tag = /^imp-(.+)-\d+$/.exec(d.name)?.[1];
    if (tag) imported.set(tag, (imported.get(tag) ?? 0) + 1);
  }
  const partial = [...imported].filter(([, count]) => count !== IMPORT_ROWS);
  expect(partial, 'imports half written').toEqual([]);
  const lostImports = [...acked.imports].filter(([tag, ok]) => ok && !imported.has(tag)).map(([tag]) => tag);
  expect(lostImports, 'acknowledged imports missing').toEqual([]);
}

for (const engine of testEngines() as Engine[]) {
  let env: TestEnv & { close(): Promise<void> };
  let w: TestWorkspace;
  let node: Node;
  const sqliteFile = join(dir, `crash-${engine}.db`);

  beforeAll(async () => {
    env = await createTestEnv(engine, engine === 'sqlite' ? { sqliteFile } : { ownDatabase: true });
    w = await env.workspace();
    node = new Node(engine, engine === 'sqlite' ? `sqlite:${sqliteFile}` : env.config.databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await node?.kill();
    await env?.close();
  });

  it(
    `[${engine}] survives ${ITERATIONS} kills mid-write with every acknowledged write and nothing half applied`,
    async () => {
      const acked: Acked = { accounts: new Set(), deals: new Map(), imports: new Map(), background: new Set() };
      let writesAtKill = 0;
      for (let i = 0; i < ITERATIONS; i++) {
        await node.start();
        const load = writeLoad(node.port, w.admin.token, acked, i);
        // A random moment once writes are flowing: after 1–40 acknowledged writes of this round.
        const target = acked.deals.size + 1 + Math.floor(Math.random() * 40);
        await until('writes to flow', 120_000, async () => acked.deals.size >= target);
        await node.kill();
        load.stop();
        await load.done;
        writesAtKill = acked.deals.size;
        await checkWhole(env, w, acked);
      }
      console.log(
        `crash safety [${engine}]: ${ITERATIONS} kills, ${writesAtKill} acknowledged deals, ${acked.accounts.size} accounts, ${[...acked.imports.values()].filter(Boolean).length} of ${acked.imports.size} imports acknowledged (${acked.background.size} of them background jobs); 0 lost, 0 half applied`,
      );
    },
    ITERATIONS * 90_000,
  );
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));
