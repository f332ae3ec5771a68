// Frozen once released: call plans (with their debrief) and the admins' templates per meeting type.
// A plan belongs to one meeting activity; lists are JSON text so a plan reads and saves as one row.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_plan_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('meeting_type', 'text', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('objections', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('call_plan_templates_type').on('call_plan_templates').columns(['workspace_id', 'meeting_type']).unique().execute();

  await db.schema
    .createTable('call_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('meeting_type', 'text', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('desired_commitment', 'text')
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('objections', 'text', (c) => c.notNull())
    .addColumn('value_hypothesis', 'text')
    .addColumn('gaps', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quality_score', 'integer', (c) => c.notNull())
    .addColumn('ready_at', 'bigint')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('review_comment', 'text')
    .addColumn('debriefed_by', 'text')
    .addColumn('debriefed_at', 'bigint')
    .addColumn('objective_met', 'integer')
    .addColumn('commitment_secured', 'integer')
    .addColumn('commitment_date', 'text')
    .addColumn('learned', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('call_plans_activity').on('call_plans').columns(['workspace_id', 'activity_id']).unique().execute();
  await db.schema.createIndex('call_plans_deal').on('call_plans').columns(['workspace_id', 'deal_id']).execute();
  await db.schema.createIndex('call_plans_owner').on('call_plans').columns(['workspace_id', 'owner_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('call_plans').execute();
  await db.schema.dropTable('call_plan_templates').execute();
}
