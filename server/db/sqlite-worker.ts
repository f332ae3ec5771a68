// SQLite statements on a worker thread with a connection of its own. better-sqlite3 is synchronous:
// whatever runs on the main thread stops every other request for as long as it takes.
// - The read worker (opened read-only) takes heavy reads: a CSO's time-in-stage statement took ~250 ms and
//   an export's page of 1,000 activities ~370 ms on the main thread.
// - The write worker is the connection imports write on (database.ts#bulk): a 20k-row import's
//   batched inserts took 15–30 ms each and its commit 50–320 ms (writing up to the page cache's
//   16 MB of dirty pages to the log), each a stall of the event loop however often the import
//   yields between them.
// The main thread only sends the statement and waits for its answer; writers still take the
// process's write gate first (sqlite-gate.ts), so the two threads never meet a lock.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { foldText } from './dialect.js';

// Plain CommonJS evaluated in the worker (as sqlite-checkpointer.ts), so the same code runs from
// the TypeScript sources and the built server. furrow_fold is the main connections' function,
// passed as its source, so every thread folds search text alike. The write worker gets its pragmas
// from database.ts, the main connections' own.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path, { readonly: workerData.readonly });
for (const pragma of workerData.pragmas) db.pragma(pragma);
const foldText = (${foldText.toString()});
db.function('furrow_fold', { deterministic: true }, (text) => (typeof text === 'string' ? foldText(text) : text));
parentPort.on('message', (m) => {
  if (m === 'stop') {
    db.close();
    parentPort.postMessage('stopped');
    return;
  }
  try {
    const stmt = db.prepare(m.sql);
    if (stmt.reader) parentPort.postMessage({ id: m.id, rows: stmt.all(m.parameters) });
    else {
      const r = stmt.run(m.parameters);
      parentPort.postMessage({ id: m.id, rows: [], changes: r.changes, lastInsertRowid: r.lastInsertRowid });
    }
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/** What a statement answered: its rows, or (one that writes) how many rows it changed. */
export interface WorkerResult {
  rows: unknown[];
  changes?: number;
  lastInsertRowid?: number | bigint;
}

export interface SqliteWorker {
  /** Runs one statement on the worker's connection. */
  run(sql: string, parameters: readonly unknown[]): Promise<WorkerResult>;
  /** The rows of a statement that reads. */
  all(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  stop(): Promise<void>;
}

/**
 * The read worker: sqlite-gate.ts sends it the statements that only read, and the temporary tables
 * a request builds for them (KPIs as of a past date). Opened read-only, not `query_only`: both refuse
 * writes to the file's tables, but `query_only` refuses temporary tables too.
 */
export type ReadWorker = SqliteWorker;

type Pending = { resolve: (result: WorkerResult) => void; reject: (error: Error) => void };
type Answer = { id: number; rows?: unknown[]; changes?: number; lastInsertRowid?: number | bigint; error?: { message: string; code?: string } };

export function startReadWorker(path: string): ReadWorker {
  return startSqliteWorker(path, 'read', ['busy_timeout = 5000'], true);
}

/** A read-write connection on its own thread, with the pragmas the caller's own connections have. */
export function startWriteWorker(path: string, pragmas: readonly string[]): SqliteWorker {
  return startSqliteWorker(path, 'write', pragmas, false);
}

// The thread starts with the first statement: a CLI command that never sends one (an import on the
// main connection, `user add`) does not pay its ~10 MB and start-up.
function startSqliteWorker(path: string, name: string, pragmas: readonly string[], readonly: boolean): SqliteWorker {
  const pending = new Map<number, Pending>();
  const gone = () => new Error(`the SQLite ${name} worker has stopped`);
  let next = 0;
  let stopped: Promise<void> | null = null;
  let thread: Worker | null = null;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const started = (): Worker => {
    if (thread) return thread;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, pragmas, readonly } });
    worker.on('message', (m: Answer | 'stopped') => {
      if (m === 'stopped') return;
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) worker.unref();
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else p.resolve({ rows: m.rows ?? [], changes: m.changes, lastInsertRowid: m.lastInsertRowid });
    });
    worker.on('error', (error) => failAll(error));
    worker.on('exit', () => failAll(gone()));
    // Idle, it must not keep a CLI command's process alive; busy (a statement pending, or stopping),
    // it must: an unref'd worker let a CLI command's process end mid-await (exit code 13).
    worker.unref();
    thread = worker;
    return worker;
  };
  const run = (sql: string, parameters: readonly unknown[]): Promise<WorkerResult> => {
    if (stopped) return Promise.reject(gone());
    const worker = started();
    const id = next++;
    return new Promise((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, sql, parameters });
    });
  };
  return {
    run,
    all: async (sql, parameters) => (await run(sql, parameters)).rows,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const worker = thread;
        if (!worker) {
          resolve();
          return;
        }
        worker.ref();
        worker.once('exit', () => resolve());
        worker.once('message', (m) => {
          if (m === 'stopped') void worker.terminate();
        });
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
