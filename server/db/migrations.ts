// The ordered list of migrations. Each file is frozen once released; add a new one to change the schema.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as core from './migrations/2026-11-28-01-core.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28-01-core': core,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
