// Frozen once released: what the funnel and compliance KPIs read, stored at write time because
// business-hours arithmetic does not belong in SQL (docs/decisions/0041-lead-sla-facts.md).
// - leads: the SLA due instants, computed when the lead is routed under the agreement that
//   qualified it and the workspace's business hours: accept-or-reject, first touch, and the end
//   of the attempts window with the number of attempts it asks for.
// - lead_touches: business minutes from routing to the touch (speed to lead reads the first).
// - lead_commitments: marketing's commitment (MQLs per month per segment) of each agreement as
//   rows, so delivery against commitment is a join; existing agreements are copied from their terms.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('leads').addColumn('accept_due_at', 'bigint').execute();
  await db.schema.alterTable('leads').addColumn('touch_due_at', 'bigint').execute();
  await db.schema.alterTable('leads').addColumn('attempts_due_at', 'bigint').execute();
  await db.schema.alterTable('leads').addColumn('attempts_required', 'integer').execute();
  await db.schema.alterTable('lead_touches').addColumn('business_minutes', 'double precision').execute();
  await db.schema.createIndex('lead_transitions_ws_lead_to').on('lead_transitions').columns(['workspace_id', 'lead_id', 'to_status', 'at']).execute();
  await db.schema.createIndex('leads_ws_routed').on('leads').columns(['workspace_id', 'routed_at']).execute();

  await db.schema
    .createTable('lead_commitments')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('lead_agreements.id'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('mqls_per_month', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_commitments_pk', ['agreement_id', 'segment'])
    .execute();
  const agreements = await db.selectFrom('lead_agreements').select(['id', 'workspace_id', 'terms']).execute();
  for (const a of agreements as { id: string; workspace_id: string; terms: string }[]) {
    const terms = JSON.parse(a.terms) as { commitments?: { segment: string; mqlsPerMonth: number }[] };
    const rows = new Map<string, number>();
    for (const c of terms.commitments ?? []) rows.set(c.segment.trim().toLowerCase(), c.mqlsPerMonth);
    if (rows.size === 0) continue;
    await db
      .insertInto('lead_commitments')
      .values([...rows].map(([segment, n]) => ({ workspace_id: a.workspace_id, agreement_id: a.id, segment, mqls_per_month: n })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lead_commitments').execute();
  await db.schema.dropIndex('leads_ws_routed').execute();
  await db.schema.dropIndex('lead_transitions_ws_lead_to').execute();
  await db.schema.alterTable('lead_touches').dropColumn('business_minutes').execute();
  for (const c of ['attempts_required', 'attempts_due_at', 'touch_due_at', 'accept_due_at']) await db.schema.alterTable('leads').dropColumn(c).execute();
}
