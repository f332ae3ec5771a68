// Frozen once released: quotas, expectations, forecast categories and submissions, and the indexes
// the KPI queries need (measured in docs/performance.md).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quotas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('quotas_scope_period').on('quotas').columns(['workspace_id', 'scope_type', 'scope_id', 'period_key']).unique().execute();
  await db.schema.createIndex('quotas_ws_period').on('quotas').columns(['workspace_id', 'period_key']).execute();

  await db.schema
    .createTable('expectations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kpi_id', 'text', (c) => c.notNull())
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text')
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('amber_threshold', 'double precision', (c) => c.notNull())
    .addColumn('red_threshold', 'double precision', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('expectations_ws').on('expectations').columns(['workspace_id', 'archived_at']).execute();

  // The owner's forecast category for a deal, when it differs from its stage's. History of every
  // change is kept in `changes` (field forecast_category), like any other deal field.
  await db.schema
    .createTable('deal_forecast_categories')
    .addColumn('deal_id', 'text', (c) => c.primaryKey().references('deals.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_forecast_categories_ws').on('deal_forecast_categories').column('workspace_id').execute();

  await db.schema
    .createTable('forecast_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('commit_amount', 'bigint', (c) => c.notNull())
    .addColumn('best_case_amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('won_amount', 'bigint', (c) => c.notNull())
    .addColumn('rollup_commit', 'bigint')
    .addColumn('rollup_best_case', 'bigint')
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forecast_submissions_period')
    .on('forecast_submissions')
    .columns(['workspace_id', 'period_key', 'user_id', 'submitted_at'])
    .execute();

  // The deals behind a submission as they stood when it was made: what was committed, for commit
  // conversion and for the manager's inspection.
  await db.schema
    .createTable('forecast_submission_deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('forecast_submissions.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('close_date', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forecast_submission_deals_sub').on('forecast_submission_deals').columns(['submission_id', 'category']).execute();

  // KPI indexes, each measured on 100k deals / 1M activities / 2M field changes (docs/performance.md).
  // The stage history and "deals as of T" walk changes per field and deal in time order: covering,
  // so neither engine sorts or touches the table (SQLite: time in stage 13.5 s → 1.3 s).
  await db.schema
    .createIndex('changes_ws_field_entity')
    .on('changes')
    .columns(['workspace_id', 'entity', 'field', 'entity_id', 'at', 'id', 'to_value'])
    .execute();
  // Deals closed or closing in a period, with what every deal KPI reads (win rate 80 ms → 15 ms).
  await db.schema
    .createIndex('deals_ws_close_cover')
    .on('deals')
    .columns([
      'workspace_id',
      'close_date',
      'status',
      'owner_id',
      'currency',
      'amount',
      'deleted_at',
      'id',
      'closed_at',
      'created_at',
      'stage_id',
      'pipeline_id',
    ])
    .execute();
  // Deals created in a period (pipeline created: 250 ms → 12 ms for a year).
  await db.schema
    .createIndex('deals_ws_created_cover')
    .on('deals')
    .columns(['workspace_id', 'created_at', 'owner_id', 'currency', 'amount', 'deleted_at', 'id'])
    .execute();
  // Stage moves of a period with what adherence reads (900 ms → 215 ms for a quarter).
  await db.schema
    .createIndex('stage_moves_ws_at_cover')
    .on('stage_moves')
    .columns(['workspace_id', 'at', 'owner_id', 'deal_id', 'criteria_met', 'skipped', 'from_probability', 'to_probability', 'override_reason', 'id'])
    .execute();
  // Activities of a period by type and owner (activity volume 2 s → 0.2 s).
  await db.schema
    .createIndex('activities_ws_at_cover')
    .on('activities')
    .columns(['workspace_id', 'occurred_at', 'type', 'owner_id', 'created_at', 'deleted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_ws_at_cover').execute();
  await db.schema.dropIndex('stage_moves_ws_at_cover').execute();
  await db.schema.dropIndex('deals_ws_created_cover').execute();
  await db.schema.dropIndex('deals_ws_close_cover').execute();
  await db.schema.dropIndex('changes_ws_field_entity').execute();
  for (const table of ['forecast_submission_deals', 'forecast_submissions', 'deal_forecast_categories', 'expectations', 'quotas']) {
    await db.schema.dropTable(table).execute();
  }
}
