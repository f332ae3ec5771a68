import type { Kysely, Selectable } from 'kysely';
import type { InvitationsTable } from '../db/schema/identity.js';
import type { DB } from '../db/schema.js';

export type InvitationRow = Selectable<InvitationsTable>;

export async function insertInvitation(db: Kysely<DB>, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export function listInvitationRows(db: Kysely<DB>, workspaceId: string): Promise<InvitationRow[]> {
  return db.selectFrom('invitations').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute();
}

export function findInvitationByHash(db: Kysely<DB>, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markInvitation(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  changes: { accepted_at?: number; revoked_at?: number },
): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
