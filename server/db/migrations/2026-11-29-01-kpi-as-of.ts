// Frozen once released: KPIs as of a past date replay only the deals changed since (found by
// updated_at), and the stage history keeps one covering index instead of two identical ones
// (measured in docs/performance.md).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Deals changed after an instant but created by it: the ones "as of T" must replay (win rate as of
  // three months back on 100k deals: ~1.4 s → see docs/performance.md).
  await db.schema.createIndex('deals_ws_updated').on('deals').columns(['workspace_id', 'updated_at', 'created_at', 'id']).execute();
  // changes_stage_intervals (2026-11-28-02) has exactly the columns of changes_ws_field_entity
  // (2026-11-28-03): every change paid for both.
  await db.schema.dropIndex('changes_stage_intervals').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('changes_stage_intervals')
    .on('changes')
    .columns(['workspace_id', 'entity', 'field', 'entity_id', 'at', 'id', 'to_value'])
    .execute();
  await db.schema.dropIndex('deals_ws_updated').execute();
}
