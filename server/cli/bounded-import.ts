// `furrow import` of records runs on a worker thread whose heap is bounded. V8 sizes a process's
// heap to the machine (over 4 GB here) and lets garbage pile up toward it before collecting: a
// million-row import whose live heap stays near 100 MB reached 440 MB of resident memory, 382–476 MB
// for a 200,000-row check. With the worker's old generation held to 256 MB, V8 collects sooner: the
// same check (built CLI) peaks at 246 MB for ~12 % more CPU (performance.md, "A million rows, resumable").
// FURROW_IMPORT_HEAP_MB sets the bound (0: run on the main thread, unbounded).
import { Worker } from 'node:worker_threads';
import { EXIT } from './cli-io.js';

// Plain CommonJS evaluated in the worker (as the SQLite workers): from the sources it first registers
// tsx, which a worker thread does not inherit, then loads the worker's module.
const WORKER = `
const { workerData } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.register()) : Promise.resolve()).then(() => import(workerData.entry));
`;

/** The heap bound for this command line (`heapMb`: config.ts#cliImportHeapMb), or null when it runs on the main thread as every other command. */
export function importHeapBound(argv: readonly string[], heapMb: number | null): number | null {
  // People files are small, and --password-stdin reads the process's stdin, which a worker has not.
  if (argv[0] !== 'import' || argv[1] === 'people' || argv.includes('--help') || argv.includes('-h')) return null;
  return heapMb;
}

/** Runs the command line on a worker thread with the heap bound; resolves to its exit code. */
export function runBounded(argv: readonly string[], heapMb: number): Promise<number> {
  // Its stdout and stderr reach this process's own; a terminal there still draws the progress bar.
  const fromSources = import.meta.url.endsWith('.ts');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      argv: [...argv],
      isTTY: process.stderr.isTTY === true,
      entry: new URL(fromSources ? './bounded-import-worker.ts' : './bounded-import-worker.js', import.meta.url).href,
      tsx: fromSources ? import.meta.resolve('tsx/esm/api') : null,
    },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise((resolve) => {
    let code: number | null = null;
    worker.on('message', (m: unknown) => {
      if (typeof m === 'number') code = m;
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      process.stderr.write(
        memory
          ? `The import needed more than ${heapMb} MB of memory and was stopped; run it again with FURROW_IMPORT_HEAP_MB=${heapMb * 2} (a resumable import takes up where it stopped).\n`
          : `Unexpected error: ${error.stack ?? error.message}\n`,
      );
      code = EXIT.failure;
    });
    worker.on('exit', () => resolve(code ?? EXIT.failure));
  });
}
