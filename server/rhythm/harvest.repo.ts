// The harvest planner's SQL: assumption overrides per team with their change log, and the lead
// history the MQL→opportunity rate is read from.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { HarvestOverrideChangesTable, HarvestOverridesTable } from '../db/schema/rhythm.js';
import type { DB } from '../db/schema.js';

export type OverrideRow = Selectable<HarvestOverridesTable>;
export type OverrideChangeRow = Selectable<HarvestOverrideChangesTable>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toRow = (r: OverrideRow): OverrideRow => ({
  ...r,
  win_rate: num(r.win_rate),
  average_deal_size: num(r.average_deal_size),
  cycle_days: num(r.cycle_days),
  created_at: Number(r.created_at),
  updated_at: Number(r.updated_at),
});

/** Overrides of the given teams (null: every team of the workspace). */
export async function listOverrideRows(db: Kysely<DB>, workspaceId: string, teamIds: readonly string[] | null): Promise<OverrideRow[]> {
  let q = db.selectFrom('harvest_overrides').selectAll().where('workspace_id', '=', workspaceId);
  if (teamIds) q = teamIds.length === 0 ? q.where('id', '=', '') : q.where('team_id', 'in', [...teamIds]);
  return (await q.orderBy('team_id').execute()).map(toRow);
}

export async function findOverrideRow(db: Kysely<DB>, workspaceId: string, teamId: string): Promise<OverrideRow | undefined> {
  const r = await db.selectFrom('harvest_overrides').selectAll().where('workspace_id', '=', workspaceId).where('team_id', '=', teamId).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

export async function insertOverride(db: Kysely<DB>, row: OverrideRow): Promise<void> {
  await db.insertInto('harvest_overrides').values(row).execute();
}

/** Writes the new values if the row is still at `version`; false when someone else got there first. */
export async function updateOverride(
  db: Kysely<DB>,
  workspaceId: string,
  teamId: string,
  version: number,
  values: Pick<OverrideRow, 'win_rate' | 'average_deal_size' | 'cycle_days' | 'note' | 'updated_by' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('harvest_overrides')
    .set({ ...values, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertOverrideChanges(db: Kysely<DB>, rows: readonly OverrideChangeRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('harvest_override_changes')
      .values([...rows])
      .execute();
}

export async function listOverrideChanges(db: Kysely<DB>, workspaceId: string, teamIds: readonly string[]): Promise<OverrideChangeRow[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('harvest_override_changes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'in', [...teamIds])
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, old_value: num(r.old_value), new_value: num(r.new_value), changed_at: Number(r.changed_at) }));
}

/**
 * Leads that became MQL in [start, end) and how many of those became a deal (an opportunity). There
 * is no funnel KPI in the catalogue yet that gives MQL→opportunity; this is its one place.
 */
export async function mqlOutcomes(db: Kysely<DB>, workspaceId: string, start: number, end: number): Promise<{ mqls: number; opportunities: number }> {
  const r = await db
    .selectFrom('leads')
    .select([sql<number>`count(*)`.as('mqls'), sql<number>`coalesce(sum(case when deal_id is not null then 1 else 0 end), 0)`.as('opportunities')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where('mql_at', '>=', start)
    .where('mql_at', '<', end)
    .executeTakeFirst();
  return { mqls: Number(r?.mqls ?? 0), opportunities: Number(r?.opportunities ?? 0) };
}
