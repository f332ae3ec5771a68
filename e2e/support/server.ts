// The real server, in-process, on a random port, with its own in-memory database: one per e2e
// file, so journeys never share data.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.js';
import { type Config, loadConfig } from '../../server/config.js';
import { type Database, openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrator.js';
import type { App } from '../../server/http/types.js';
import { createWorkspace } from '../../server/identity/workspaces.service.js';
import { ApiClient } from './api-client.js';
import { WEB_DIR } from './web-build.js';

export const PASSWORD = 'correct horse battery';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  /** The server's configuration, for a journey that runs background jobs itself. */
  config: Config;
  close(): Promise<void>;
}

export async function startServer(options: { port?: number; now?: () => number } = {}): Promise<TestServer> {
  const database = openDatabase(':memory:');
  await migrateToLatest(database.db);
  // Journeys' webhook receivers listen on loopback.
  const config = loadConfig(
    { NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE: 'true' },
    { databaseUrl: ':memory:', webDir: WEB_DIR, host: '127.0.0.1', port: 0, loginMaxAttempts: 1000 },
  );
  // A journey that needs "after the meeting" passes a clock it can move forward.
  const app = await buildApp({ database, config, now: options.now ?? Date.now });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface Org {
  admin: Person;
  adminApi: ApiClient;
  /** Manager of team East, whose members are repA (and any team below East). */
  manager: Person;
  repA: Person;
  /** A rep of another team: must not see repA's records. */
  repB: Person;
  teams: { east: string; west: string };
}

/** A workspace with an admin (createWorkspace), then teams and people through the REST API. */
export async function createOrg(server: TestServer, options: { currency?: string; timezone?: string } = {}): Promise<Org> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const adminEmail = `ada-${suffix}@example.test`;
  const { adminId } = await createWorkspace(
    server.database.db,
    {
      name: `Acme Sales ${suffix}`,
      currency: options.currency ?? 'EUR',
      timezone: options.timezone ?? 'Europe/Berlin',
      admin: { email: adminEmail, name: 'Ada Admin', password: PASSWORD },
    },
    Date.now(),
  );
  const adminApi = await ApiClient.login(server.url, adminEmail, PASSWORD);
  const user = async (name: string, role: string, teamId: string | null): Promise<Person> => {
    const email = `${name.split(' ')[0]!.toLowerCase()}-${suffix}@example.test`;
    const created = await adminApi.post<{ id: string }>('/api/v1/users', { email, name, role, teamId, password: PASSWORD });
    return { id: created.id, name, email };
  };
  const manager = await user('Maya Manager', 'manager', null);
  const east = (await adminApi.post<{ id: string }>('/api/v1/teams', { name: `East ${suffix}`, managerId: manager.id })).id;
  const west = (await adminApi.post<{ id: string }>('/api/v1/teams', { name: `West ${suffix}` })).id;
  const repA = await user('Riley Rep', 'rep', east);
  const repB = await user('Sam Seller', 'rep', west);
  return { admin: { id: adminId, name: 'Ada Admin', email: adminEmail }, adminApi, manager, repA, repB, teams: { east, west } };
}
