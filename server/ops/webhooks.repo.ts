// All SQL of webhook endpoints and deliveries.
import { type Kysely, sql } from 'kysely';
import { sortedPage } from '../db/keyset.js';
import { updateVersioned } from '../db/records.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema/ops.js';
import type { DB } from '../db/schema.js';

export type EndpointRow = WebhookEndpointsTable;
export type DeliveryRow = WebhookDeliveriesTable;

export async function insertEndpoint(db: Kysely<DB>, row: EndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function listEndpointRows(db: Kysely<DB>, workspaceId: string): Promise<EndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function activeEndpointRows(db: Kysely<DB>, workspaceId: string): Promise<EndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('revoked_at', 'is', null).execute();
}

export async function findEndpointRow(db: Kysely<DB>, workspaceId: string, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function revokeEndpointRow(db: Kysely<DB>, workspaceId: string, id: string, version: number, now: number): Promise<boolean> {
  // The endpoint has no updated_at: revoked_at is its one change.
  return (await updateVersioned(db, 'webhook_endpoints', { workspaceId, id, version }, { revoked_at: now }, null, { live: 'revoked_at' })) !== undefined;
}

export async function insertDeliveries(db: Kysely<DB>, rows: DeliveryRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_deliveries').values(rows).execute();
}

export async function findDeliveryRow(db: Kysely<DB>, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateDeliveryRow(
  db: Kysely<DB>,
  id: string,
  changes: Partial<Pick<DeliveryRow, 'status' | 'attempts' | 'response_code' | 'last_error' | 'next_attempt_at' | 'delivered_at' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

/** Newest first, keyset-paged. */
export async function listDeliveryRows(
  db: Kysely<DB>,
  workspaceId: string,
  endpointId: string,
  page: { limit: number; cursor: string | undefined },
): Promise<{ rows: DeliveryRow[]; nextCursor: string | null }> {
  const q = db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('endpoint_id', '=', endpointId);
  return sortedPage<DeliveryRow, 'created_at'>(q, { created_at: sql.ref('created_at') }, page, { fallback: '-created_at', idColumn: 'id' });
}
