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
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['forecast_submission_deals', 'forecast_submissions', 'deal_forecast_categories', 'expectations', 'quotas']) {
    await db.schema.dropTable(table).execute();
  }
}
