// A worker process for the runner test: claims the named job, prints "started" and hangs inside
// the handler until the test kills it (SIGKILL: no cleanup, no lease release), as a crashed node.
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { defineJob } from '../job.js';
import { createJobRunner } from '../runner.js';

const [url, name] = process.argv.slice(2) as [string, string];
const database = openDatabase(url, { poolSize: 2 });
const job = defineJob({
  name,
  leaseMs: 60_000,
  handler: async () => {
    process.stdout.write('started\n');
    await new Promise(() => {});
  },
});
const runner = createJobRunner({ database, config: loadConfig({ NODE_ENV: 'test' }), now: Date.now, jobs: [job], nodeId: 'dying-node' });
await runner.runDue();
