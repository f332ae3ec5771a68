// A small PostgreSQL primary and a streaming hot-standby replica of it, started for a test on free
// ports in a temporary folder (never the shared cluster on 5432): initdb, pg_basebackup -R, two
// postmasters. As root the binaries run as the `postgres` OS user (PostgreSQL refuses root).
// close() stops both (immediate) and removes the folder; so does the process's exit, for a test
// that died before its afterAll.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, until } from './processes.js';

const run = promisify(execFile);

/** The newest PostgreSQL's binaries folder on this machine (Debian layout), or null. */
export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export interface PgReplicaPair {
  readonly primaryPort: number;
  readonly replicaPort: number;
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Runs SQL on the replica (as the superuser), e.g. select pg_wal_replay_pause(). */
  onReplica<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, text: string): Promise<T[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(database: string): Promise<void>;
  stopReplica(): Promise<void>;
  close(): Promise<void>;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

export async function startPgReplicaPair(bin: string): Promise<PgReplicaPair> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'furrow-pg-replica-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const pgRun = (tool: string, args: string[]) =>
    asRoot ? run('su', ['postgres', '-s', '/bin/sh', '-c', [join(bin, tool), ...args].map(quote).join(' ')]) : run(join(bin, tool), args);
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stopSync = () => {
    for (const data of started.splice(0)) {
      try {
        const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
        if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [join(bin, 'pg_ctl'), ...args].map(quote).join(' ')], { stdio: 'ignore' });
        else execFileSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  const start = async (data: string, port: number) => {
    await pgRun('pg_ctl', ['-D', data, '-l', join(dir, `${port}.log`), '-w', '-t', '60', '-o', `-p ${port} -k ${dir}`, 'start']);
    started.push(data);
  };
  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  try {
    await pgRun('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
    // Small and fast: a test cluster, no durability needed; trust for replication from localhost is initdb's default.
    writeFileSync(
      join(primaryDir, 'postgresql.conf'),
      "listen_addresses = '127.0.0.1'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_wal_senders = 4\nwal_level = replica\nhot_standby = on\nmax_connections = 60\n",
      { flag: 'a' },
    );
    await start(primaryDir, primaryPort);
    await pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
    await start(replicaDir, replicaPort);
    await until('the replica to accept connections in recovery', 30_000, async () => {
      const rows = await query<{ r: boolean }>(url(replicaPort, 'postgres'), 'select pg_is_in_recovery() as r');
      return rows[0]?.r === true;
    });
  } catch (error) {
    const logs = readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => {
        try {
          return `${f}:\n${execFileSync('tail', ['-n', '20', join(dir, f)]).toString()}`;
        } catch {
          return f;
        }
      });
    stopSync();
    process.removeListener('exit', stopSync);
    throw new Error(`could not start a PostgreSQL primary and replica: ${(error as Error).message}\n${logs.join('\n')}`);
  }

  return {
    primaryPort,
    replicaPort,
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    onReplica: (database, text) => query(url(replicaPort, database), text),
    async caughtUp(database) {
      const [row] = await query<{ lsn: string }>(url(primaryPort, database), 'select pg_current_wal_lsn()::text as lsn');
      await until('the replica to catch up', 30_000, async () => {
        const [r] = await query<{ ok: boolean }>(url(replicaPort, database), `select pg_last_wal_replay_lsn() >= '${row?.lsn}'::pg_lsn as ok`);
        return r?.ok === true;
      });
    },
    async stopReplica() {
      await pgRun('pg_ctl', ['-D', replicaDir, '-m', 'immediate', '-w', 'stop']);
      started.splice(started.indexOf(replicaDir), 1);
    },
    async close() {
      process.removeListener('exit', stopSync);
      stopSync();
    },
  };
}
