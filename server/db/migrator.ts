import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations.js';

function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = result.error instanceof Error ? result.error : new Error(String(result.error));
    if (failed) error.message = `migration ${failed.migrationName} failed: ${error.message}`;
    throw error;
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

/** Brings the schema to the latest version; safe to run on every start and from several nodes (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateToLatest());
}

/** Names of the migrations this build knows that the database has not run yet (readiness). */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateDown());
}

/** Migrates up or down to the named migration, inclusive (a test that reverts one with those after it). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateTo(name));
}

/** Reverts every migration (used by the latest → down → latest test). */
export async function migrateToZero(db: Kysely<any>): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely/migration');
  return unwrap(await migratorFor(db).migrateTo(NO_MIGRATIONS));
}
