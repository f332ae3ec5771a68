// Frozen once released: the activities still to do (open tasks, calls and meetings not yet done),
// by workspace, type and time. Home's "overdue tasks" asks the oldest open tasks of a workspace:
// through (workspace_id, occurred_at) that read the workspace's every past activity to find the
// open ones (2.7 s at 100k deals and a million activities, on the main thread); the open ones are
// under 1 % of them (7,846 of 1,057,807), so the partial index is small and the answer takes 1 ms.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('activities_open')
    .on('activities')
    .columns(['workspace_id', 'type', 'occurred_at'])
    .where(sql.ref('completed_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_open').execute();
}
