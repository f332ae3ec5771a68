// Frozen once released: a job's long text (an import's file) in parts of its own table, not in the
// job's row. SQLite rewrites a whole row on any update, so every claim, lease renewal and progress
// store of an import job rewrote its file: 30–100 ms of the event loop each for 5 MB. The parts
// go with their job (on delete cascade).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_texts')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_texts_pk', ['job_id', 'part'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_texts').execute();
}
