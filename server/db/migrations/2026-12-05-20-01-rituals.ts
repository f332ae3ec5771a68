// Frozen once released: rituals of the operating rhythm — the series (RRULE on the workspace's wall
// clock), its attendees, the materialised occurrences (so adherence is SQL over history), every
// completion as it was recorded (as-of), and each person's private calendar feed token (hashed).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rituals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('starts_local', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('rituals_team').on('rituals').columns(['workspace_id', 'team_id']).execute();

  await db.schema
    .createTable('ritual_attendees')
    .addColumn('ritual_id', 'text', (c) => c.notNull().references('rituals.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ritual_attendees_pk', ['ritual_id', 'user_id'])
    .execute();
  await db.schema.createIndex('ritual_attendees_user').on('ritual_attendees').columns(['workspace_id', 'user_id']).execute();

  await db.schema
    .createTable('ritual_occurrences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('ritual_id', 'text', (c) => c.notNull().references('rituals.id'))
    .addColumn('scheduled_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'bigint')
    .addColumn('notes', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'bigint')
    .addColumn('reminded_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('ritual_occurrences_slot').on('ritual_occurrences').columns(['ritual_id', 'scheduled_at']).unique().execute();
  await db.schema.createIndex('ritual_occurrences_ws').on('ritual_occurrences').columns(['workspace_id', 'scheduled_at']).execute();

  await db.schema
    .createTable('ritual_completions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('ritual_occurrences.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'bigint')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ritual_completions_occurrence').on('ritual_completions').columns(['occurrence_id', 'recorded_at']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').columns(['workspace_id', 'user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_feeds', 'ritual_completions', 'ritual_occurrences', 'ritual_attendees', 'rituals']) await db.schema.dropTable(t).execute();
}
