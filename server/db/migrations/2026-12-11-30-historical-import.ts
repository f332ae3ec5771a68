// Frozen once released: the historical import (decision 0180). A stage move another system made and
// a file brought in is `imported` (never checked against Furrow's gate, left out of adherence and
// calibration); a deal whose file gave no start date is `created_unknown` (its created_at is then
// only the first instant known of it, so no period's pipeline created counts it).
import { type Kysely, sql } from 'kysely';

/** The covering indexes as 2026-11-28-02 and -03 made them. */
const ADHERENCE_COLUMNS = [
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
];
const COVER_COLUMNS = ['workspace_id', 'at', 'owner_id', 'deal_id', 'criteria_met', 'skipped', 'from_probability', 'to_probability', 'override_reason', 'id'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('stage_moves')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('deals')
    .addColumn('created_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Adherence filters imported = 0: the two covering indexes it reads get the column, or every move
  // of a period would be looked up in the table (the reason they exist: 4.5 s → 0.2 s on 100k deals).
  await db.schema.dropIndex('stage_moves_adherence').execute();
  await db.schema
    .createIndex('stage_moves_adherence')
    .on('stage_moves')
    .columns([...ADHERENCE_COLUMNS, 'imported'])
    .execute();
  await db.schema.dropIndex('stage_moves_ws_at_cover').execute();
  await db.schema
    .createIndex('stage_moves_ws_at_cover')
    .on('stage_moves')
    .columns([...COVER_COLUMNS, 'imported'])
    .execute();
  // Few deals are of unknown start; pipeline created and the cycle leave them out through this.
  await db.schema.createIndex('deals_created_unknown').on('deals').columns(['workspace_id', 'id']).where(sql.ref('created_unknown'), '=', 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_created_unknown').execute();
  await db.schema.dropIndex('stage_moves_ws_at_cover').execute();
  await db.schema.createIndex('stage_moves_ws_at_cover').on('stage_moves').columns(COVER_COLUMNS).execute();
  await db.schema.dropIndex('stage_moves_adherence').execute();
  await db.schema.createIndex('stage_moves_adherence').on('stage_moves').columns(ADHERENCE_COLUMNS).execute();
  await db.schema.alterTable('deals').dropColumn('created_unknown').execute();
  await db.schema.alterTable('stage_moves').dropColumn('imported').execute();
}
