// Creates and drops throwaway PostgreSQL databases for test runs.
import pg from 'pg';
import { newSecret } from '../ids.js';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new empty database, or a copy of `template` (a migrated database nobody is connected to:
 * PostgreSQL copies its files, far faster than running every migration again).
 */
export async function createScratchDatabase(adminUrl: string, prefix = 'furrow_t', template?: string): Promise<string> {
  const name = `${prefix}_${newSecret()
    .slice(0, 10)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const from = template ? new URL(template).pathname.slice(1) : null;
    if (from && !/^furrow_[a-z0-9_]+$/.test(from)) throw new Error(`refusing to copy ${from}`);
    await client.query(from ? `CREATE DATABASE ${name} TEMPLATE ${from}` : `CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropScratchDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^furrow_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // A closed pool's connections finish their goodbye a moment later; forcing them out then would
    // raise "terminating connection" in the test process. Wait for them to go (bounded), then drop.
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ n: string }>('select count(*) n from pg_stat_activity where datname = $1', [name]);
      if (Number(rows[0]?.n) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
