// Frozen once released: how far an import run got. A resumable import (decision 0209) keeps each
// batch of its file as it is written and records, in the same transaction, the rows kept and the
// file's line they reach: after a crash the run says truthfully what is in, and a second run of the
// same file takes it up. An all-or-nothing run writes the totals once, as before.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('import_runs')
    .addColumn('rows_kept', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('import_runs')
    .addColumn('kept_through_line', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('kept_through_line').execute();
  await db.schema.alterTable('import_runs').dropColumn('rows_kept').execute();
}
