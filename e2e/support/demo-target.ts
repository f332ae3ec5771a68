// Where the guide screenshot scripts take their pictures: the address given on the command line, or
// a server of their own with a freshly seeded demo year (closed by the script when it is done).
import { seedDemo } from '../../server/cli/demo-seed.js';
import { startServer, type TestServer } from './server.js';
import { ensureWebBuilt } from './web-build.js';

export async function demoTarget(given: string | undefined): Promise<{ base: string; server: TestServer | null }> {
  if (given) return { base: given, server: null };
  await ensureWebBuilt();
  const server = await startServer();
  await seedDemo(server.database, { now: Date.now() });
  return { base: server.url, server };
}
