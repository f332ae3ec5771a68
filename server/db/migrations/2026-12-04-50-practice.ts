// Frozen once released: the practice scenario library, attempts (role-plays and recorded pitches)
// with their scores, and certifications with expiry.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'text', (c) => c.notNull())
    .addColumn('meeting_type', 'text')
    .addColumn('pass_threshold', 'integer', (c) => c.notNull())
    .addColumn('validity_days', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('practice_scenarios_ws').on('practice_scenarios').columns(['workspace_id', 'archived_at']).execute();

  await db.schema
    .createTable('practice_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('practice_scenarios.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text')
    .addColumn('scores', 'text')
    .addColumn('score', 'integer')
    .addColumn('feedback', 'text')
    .addColumn('scored_by', 'text')
    .addColumn('scored_at', 'bigint')
    .addColumn('recording_file', 'text')
    .addColumn('recording_type', 'text')
    .addColumn('recording_bytes', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('practice_attempts_user').on('practice_attempts').columns(['workspace_id', 'user_id', 'scenario_id', 'scored_at']).execute();
  await db.schema.createIndex('practice_attempts_partner').on('practice_attempts').columns(['workspace_id', 'partner_id']).execute();

  await db.schema
    .createTable('certifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('practice_scenarios.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('attempt_id', 'text')
    .addColumn('note', 'text')
    .addColumn('granted_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('certifications_user').on('certifications').columns(['workspace_id', 'user_id', 'scenario_id', 'expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certifications').execute();
  await db.schema.dropTable('practice_attempts').execute();
  await db.schema.dropTable('practice_scenarios').execute();
}
