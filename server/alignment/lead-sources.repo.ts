import type { Kysely, Selectable } from 'kysely';
import type { LeadSourcesTable } from '../db/schema/alignment.js';
import type { DB } from '../db/schema.js';

export type LeadSourceRow = Selectable<LeadSourcesTable>;

export function listSources(db: Kysely<DB>, workspaceId: string): Promise<LeadSourceRow[]> {
  return db.selectFrom('lead_sources').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

/** By id alone: the webhook arrives without a session, its workspace is the source's. */
export function findSourceById(db: Kysely<DB>, id: string): Promise<LeadSourceRow | undefined> {
  return db.selectFrom('lead_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSource(db: Kysely<DB>, row: LeadSourceRow): Promise<void> {
  await db.insertInto('lead_sources').values(row).execute();
}

export async function rotateSecret(db: Kysely<DB>, workspaceId: string, id: string, secret: string): Promise<boolean> {
  const r = await db
    .updateTable('lead_sources')
    .set((eb) => ({ secret, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function findMessage(db: Kysely<DB>, sourceId: string, messageId: string) {
  return db.selectFrom('lead_webhook_messages').selectAll().where('source_id', '=', sourceId).where('message_id', '=', messageId).executeTakeFirst();
}

export async function insertMessage(db: Kysely<DB>, row: Selectable<DB['lead_webhook_messages']>): Promise<void> {
  await db.insertInto('lead_webhook_messages').values(row).execute();
}
