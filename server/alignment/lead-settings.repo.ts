import type { Kysely, Selectable } from 'kysely';
import type { LeadSettingsTable } from '../db/schema/alignment.js';
import type { DB } from '../db/schema.js';

export type LeadSettingsRow = Selectable<LeadSettingsTable>;

export function findSettings(db: Kysely<DB>, workspaceId: string): Promise<LeadSettingsRow | undefined> {
  return db.selectFrom('lead_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function insertSettings(db: Kysely<DB>, row: LeadSettingsRow): Promise<void> {
  await db.insertInto('lead_settings').values(row).execute();
}

export async function updateSettings(
  db: Kysely<DB>,
  workspaceId: string,
  version: number,
  values: { routing: string; business_hours: string; sla_reassign: string | null },
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('lead_settings')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The transaction lock whoever moves the round-robin pointer takes (PostgreSQL; SQLite writes one at
 * a time): new leads (lead-intake.service.ts) and reassignments on breach (sla-reassign.service.ts).
 */
export const ROUND_ROBIN_LOCK = 40_002;

/** Round-robin pointer: who in a team got the last lead. */
export async function setLastAssigned(db: Kysely<DB>, workspaceId: string, lastAssigned: string): Promise<void> {
  await db.updateTable('lead_settings').set({ last_assigned: lastAssigned }).where('workspace_id', '=', workspaceId).execute();
}

/** Active reps of a team (disabled users never get leads). */
export async function activeRepIds(db: Kysely<DB>, workspaceId: string, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .where('role', '=', 'rep')
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Which of these ids are users of the workspace (any role, disabled too: an away list may keep them). */
export async function workspaceUserIds(db: Kysely<DB>, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
