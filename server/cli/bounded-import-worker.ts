// The worker thread of bounded-import.ts: the same command line, run as the main thread would run it.
import { parentPort, workerData } from 'node:worker_threads';
import { processIo, runCli } from './furrow.js';

const { argv, isTTY } = workerData as { argv: string[]; isTTY: boolean };
const code = await runCli(argv, { ...processIo(), isTTY });
parentPort?.postMessage(code);
