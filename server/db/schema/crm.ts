// Row types of the CRM core: accounts, contacts, deals, their field history, activities, custom fields, imports.
// Instants are epoch milliseconds, calendar dates YYYY-MM-DD text, money integer minor units, flags 0/1.
import type { Generated } from 'kysely';

export type DealStatus = 'open' | 'won' | 'lost';

export type ActivityType = 'call' | 'meeting' | 'email' | 'task' | 'note';

export type EntityType = 'account' | 'contact' | 'deal' | 'activity';

export interface AccountsTable {
  id: string;
  workspace_id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: number | null;
  country: string | null;
  owner_id: string;
  shared: number;
  /** JSON object: custom field values by key (see custom_fields, entity 'account'). */
  custom: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface ContactsTable {
  id: string;
  workspace_id: string;
  account_id: string | null;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  owner_id: string;
  /** JSON object: custom field values by key (see custom_fields, entity 'contact'). */
  custom: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface DealsTable {
  id: string;
  workspace_id: string;
  name: string;
  account_id: string | null;
  contact_id: string | null;
  owner_id: string;
  pipeline_id: string;
  stage_id: string;
  amount: number;
  currency: string;
  close_date: string;
  status: DealStatus;
  lost_reason: string | null;
  source: string | null;
  campaign: string | null;
  next_step: string | null;
  custom: string;
  external_id: string | null;
  stage_entered_at: number;
  closed_at: number | null;
  created_at: number;
  /** 1 when the deal came from a file that gave no start date: created_at is the first instant known of it. */
  created_unknown: Generated<number>;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface ChangesTable {
  id: string;
  workspace_id: string;
  entity: EntityType;
  entity_id: string;
  field: string;
  from_value: string | null;
  to_value: string | null;
  actor_id: string | null;
  at: number;
  via: string;
}

/** A comment on a deal: a leader's word to the rep, or the rep's reply. */
export interface DealCommentsTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  author_id: string;
  body: string;
  created_at: number;
}

export interface ActivitiesTable {
  id: string;
  workspace_id: string;
  type: ActivityType;
  subject: string;
  body: string | null;
  deal_id: string | null;
  contact_id: string | null;
  account_id: string | null;
  owner_id: string;
  /** When it happened (or is scheduled to happen). */
  occurred_at: number;
  duration_minutes: number | null;
  completed_at: number | null;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface CustomFieldsTable {
  id: string;
  workspace_id: string;
  entity: EntityType;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'select';
  options: string | null;
  position: number;
  created_at: number;
  archived_at: number | null;
}

/** A named column and value mapping, reused by name on the next import of the same kind of file. */
export interface ImportMappingsTable {
  id: string;
  workspace_id: string;
  entity: 'accounts' | 'contacts' | 'deals' | 'activities' | 'leads';
  name: string;
  name_key: string;
  /** JSON: CSV header → field (as ImportRequest.mapping). */
  columns: string;
  /** JSON: field → value in the file → value in Furrow (as ImportRequest.values). */
  value_map: string;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface ImportRunsTable {
  id: string;
  workspace_id: string;
  entity: EntityType | 'lead';
  file_name: string | null;
  file_hash: string;
  actor_id: string | null;
  /** running: a resumable run that has kept batches and not finished (if it stays so, it was stopped); interrupted: one a later run of its file took up. */
  status: 'succeeded' | 'failed' | 'running' | 'interrupted';
  created: number;
  updated: number;
  unchanged: number;
  errors: string;
  started_at: number;
  /** The last batch kept, while running. */
  finished_at: number;
}

/** A resumable run's progress (decision 0209), written in each kept batch's transaction. */
export interface ImportRunProgressTable {
  run_id: string;
  workspace_id: string;
  rows_kept: number;
  kept_through_line: number;
}
