import type { Kysely, Selectable } from 'kysely';
import { updateVersioned } from '../db/records.js';
import type { TeamsTable } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';

export type TeamRow = Selectable<TeamsTable>;

export function listTeams(db: Kysely<DB>, workspaceId: string): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

export function findTeam(db: Kysely<DB>, workspaceId: string, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function memberCounts(db: Kysely<DB>, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'is not', null)
    .where('disabled_at', 'is', null)
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id as string, Number(r.n)]));
}

export async function insertTeam(db: Kysely<DB>, row: TeamRow): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function updateTeam(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  version: number,
  changes: { name?: string; parent_id?: string | null; manager_id?: string | null },
  now: number,
): Promise<boolean> {
  return (await updateVersioned(db, 'teams', { workspaceId, id, version }, changes, now)) !== undefined;
}

export async function deleteTeam(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('teams').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function teamIsUsed(db: Kysely<DB>, workspaceId: string, id: string): Promise<boolean> {
  const child = await db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).where('parent_id', '=', id).executeTakeFirst();
  if (child) return true;
  const member = await db.selectFrom('users').select('id').where('workspace_id', '=', workspaceId).where('team_id', '=', id).executeTakeFirst();
  return member !== undefined;
}
