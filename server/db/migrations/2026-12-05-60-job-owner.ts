// Frozen once released: a job remembers who asked for it (a long import or export is shown only to
// its creator and the workspace's admins, and each user may run only so many heavy jobs at once)
// and what it produced (the import's report), readable by id after it finished.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('jobs').addColumn('result', 'text').execute();
  // The per-user limit counts a user's live heavy jobs.
  await db.schema.createIndex('jobs_created_by').on('jobs').columns(['created_by', 'state']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_created_by').execute();
  await db.schema.alterTable('jobs').dropColumn('result').execute();
  await db.schema.alterTable('jobs').dropColumn('created_by').execute();
}
