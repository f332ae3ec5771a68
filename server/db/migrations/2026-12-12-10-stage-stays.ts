// Frozen once released: stage history as stays (issue #15). Time in stage and stage conversion read
// stage_stays instead of re-deriving each stay from `changes` with window functions over the whole
// history of every deal that moved in the period (crm/stage-stays.repo.ts writes it from now on).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stage_stays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id'))
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'bigint', (c) => c.notNull())
    .addColumn('left_at', 'bigint')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Stage conversion: the stays entered in a period, from the index alone.
  await db.schema.createIndex('stage_stays_ws_entered').on('stage_stays').columns(['workspace_id', 'entered_at', 'deal_id', 'stage_id', 'id']).execute();
  // Time in stage: the stays left in a period; and the stays open across an instant (left_at null or after it).
  await db.schema
    .createIndex('stage_stays_ws_left')
    .on('stage_stays')
    .columns(['workspace_id', 'left_at', 'entered_at', 'deal_id', 'stage_id', 'id'])
    .execute();
  // One deal's stays in order: the writer closes the open one; stage conversion probes a deal's
  // earlier and later stays.
  await db.schema.createIndex('stage_stays_deal').on('stage_stays').columns(['deal_id', 'entered_at', 'id', 'stage_id']).execute();

  // Backfill, set-based: one stay per stage_id change, left at the deal's next one (the order the
  // KPIs used: instant, then id), imported when an imported move made the change. The stay keeps
  // the change's id, so the KPIs' records keep their ids.
  await sql`insert into stage_stays (id, workspace_id, deal_id, pipeline_id, stage_id, entered_at, left_at, imported)
    select c.id, c.workspace_id, c.entity_id, d.pipeline_id, c.to_value, c.at,
      lead(c.at) over (partition by c.entity_id order by c.at, c.id),
      case when exists (
        select 1 from stage_moves m
        where m.deal_id = c.entity_id and m.at = c.at and m.to_stage_id = c.to_value and m.imported = 1
      ) then 1 else 0 end
    from changes c
    join deals d on d.id = c.entity_id
    where c.entity = 'deal' and c.field = 'stage_id' and c.to_value is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stage_stays').execute();
}
