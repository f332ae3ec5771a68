// Frozen: the CRM core and identity tables. Written once for SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('teams.id'))
    .addColumn('manager_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('teams_workspace_name').on('teams').columns(['workspace_id', 'name']).unique().execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('password_hash', 'text')
    .addColumn('disabled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Login takes only an email, so an email names one user across all workspaces.
  await db.schema.createIndex('users_email').on('users').column('email').unique().execute();
  await db.schema.createIndex('users_workspace_team').on('users').columns(['workspace_id', 'team_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('invitations_workspace').on('invitations').columns(['workspace_id', 'email']).execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text')
    .addColumn('industry', 'text')
    .addColumn('size', 'integer')
    .addColumn('country', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('accounts_ws_owner').on('accounts').columns(['workspace_id', 'owner_id']).execute();
  await db.schema.createIndex('accounts_ws_name').on('accounts').columns(['workspace_id', 'name', 'id']).execute();
  await db.schema.createIndex('accounts_ws_external').on('accounts').columns(['workspace_id', 'external_id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('title', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('contacts_ws_owner').on('contacts').columns(['workspace_id', 'owner_id']).execute();
  await db.schema.createIndex('contacts_ws_account').on('contacts').columns(['workspace_id', 'account_id']).execute();
  await db.schema.createIndex('contacts_ws_last_name').on('contacts').columns(['workspace_id', 'last_name', 'id']).execute();
  await db.schema.createIndex('contacts_ws_email').on('contacts').columns(['workspace_id', 'email']).execute();
  await db.schema.createIndex('contacts_ws_external').on('contacts').columns(['workspace_id', 'external_id']).execute();

  await db.schema
    .createTable('pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('pipelines_ws').on('pipelines').column('workspace_id').execute();

  await db.schema
    .createTable('stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text')
    .addColumn('aging_days', 'integer')
    .addColumn('allow_override', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('forecast_category', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('stages_pipeline').on('stages').columns(['pipeline_id', 'position']).execute();

  await db.schema
    .createTable('process_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('process_versions_pipeline').on('process_versions').columns(['pipeline_id', 'number']).unique().execute();

  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull().references('stages.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('close_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    .addColumn('source', 'text')
    .addColumn('campaign', 'text')
    .addColumn('next_step', 'text')
    .addColumn('custom', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('external_id', 'text')
    .addColumn('stage_entered_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('deals_ws_owner_status').on('deals').columns(['workspace_id', 'owner_id', 'status']).execute();
  await db.schema.createIndex('deals_ws_stage').on('deals').columns(['workspace_id', 'stage_id']).execute();
  await db.schema.createIndex('deals_ws_close_date').on('deals').columns(['workspace_id', 'close_date']).execute();
  await db.schema.createIndex('deals_ws_created').on('deals').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('deals_ws_account').on('deals').columns(['workspace_id', 'account_id']).execute();
  await db.schema.createIndex('deals_ws_name').on('deals').columns(['workspace_id', 'name', 'id']).execute();
  await db.schema.createIndex('deals_ws_external').on('deals').columns(['workspace_id', 'external_id']).execute();

  await db.schema
    .createTable('stage_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('actor_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('from_stage_id', 'text')
    .addColumn('to_stage_id', 'text', (c) => c.notNull())
    .addColumn('from_position', 'integer')
    .addColumn('to_position', 'integer', (c) => c.notNull())
    .addColumn('from_probability', 'integer')
    .addColumn('to_probability', 'integer', (c) => c.notNull())
    .addColumn('process_version_id', 'text')
    .addColumn('criteria_met', 'integer', (c) => c.notNull())
    .addColumn('missing', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('override_reason', 'text')
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('direction', 'integer', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stage_moves_deal').on('stage_moves').columns(['deal_id', 'at']).execute();
  await db.schema.createIndex('stage_moves_ws_at').on('stage_moves').columns(['workspace_id', 'at']).execute();
  await db.schema.createIndex('stage_moves_ws_owner_at').on('stage_moves').columns(['workspace_id', 'owner_id', 'at']).execute();

  await db.schema
    .createTable('changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('changes_entity').on('changes').columns(['entity_id', 'at']).execute();
  await db.schema.createIndex('changes_ws_field_at').on('changes').columns(['workspace_id', 'entity', 'field', 'at']).execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('deal_id', 'text', (c) => c.references('deals.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('completed_at', 'bigint')
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('activities_ws_owner_at').on('activities').columns(['workspace_id', 'owner_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_ws_at').on('activities').columns(['workspace_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_deal').on('activities').columns(['deal_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_contact').on('activities').columns(['contact_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_account').on('activities').columns(['account_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_ws_external').on('activities').columns(['workspace_id', 'external_id']).execute();

  await db.schema
    .createTable('custom_fields')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('options', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('custom_fields_key').on('custom_fields').columns(['workspace_id', 'entity', 'key']).unique().execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_runs_ws').on('import_runs').columns(['workspace_id', 'started_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_runs',
    'custom_fields',
    'activities',
    'changes',
    'stage_moves',
    'deals',
    'process_versions',
    'stages',
    'pipelines',
    'contacts',
    'accounts',
    'login_attempts',
    'invitations',
    'api_tokens',
    'sessions',
    'users',
    'teams',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
