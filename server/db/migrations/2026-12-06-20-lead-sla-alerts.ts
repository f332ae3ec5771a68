// Frozen once released: one row per SLA alert sent about a lead (its accept clock at risk, told to
// the owner; breached, escalated to the owner's manager), keyed by lead, kind and routing so each
// clock alerts once: the alert job inserts the row and notifies in one transaction, so a re-run or
// a duplicated job never notifies twice. A lead routed again (recycled) has a new clock.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lead_sla_alerts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lead_sla_alerts_lead').on('lead_sla_alerts').columns(['workspace_id', 'lead_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lead_sla_alerts').execute();
}
