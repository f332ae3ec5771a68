// Frozen once released: when a job's current attempt started (claimed by a runner), so the operator's
// list shows how long a job waited and how long it ran. Null while queued; set again by each attempt.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('started_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('started_at').execute();
}
