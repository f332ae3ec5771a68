// Row types of marketing alignment: lead agreements, campaigns, lead sources, leads and their
// history. JSON documents (terms, follow-up plan, explanations, behaviours, settings) are text.

export interface LeadAgreementsTable {
  id: string;
  workspace_id: string;
  number: number;
  status: 'draft' | 'proposed' | 'in_force' | 'superseded';
  terms: string;
  note: string | null;
  created_by: string | null;
  created_at: number;
  proposed_at: number | null;
  sales_approved_by: string | null;
  sales_approved_at: number | null;
  marketing_approved_by: string | null;
  marketing_approved_at: number | null;
  in_force_at: number | null;
  superseded_at: number | null;
  updated_at: number;
  version: number;
}

export interface CampaignsTable {
  id: string;
  workspace_id: string;
  name: string;
  channel: string;
  starts_on: string;
  ends_on: string | null;
  budget: number | null;
  currency: string;
  follow_up: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface LeadSourcesTable {
  id: string;
  workspace_id: string;
  name: string;
  secret: string;
  created_by: string | null;
  created_at: number;
  version: number;
}

export interface LeadWebhookMessagesTable {
  source_id: string;
  message_id: string;
  workspace_id: string;
  lead_id: string;
  received_at: number;
}

export interface LeadsTable {
  id: string;
  workspace_id: string;
  email: string | null;
  domain: string | null;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  industry: string | null;
  company_size: number | null;
  country: string | null;
  segment: string | null;
  source: string;
  campaign_id: string | null;
  status: 'new' | 'mql' | 'accepted' | 'rejected' | 'sql' | 'converted' | 'recycled';
  score: number;
  score_explanation: string;
  behaviours: string;
  agreement_id: string | null;
  owner_id: string | null;
  team_id: string | null;
  rejection_reason: string | null;
  matched_contact_id: string | null;
  matched_account_id: string | null;
  deal_id: string | null;
  received_at: number;
  mql_at: number | null;
  routed_at: number | null;
  first_touch_at: number | null;
  touches: number;
  accepted_at: number | null;
  rejected_at: number | null;
  sql_at: number | null;
  converted_at: number | null;
  /** SLA due instants, computed at routing (business hours; decision 0041). */
  accept_due_at: number | null;
  touch_due_at: number | null;
  attempts_due_at: number | null;
  attempts_required: number | null;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface LeadTransitionsTable {
  id: string;
  workspace_id: string;
  lead_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  owner_id: string | null;
  reason: string | null;
  agreement_id: string | null;
  at: number;
}

export interface LeadTouchesTable {
  id: string;
  workspace_id: string;
  lead_id: string;
  actor_id: string;
  type: string;
  reached: number;
  note: string | null;
  at: number;
  /** Business minutes from routing to the touch; null when the lead was not routed. */
  business_minutes: number | null;
}

/** Marketing's commitment of an agreement, one row per segment (segment lower-cased, trimmed). */
export interface LeadCommitmentsTable {
  workspace_id: string;
  agreement_id: string;
  segment: string;
  mqls_per_month: number;
}

export interface LeadSettingsTable {
  workspace_id: string;
  routing: string;
  business_hours: string;
  /** JSON: team id → the user id last given a lead by round robin. */
  last_assigned: string;
  /** JSON: reassign a lead whose SLA is breached (decision 0103); null: off. */
  sla_reassign: string | null;
  updated_at: number;
  version: number;
}

/** One SLA alert sent about a lead (at risk to the owner, breached to the manager): each once (alignment/sla-alerts.jobs.ts). */
export interface LeadSlaAlertsTable {
  key: string;
  workspace_id: string;
  lead_id: string;
  kind: string;
  recipient_id: string;
  created_at: number;
}
