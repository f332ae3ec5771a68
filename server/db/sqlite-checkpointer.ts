// SQLite in WAL mode copies the log back into the database file (a checkpoint) on the connection
// whose commit crossed wal_autocheckpoint, inside that commit. better-sqlite3 is synchronous, so
// after a big import the next commit — anyone's — spent ~300 ms copying the import's pages while
// every request waited. Furrow's connections turn autocheckpoint off and this worker thread, with
// a connection of its own, checkpoints off the main thread. PASSIVE never waits for readers or
// the writer; what it cannot copy yet, the next pass does.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/** How often the worker checkpoints; the log grows at most this long's worth of writes. */
const EVERY_MS = 1000;

// Plain CommonJS evaluated in the worker, so the same code runs from the TypeScript sources (tests,
// tsx) and the built server without a separate worker file to ship.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next pass retries */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, everyMs = EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, everyMs } });
  // A CLI command ends when its work does; the worker must not keep the process alive.
  worker.unref();
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        // Keep the process alive until the worker is gone: awaiting an unref'd worker's exit let a
        // CLI command's process end mid-await (exit code 13).
        worker.ref();
        const done = () => {
          void worker.terminate().finally(resolve);
        };
        worker.once('message', done);
        worker.once('error', done);
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}

/**
 * A checkpoint on the connection that just committed, for a writer that commits again and again (a
 * resumable import's batches). The log restarts from its beginning only when a write transaction
 * begins with every frame copied back; the worker's pass, once a second, rarely finished in the
 * second between two batches, so the log never restarted: 4.3 GB after 80,000 rows of a million-row
 * import, and slower with every batch. Run between batches, this copy (PASSIVE: it waits for no one)
 * lets the next batch restart the log, which then stays the size of one batch.
 */
export async function checkpointNow(db: Kysely<DB>): Promise<void> {
  try {
    await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(db);
  } catch {
    // Busy (the worker's pass, another process's): the work already committed; the next pass copies it.
  }
}
