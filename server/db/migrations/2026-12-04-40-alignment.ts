// Frozen once released: marketing alignment — the lead agreement both sides sign, campaigns, lead
// sources with their webhook secrets, leads with their same-transaction lifecycle history, touches,
// and the workspace's routing and business hours.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lead_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('proposed_at', 'bigint')
    .addColumn('sales_approved_by', 'text')
    .addColumn('sales_approved_at', 'bigint')
    .addColumn('marketing_approved_by', 'text')
    .addColumn('marketing_approved_at', 'bigint')
    .addColumn('in_force_at', 'bigint')
    .addColumn('superseded_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('lead_agreements_number').on('lead_agreements').columns(['workspace_id', 'number']).unique().execute();
  // At most one agreement in force per workspace, whatever two approvers do at the same moment.
  await db.schema
    .createIndex('lead_agreements_one_in_force')
    .on('lead_agreements')
    .column('workspace_id')
    .unique()
    .where(sql<boolean>`status = 'in_force'`)
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('budget', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('campaigns_ws_name').on('campaigns').columns(['workspace_id', 'name']).unique().execute();

  await db.schema
    .createTable('lead_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // HMAC needs the secret itself, so it is stored; it is shown once and never logged or listed.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('lead_sources_ws_name').on('lead_sources').columns(['workspace_id', 'name']).unique().execute();

  // A message id seen once is refused after: replay protection for the signed webhook.
  await db.schema
    .createTable('lead_webhook_messages')
    .addColumn('source_id', 'text', (c) => c.notNull().references('lead_sources.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_webhook_messages_pk', ['source_id', 'message_id'])
    .execute();

  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('email', 'text')
    .addColumn('domain', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('industry', 'text')
    .addColumn('company_size', 'integer')
    .addColumn('country', 'text')
    .addColumn('segment', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('score_explanation', 'text', (c) => c.notNull())
    .addColumn('behaviours', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.references('lead_agreements.id'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('team_id', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('matched_contact_id', 'text')
    .addColumn('matched_account_id', 'text')
    .addColumn('deal_id', 'text')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('mql_at', 'bigint')
    .addColumn('routed_at', 'bigint')
    .addColumn('first_touch_at', 'bigint')
    .addColumn('touches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_at', 'bigint')
    .addColumn('rejected_at', 'bigint')
    .addColumn('sql_at', 'bigint')
    .addColumn('converted_at', 'bigint')
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('leads_ws_owner_status').on('leads').columns(['workspace_id', 'owner_id', 'status']).execute();
  await db.schema.createIndex('leads_ws_email').on('leads').columns(['workspace_id', 'email']).execute();
  await db.schema.createIndex('leads_ws_mql').on('leads').columns(['workspace_id', 'mql_at']).execute();
  await db.schema.createIndex('leads_ws_campaign').on('leads').columns(['workspace_id', 'campaign_id']).execute();

  await db.schema
    .createTable('lead_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('agreement_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lead_transitions_lead').on('lead_transitions').columns(['workspace_id', 'lead_id', 'at']).execute();
  await db.schema.createIndex('lead_transitions_ws_to').on('lead_transitions').columns(['workspace_id', 'to_status', 'at']).execute();

  await db.schema
    .createTable('lead_touches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lead_touches_lead').on('lead_touches').columns(['workspace_id', 'lead_id', 'at']).execute();

  await db.schema
    .createTable('lead_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('routing', 'text', (c) => c.notNull())
    .addColumn('business_hours', 'text', (c) => c.notNull())
    .addColumn('last_assigned', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['lead_settings', 'lead_touches', 'lead_transitions', 'leads', 'lead_webhook_messages', 'lead_sources', 'campaigns', 'lead_agreements']) {
    await db.schema.dropTable(t).execute();
  }
}
