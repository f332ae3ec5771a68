// Frozen once released: exit criteria, checklist ticks, qualification frameworks and scores, and
// the per-criterion results of every gated stage move (gate calibration reads them).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exit_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
    .addColumn('stage_id', 'text', (c) => c.notNull().references('stages.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('activity_type', 'text')
    .addColumn('within_days', 'integer')
    .addColumn('framework_id', 'text')
    .addColumn('min_score', 'integer')
    .addColumn('scenario', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('exit_criteria_stage').on('exit_criteria').columns(['stage_id', 'position']).execute();
  await db.schema.createIndex('exit_criteria_ws_pipeline').on('exit_criteria').columns(['workspace_id', 'pipeline_id']).execute();

  await db.schema
    .createTable('deal_checklist_ticks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('exit_criteria.id'))
    .addColumn('ticked_by', 'text', (c) => c.notNull())
    .addColumn('ticked_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_checklist_ticks_deal').on('deal_checklist_ticks').columns(['deal_id', 'criterion_id']).unique().execute();

  await db.schema
    .createTable('qualification_frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('qualification_frameworks_key').on('qualification_frameworks').columns(['workspace_id', 'key']).unique().execute();

  await db.schema
    .createTable('qualification_elements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('qualification_frameworks.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('qualification_elements_key').on('qualification_elements').columns(['framework_id', 'key']).unique().execute();

  await db.schema
    .createTable('deal_qualifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull().references('qualification_frameworks.id'))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('deal_qualifications_deal').on('deal_qualifications').columns(['deal_id', 'framework_id']).unique().execute();

  await db.schema
    .createTable('deal_qualification_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('element_id', 'text', (c) => c.notNull().references('qualification_elements.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_qualification_scores_deal').on('deal_qualification_scores').columns(['deal_id', 'element_id']).unique().execute();

  await db.schema
    .createTable('stage_move_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('move_id', 'text', (c) => c.notNull().references('stage_moves.id'))
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stage_move_checks_move').on('stage_move_checks').column('move_id').execute();
  await db.schema.createIndex('stage_move_checks_ws_criterion').on('stage_move_checks').columns(['workspace_id', 'criterion_id', 'deal_id', 'met']).execute();
  await db.schema.createIndex('stage_move_checks_ws_deal').on('stage_move_checks').columns(['workspace_id', 'deal_id', 'criterion_id', 'met']).execute();

  // Adherence reads every move of a period and every stage change of a workspace; covering
  // indexes let both engines answer from the index alone (100k deals: 4.5 s → 0.2 s).
  await db.schema
    .createIndex('stage_moves_adherence')
    .on('stage_moves')
    .columns([
      'workspace_id',
      'at',
      'owner_id',
      'to_stage_id',
      'deal_id',
      'criteria_met',
      'skipped',
      'direction',
      'from_probability',
      'to_probability',
      'override_reason',
    ])
    .execute();
  await db.schema
    .createIndex('changes_stage_intervals')
    .on('changes')
    .columns(['workspace_id', 'entity', 'field', 'entity_id', 'at', 'id', 'to_value'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('changes_stage_intervals').execute();
  await db.schema.dropIndex('stage_moves_adherence').execute();
  for (const table of [
    'stage_move_checks',
    'deal_qualification_scores',
    'deal_qualifications',
    'qualification_elements',
    'qualification_frameworks',
    'deal_checklist_ticks',
    'exit_criteria',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
