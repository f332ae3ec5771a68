// The demo workspace: a realistic year of a sales organisation. Filled in by the seed work.
import type { Database } from '../db/database.js';

export interface SeedOptions {
  now: number;
  log?: (message: string) => void;
}

export interface SeedResult {
  workspaceId: string;
  /** "role  email" lines printed after start-up. */
  logins: string[];
}

export async function seedDemo(_database: Database, _options: SeedOptions): Promise<SeedResult> {
  throw new Error('demo seed not implemented yet');
}
