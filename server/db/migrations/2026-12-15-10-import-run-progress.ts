// Frozen once released: how far an import run got. A resumable import (decision 0209) keeps each
// batch of its file as it is written and records, in the same transaction, the rows kept and the
// file's line they reach: after a crash the run says truthfully what is in, and a second run of the
// same file takes it up. A table of its own, not columns added to import_runs: on SQLite an ALTER
// TABLE … ADD COLUMN here made the crash-safety suite find the search word index (FTS5) corrupt after
// a kill, 3 runs in 3 (root cause not yet found; CREATE TABLE does not).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_run_progress')
    .addColumn('run_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('rows_kept', 'integer', (c) => c.notNull())
    .addColumn('kept_through_line', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_run_progress').execute();
}
