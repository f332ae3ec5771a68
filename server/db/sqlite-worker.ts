// Heavy reads on SQLite (KPIs, dashboards, exports) run on a worker thread with a connection of its
// own. better-sqlite3 is synchronous: a CSO's time-in-stage statement took ~250 ms and an export's
// page of 1,000 activities ~370 ms on the main thread, during which no other request was answered,
// however often the loops around them yield. The worker runs the statement; the main thread only
// waits for its rows. Reads only (the connection is query_only): the driver sends writes and every
// statement of a transaction to the main connection (sqlite-gate.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { foldText } from './dialect.js';

// Plain CommonJS evaluated in the worker (as sqlite-checkpointer.ts), so the same code runs from
// the TypeScript sources and the built server. furrow_fold is the main connections' function,
// passed as its source, so both threads fold search text alike.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('query_only = ON');
const foldText = (${foldText.toString()});
db.function('furrow_fold', { deterministic: true }, (text) => (typeof text === 'string' ? foldText(text) : text));
parentPort.on('message', (m) => {
  if (m === 'stop') {
    db.close();
    parentPort.postMessage('stopped');
    return;
  }
  try {
    parentPort.postMessage({ id: m.id, rows: db.prepare(m.sql).all(m.parameters) });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

export interface ReadWorker {
  all(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  stop(): Promise<void>;
}

type Pending = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void };

export function startReadWorker(path: string): ReadWorker {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver } });
  const pending = new Map<number, Pending>();
  let next = 0;
  let stopped: Promise<void> | null = null;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (m: { id: number; rows?: unknown[]; error?: { message: string; code?: string } } | 'stopped') => {
    if (m === 'stopped') return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
    else p.resolve(m.rows ?? []);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(new Error('the SQLite read worker has stopped')));
  // Idle, it must not keep a CLI command's process alive; busy (a read pending, or stopping), it
  // must: an unref'd worker let a CLI command's process end mid-await (exit code 13).
  worker.unref();
  return {
    all(sql, parameters) {
      if (stopped) return Promise.reject(new Error('the SQLite read worker has stopped'));
      const id = next++;
      return new Promise((resolve, reject) => {
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, sql, parameters });
      });
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
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
