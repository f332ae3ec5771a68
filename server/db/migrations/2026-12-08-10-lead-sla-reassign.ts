// Frozen once released: the workspace's choice to reassign a lead whose SLA is breached
// (decision 0103): JSON { enabled, clauses, maxPerLead }; null until an admin sets it (off).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lead_settings').addColumn('sla_reassign', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('lead_settings').dropColumn('sla_reassign').execute();
}
