// Frozen once released: the historical import (decision 0180). A stage move another system made and
// a file brought in is `imported` (never checked against Furrow's gate, left out of adherence and
// calibration); a deal whose file gave no start date is `created_unknown` (its created_at is then
// only the first instant known of it, so no period's pipeline created counts it).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('stage_moves')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('deals')
    .addColumn('created_unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Few deals are of unknown start; pipeline created and the cycle leave them out through this.
  await db.schema.createIndex('deals_created_unknown').on('deals').columns(['workspace_id', 'id']).where(sql.ref('created_unknown'), '=', 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_created_unknown').execute();
  await db.schema.alterTable('deals').dropColumn('created_unknown').execute();
  await db.schema.alterTable('stage_moves').dropColumn('imported').execute();
}
