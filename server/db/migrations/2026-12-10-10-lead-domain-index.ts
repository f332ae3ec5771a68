// Frozen once released: the domain match reads leads and accounts by company domain. Every lead row
// asks for its company's first other lead (leads.repo.ts#views: received_at, id order, so the index
// carries both and the subquery stops at its first entry), and every arriving lead looks for the
// account with its domain (lead-match.service.ts); without these both scan the workspace's rows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('leads_ws_domain').on('leads').columns(['workspace_id', 'domain', 'received_at', 'id']).execute();
  await db.schema.createIndex('accounts_ws_domain').on('accounts').columns(['workspace_id', 'domain']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_ws_domain').execute();
  await db.schema.dropIndex('leads_ws_domain').execute();
}
