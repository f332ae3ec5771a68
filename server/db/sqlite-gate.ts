// SQLite with a second connection for long writes, without freezing the first.
//
// better-sqlite3 is synchronous and Kysely serialises every query of one Kysely instance on its
// single connection, so a long import transaction on that connection held every other request's
// query (sign-in checks included) until it committed. A second connection on the same file (WAL)
// lets readers go on while the import writes; but SQLite allows one writer at a time, and a
// writer that finds the file locked waits inside better-sqlite3's busy handler, which blocks the
// whole event loop. So every write transaction and every write statement of the process first
// takes one asynchronous WriteGate: a writer that has to wait, waits as a pending promise, and
// the event loop (and every reader) keeps going.
//
// The driver also orders the two locks so that waiting for the gate never holds the connection:
// the gate is taken before the connection, so a write transaction queued behind an import does
// not stop the reads queued behind it.
import type { Database as SqliteHandle } from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { ReadWorker, SqliteWorker } from './sqlite-worker.js';

/** A fair asynchronous mutex. */
export class AsyncLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The next holder starts on a later turn of the event loop: resumed at once, a queue of
    // synchronous statements (every progress write an import's transaction held back) ran back to
    // back in one turn — 4 s with nothing else answered at the end of a 20k-row dry run.
    if (next) setImmediate(next);
    else this.held = false;
  }

  get busy(): boolean {
    return this.held;
  }
}

/** The process-wide single-writer gate shared by every connection on one SQLite file. */
export class WriteGate extends AsyncLock {}

/** Kysely's SqliteAdapter, but connections are ours to serialise (see the driver). */
class GatedAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/**
 * Starts a statement that builds or drops a temporary table for the statements that read it (KPIs
 * as of a past date, measurement/kpis/engine.repo.ts). With a read worker, such a statement runs
 * there, where those reads run; elsewhere the comment is only a comment.
 */
export const FOR_READS = '/* temporary, for the reads */ ';

function isRead(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === 'SelectQueryNode') return true;
  if (kind === 'RawNode') return /^\s*select\b/i.test(query.sql);
  return false;
}

class Lease implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly driver: GatedSqliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.driver.run<R>(query);
    const write = !isRead(query);
    const reads = this.driver.reads;
    // Off the main thread, and without the handle's lock: the worker has its own connection. KPIs
    // are raw `with … select` statements; SQLite itself says whether one only reads.
    if (reads && query.sql.startsWith(FOR_READS)) return runOnWorker<R>(reads, query);
    if (reads && (!write || this.driver.onlyReads(query.sql))) return { rows: (await reads.all(query.sql, query.parameters)) as R[] };
    if (write) await this.driver.gate.acquire();
    await this.driver.handleLock.acquire();
    try {
      return await this.driver.run<R>(query);
    } finally {
      this.driver.handleLock.release();
      if (write) this.driver.gate.release();
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; Kysely requires the method
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on this connection; page with keyset cursors');
  }
}

/** Where a connection's statements run: its handle on this thread, or a worker thread's connection. */
type Connection = { kind: 'handle'; handle: SqliteHandle } | { kind: 'worker'; worker: SqliteWorker };

function runOnHandle<R>(handle: SqliteHandle, query: CompiledQuery): QueryResult<R> {
  const stmt = handle.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] };
}

async function runOnWorker<R>(worker: SqliteWorker, query: CompiledQuery): Promise<QueryResult<R>> {
  const r = await worker.run(query.sql, query.parameters);
  if (r.changes === undefined) return { rows: r.rows as R[] };
  return { insertId: BigInt(r.lastInsertRowid ?? 0), numAffectedRows: BigInt(r.changes), rows: [] };
}

class GatedSqliteDriver implements Driver {
  readonly handleLock = new AsyncLock();
  constructor(
    private readonly connection: Connection,
    readonly gate: WriteGate,
    readonly reads: ReadWorker | null,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Lease(this);
  }

  /**
   * Whether SQLite reads the statement as one that writes nothing (preparing it runs nothing). One
   * this connection cannot even prepare names a temporary table that lives on the read worker
   * (FOR_READS): it goes there, and a statement wrong anywhere fails there with SQLite's message.
   */
  onlyReads(sql: string): boolean {
    if (this.connection.kind !== 'handle' || !/^\s*with\b/i.test(sql)) return false;
    try {
      return this.connection.handle.prepare(sql).readonly;
    } catch {
      return true;
    }
  }

  run<R>(query: CompiledQuery): QueryResult<R> | Promise<QueryResult<R>> {
    return this.connection.kind === 'handle' ? runOnHandle<R>(this.connection.handle, query) : runOnWorker<R>(this.connection.worker, query);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.gate.acquire();
    await this.handleLock.acquire();
    try {
      await this.run(CompiledQuery.raw('begin'));
      (connection as Lease).inTransaction = true;
    } catch (error) {
      this.handleLock.release();
      this.gate.release();
      throw error;
    }
  }

  private async finish(connection: DatabaseConnection, sql: string): Promise<void> {
    try {
      await this.run(CompiledQuery.raw(sql));
    } finally {
      (connection as Lease).inTransaction = false;
      this.handleLock.release();
      this.gate.release();
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.finish(connection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.finish(connection, 'rollback');
  }

  async savepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    await this.run(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    await this.run(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    await this.run(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    // A read-worker dialect borrows the main handle for its writes; its owner closes it.
    if (this.reads) return;
    if (this.connection.kind === 'handle') this.connection.handle.close();
    else await this.connection.worker.stop();
  }
}

/**
 * A Kysely dialect over one better-sqlite3 handle whose writers take `gate` first. With `reads`,
 * statements that only read and run outside a transaction go to that worker's connection instead.
 */
export class GatedSqliteDialect implements Dialect {
  private readonly connection: Connection;
  /** `on`: a handle on this thread, or a write worker (sqlite-worker.ts) whose connection runs every statement. */
  constructor(
    on: SqliteHandle | SqliteWorker,
    private readonly gate: WriteGate,
    private readonly reads: ReadWorker | null = null,
  ) {
    this.connection = 'prepare' in on ? { kind: 'handle', handle: on } : { kind: 'worker', worker: on };
  }
  createDriver(): Driver {
    return new GatedSqliteDriver(this.connection, this.gate, this.reads);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new GatedAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database shape
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
