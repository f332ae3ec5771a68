// Try the web app by hand against the real server with the demo year in an in-memory database:
//   npx tsx e2e/support/try-server.ts [port]
// (or run `npx vite` alongside for hot reload; it proxies /api to port 3000).
import { seedDemo } from '../../server/cli/demo-seed.js';
import { startServer } from './server.js';
import { ensureWebBuilt } from './web-build.js';

await ensureWebBuilt();
const server = await startServer({ port: Number(process.argv[2] ?? 3000) });
const demo = await seedDemo(server.database, { now: Date.now() });
console.log(`Furrow (in-memory demo) at ${server.url} — password for everyone: furrow-demo-2026`);
for (const line of demo.logins) console.log(`  ${line}`);
