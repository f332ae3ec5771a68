// Readiness: the database answers and its schema is the one this build expects.
import { type Kysely, sql } from 'kysely';
import { pendingMigrations } from '../db/migrator.js';
import type { DB } from '../db/schema.js';

export type Readiness = { ready: true } | { ready: false; reason: string; pendingMigrations?: string[] };

export async function readiness(db: Kysely<DB>): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch {
    return { ready: false, reason: 'cannot read the migration state' };
  }
  if (pending.length > 0) return { ready: false, reason: `${pending.length} migration(s) not applied`, pendingMigrations: pending };
  return { ready: true };
}
