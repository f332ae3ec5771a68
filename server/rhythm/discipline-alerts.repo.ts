// The claims of the "below the start of the year" alerts (one per scope, discipline and slide).
import type { Kysely } from 'kysely';
import type { DisciplineAlertsTable } from '../db/schema/rhythm.js';
import type { DB } from '../db/schema.js';

/** Claims an alert; false when it was raised before (by an earlier run or another node). */
export async function claimDisciplineAlert(db: Kysely<DB>, row: DisciplineAlertsTable): Promise<boolean> {
  const r = await db
    .insertInto('discipline_alerts')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
