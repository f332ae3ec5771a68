// Scale-out (issue #17): two Furrow server processes on one PostgreSQL primary (with a streaming
// replica for their dashboards), behind haproxy with health checks on /readyz. Under a load of
// authenticated writes one node is killed with SIGKILL: every write answered 2xx is in the database
// afterwards, and the other node keeps serving. Due schedules, forced due several times while both
// nodes poll, fire once per slot and their jobs run once, across the two nodes.
// haproxy is a Debian package (apt-get install -y haproxy); without it the suite is skipped here
// and fails in CI (.ci/run sets FURROW_SCALE_OUT_REQUIRED=1 and installs it first).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleOutSuiteRequired } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { type PgReplicaPair, pgBinDir, startPgReplicaPair } from '../test/pg-replica.js';
import { freePort, until } from '../test/processes.js';
import { createTestEnv, type TestEnv, type TestWorkspace } from '../test/test-env.js';

function haproxyPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy || ls /usr/sbin/haproxy'], { encoding: 'utf8' }).trim().split('\n')[0] || null;
  } catch {
    return null;
  }
}

const haproxy = haproxyPath();
const bin = pgBinDir();
const missing = [haproxy ? null : 'haproxy (apt-get install -y haproxy)', bin ? null : 'PostgreSQL binaries under /usr/lib/postgresql/*/bin'].filter(Boolean);
if (missing.length > 0) {
  if (scaleOutSuiteRequired()) throw new Error(`the scale-out suite must run here (FURROW_SCALE_OUT_REQUIRED) but ${missing.join(' and ')} is missing`);
  console.warn(`scale-out.test.ts skipped: ${missing.join(' and ')} missing`);
}

const ready = async (port: number) => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;

interface Node {
  name: string;
  port: number;
  process: ChildProcess;
}

describe.skipIf(missing.length > 0)('two nodes behind haproxy', () => {
  let pair: PgReplicaPair;
  let env: TestEnv & { close(): Promise<void> };
  let w: TestWorkspace;
  let primary: pg.Pool;
  const nodes: Node[] = [];
  let proxy: ChildProcess | null = null;
  let proxyPort = 0;
  const dir = mkdtempSync(join(tmpdir(), 'furrow-scale-out-'));

  const startNode = async (name: string): Promise<Node> => {
    const port = await freePort();
    const log = openSync(join(dir, `${name}.log`), 'a');
    // One process (no tsx wrapper), so SIGKILL stops the server itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/furrow.ts', 'serve'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: pair.primaryUrl('furrow'),
        DATABASE_REPLICA_URL: pair.replicaUrl('furrow'),
        PG_POOL_SIZE: '5',
      },
      stdio: ['ignore', log, log],
    });
    return { name, port, process: child };
  };

  beforeAll(async () => {
    pair = await startPgReplicaPair(bin as string);
    const admin = new pg.Client({ connectionString: pair.primaryUrl('postgres') });
    await admin.connect();
    await admin.query('create database furrow');
    await admin.end();
    const migrating = openDatabase(pair.primaryUrl('furrow'));
    await migrateToLatest(migrating.db);
    await migrating.close();
    env = await createTestEnv('postgres', { postgres: { url: pair.primaryUrl('furrow') } });
    w = await env.workspace();
    primary = new pg.Pool({ connectionString: pair.primaryUrl('furrow'), max: 2 });

    nodes.push(await startNode('a'), await startNode('b'));
    for (const n of nodes) {
      await until(`node ${n.name} ready`, 90_000, () => ready(n.port)).catch((error: Error) => {
        throw new Error(`${error.message}; its output:\n${readFileSync(join(dir, `${n.name}.log`), 'utf8').slice(-3000)}`);
      });
    }

    proxyPort = await freePort();
    // The configuration docs/operations.md shows: health checks on /readyz every 500 ms, a node out
    // after 2 failures (a refused connection fails at once; a slow answer gets 3 s on a loaded
    // machine); a request whose connection is refused is retried on the other node.
    const config = `global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout check 3s
  retries 3
  option redispatch
frontend furrow
  bind 127.0.0.1:${proxyPort}
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  http-response set-header x-furrow-node %s
${nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.port} check`).join('\n')}
`;
    writeFileSync(join(dir, 'haproxy.cfg'), config);
    const log = openSync(join(dir, 'haproxy.log'), 'a');
    proxy = spawn(haproxy as string, ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: ['ignore', log, log] });
    await until('haproxy serving both nodes', 30_000, async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 4; i++) seen.add((await fetch(`http://127.0.0.1:${proxyPort}/readyz`)).headers.get('x-furrow-node') ?? '');
      return seen.has('a') && seen.has('b');
    });
  }, 200_000);

  afterAll(async () => {
    proxy?.kill('SIGKILL');
    for (const n of nodes) n.process.kill('SIGKILL');
    await primary?.end();
    await env?.close();
    await pair?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires each due schedule once per slot and runs its job once, across the two nodes', async () => {
    // Both nodes poll every second; each round makes every schedule due at a slot of its own.
    let keys: string[] = [];
    // The nodes create the schedule rows (system, and per workspace) on their first poll.
    await until('the schedules created', 20_000, async () => {
      keys = (await primary.query<{ key: string }>('select key from job_schedules where workspace_id is null or workspace_id = $1', [w.id])).rows.map(
        (r) => r.key,
      );
      return keys.some((k) => k.includes(w.id));
    });
    const slots: number[] = [];
    for (let round = 0; round < 4; round++) {
      const slot = Date.now() - 1000 - round;
      slots.push(slot);
      await primary.query('update job_schedules set next_run_at = $1 where key = any($2)', [slot, keys]);
      await until(`round ${round} fired`, 20_000, async () => {
        const { rows } = await primary.query<{ n: number }>('select count(*)::int as n from job_schedules where next_run_at = $1', [slot]);
        return rows[0]?.n === 0;
      });
    }
    const singletons = keys.flatMap((k) => slots.map((s) => `${k}@${s}`));
    let jobs: { singleton_key: string; state: string; attempts: number; locked_by: string }[] = [];
    await until('every fired job done', 30_000, async () => {
      jobs = (await primary.query('select singleton_key, state, attempts, locked_by from jobs where singleton_key = any($1)', [singletons])).rows;
      return jobs.length === singletons.length && jobs.every((j) => j.state === 'done');
    });
    // One job per schedule and slot (never one per node), each run by one node in one attempt.
    expect(jobs.map((j) => j.singleton_key).sort()).toEqual([...singletons].sort());
    expect(jobs.filter((j) => j.attempts !== 1)).toEqual([]);
    console.log(
      `scale-out: ${keys.length} schedules × ${slots.length} slots → ${jobs.length} jobs, run by ${new Set(jobs.map((j) => j.locked_by)).size} node(s)`,
    );
  }, 90_000);

  it('loses no acknowledged write when a node is killed under load, and the other keeps serving', async () => {
    const acked: { id: string; at: number; node: string }[] = [];
    const failed: { at: number; status: number | string }[] = [];
    let stop = false;
    let seq = 0;
    const worker = async () => {
      while (!stop) {
        const name = `Scale-out ${++seq}`;
        try {
          const r = await fetch(`http://127.0.0.1:${proxyPort}/api/v1/deals`, {
            method: 'POST',
            headers: { authorization: `Bearer ${w.admin.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name, amount: 100_00, closeDate: '2027-01-31' }),
          });
          const text = await r.text();
          const id = r.status >= 200 && r.status < 300 ? (JSON.parse(text) as { id: string }).id : null;
          if (id) acked.push({ id, at: Date.now(), node: r.headers.get('x-furrow-node') ?? '?' });
          else failed.push({ at: Date.now(), status: `${r.status} from ${r.headers.get('x-furrow-node') ?? 'haproxy'}` });
        } catch (error) {
          failed.push({ at: Date.now(), status: (error as Error).message });
        }
      }
    };
    const started = Date.now();
    const workers = Array.from({ length: 8 }, worker);
    await until('writes on both nodes', 30_000, async () => acked.length >= 50 && new Set(acked.map((a) => a.node)).size === 2);
    const [victim, survivor] = nodes as [Node, Node];
    const killedAt = Date.now();
    victim.process.kill('SIGKILL');
    const ackedAtKill = acked.length;
    // Keep writing until the survivor has taken a good number of writes alone.
    await until('writes after the kill', 30_000, async () => acked.filter((a) => a.at > killedAt + 2000).length >= 100);
    stop = true;
    await Promise.all(workers);
    const seconds = (Date.now() - started) / 1000;

    const ids = acked.map((a) => a.id);
    const { rows } = await primary.query<{ id: string }>('select id from deals where id = any($1) and deleted_at is null', [ids]);
    const lost = ids.filter((id) => !rows.some((r) => r.id === id));
    const afterCheck = acked.filter((a) => a.at > killedAt + 2000);
    const lateFailures = failed.filter((f) => f.at > killedAt + 2000);
    console.log(
      `scale-out: ${acked.length} writes acknowledged in ${seconds.toFixed(1)} s (${ackedAtKill} before the kill), ${failed.length} not (${failed.map((f) => `${f.status} at kill ${f.at - killedAt >= 0 ? '+' : ''}${f.at - killedAt} ms`).join(', ') || 'none'}), ${lost.length} lost; after the kill + 2 s: ${afterCheck.length} acknowledged, all by ${[...new Set(afterCheck.map((a) => a.node))].join(', ')}; load ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );
    expect(lost).toEqual([]);
    // The survivor serves alone once haproxy's checks took the victim out; only writes in flight on
    // the victim as it died (or sent to it before the checks noticed) may go unanswered: none before
    // the kill, none from 2 s after it.
    expect(new Set(afterCheck.map((a) => a.node))).toEqual(new Set([survivor.name]));
    expect(failed.filter((f) => f.at < killedAt)).toEqual([]);
    expect(lateFailures).toEqual([]);
    expect(await ready(survivor.port)).toBe(true);
  }, 90_000);
});
