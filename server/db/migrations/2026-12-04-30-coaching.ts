// Frozen once released: coaching — the skill model (versioned), explicit coaching relationships
// (the team tree supplies the default ones), sessions with their skills, deals and action items,
// skill ratings, deal reviews and coaching objectives.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('skill_model_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_model_versions_ws').on('skill_model_versions').columns(['workspace_id', 'version']).unique().execute();

  await db.schema
    .createTable('skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('model_version_id', 'text', (c) => c.notNull().references('skill_model_versions.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skills_version_key').on('skills').columns(['model_version_id', 'key']).unique().execute();

  await db.schema
    .createTable('coaching_relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('coachee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('coaching_relationships_ws').on('coaching_relationships').columns(['workspace_id', 'coach_id', 'coachee_id']).execute();

  await db.schema
    .createTable('coaching_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('coachee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scheduled_at', 'bigint', (c) => c.notNull())
    .addColumn('held_at', 'bigint')
    .addColumn('agenda', 'text')
    .addColumn('shared_notes', 'text')
    .addColumn('private_notes', 'text')
    .addColumn('skill_keys', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('coaching_sessions_pair').on('coaching_sessions').columns(['workspace_id', 'coach_id', 'coachee_id', 'held_at']).execute();
  await db.schema.createIndex('coaching_sessions_coachee').on('coaching_sessions').columns(['workspace_id', 'coachee_id', 'scheduled_at']).execute();

  await db.schema
    .createTable('coaching_session_deals')
    .addColumn('session_id', 'text', (c) => c.notNull().references('coaching_sessions.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coaching_session_deals_pk', ['session_id', 'deal_id'])
    .execute();
  await db.schema.createIndex('coaching_session_deals_deal').on('coaching_session_deals').columns(['workspace_id', 'deal_id']).execute();

  await db.schema
    .createTable('coaching_action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('coaching_sessions.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('completed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('coaching_action_items_session').on('coaching_action_items').columns(['workspace_id', 'session_id']).execute();

  await db.schema
    .createTable('skill_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('skill_key', 'text', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('rated_by', 'text', (c) => c.notNull())
    .addColumn('rated_at', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('skill_ratings_user').on('skill_ratings').columns(['workspace_id', 'user_id', 'skill_key', 'rated_at']).execute();

  await db.schema
    .createTable('deal_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stage_id', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('coaching_notes', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_reviews_owner').on('deal_reviews').columns(['workspace_id', 'owner_id', 'created_at']).execute();
  await db.schema.createIndex('deal_reviews_deal').on('deal_reviews').columns(['workspace_id', 'deal_id']).execute();

  await db.schema
    .createTable('coaching_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('coachee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('skill_key', 'text', (c) => c.notNull())
    .addColumn('kpi_id', 'text', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'bigint')
    .addColumn('result', 'text')
    .addColumn('met', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('coaching_objectives_coachee').on('coaching_objectives').columns(['workspace_id', 'coachee_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'coaching_objectives',
    'deal_reviews',
    'skill_ratings',
    'coaching_action_items',
    'coaching_session_deals',
    'coaching_sessions',
    'coaching_relationships',
    'skills',
    'skill_model_versions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
