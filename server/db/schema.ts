// Row types of every table, as Kysely sees them. Instants are epoch milliseconds, calendar dates
// are YYYY-MM-DD text, money is integer minor units, flags are 0/1 integers.

export type Role = 'admin' | 'manager' | 'rep' | 'marketing';
export type DealStatus = 'open' | 'won' | 'lost';
export type StageKind = 'open' | 'won' | 'lost';
export type ActivityType = 'call' | 'meeting' | 'email' | 'task' | 'note';
export type EntityType = 'account' | 'contact' | 'deal' | 'activity';

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  fiscal_year_start_month: number;
  created_at: number;
  version: number;
}

export interface TeamsTable {
  id: string;
  workspace_id: string;
  name: string;
  parent_id: string | null;
  manager_id: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface UsersTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string | null;
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a leaked table does not leak sessions. */
  id: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  token_hash: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

export interface LoginAttemptsTable {
  id: string;
  key: string;
  at: number;
}

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
  external_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface PipelinesTable {
  id: string;
  workspace_id: string;
  name: string;
  is_default: number;
  current_version_id: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  version: number;
}

export interface StagesTable {
  id: string;
  workspace_id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  guidance: string | null;
  aging_days: number | null;
  allow_override: number;
  forecast_category: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface ProcessVersionsTable {
  id: string;
  workspace_id: string;
  pipeline_id: string;
  number: number;
  /** JSON snapshot of the stages and their exit criteria at this version. */
  snapshot: string;
  note: string | null;
  created_by: string | null;
  created_at: number;
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
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface StageMovesTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  actor_id: string | null;
  at: number;
  from_stage_id: string | null;
  to_stage_id: string;
  /** Stage positions at the moment of the move, so adherence survives later reordering. */
  from_position: number | null;
  to_position: number;
  from_probability: number | null;
  to_probability: number;
  process_version_id: string | null;
  /** 1 when every exit criterion on the way was met at the moment of the move. */
  criteria_met: number;
  /** JSON list of the criteria that were missing (empty when met). */
  missing: string;
  override_reason: string | null;
  /** Forward stages jumped over (0 for a move to the next stage). */
  skipped: number;
  /** 1 forward, -1 backward, 0 into a closed stage from anywhere. */
  direction: number;
  via: string;
  owner_id: string;
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

export interface ImportRunsTable {
  id: string;
  workspace_id: string;
  entity: EntityType;
  file_name: string | null;
  file_hash: string;
  actor_id: string | null;
  status: 'succeeded' | 'failed';
  created: number;
  updated: number;
  unchanged: number;
  errors: string;
  started_at: number;
  finished_at: number;
}

// 1. Process: exit criteria, checklist ticks, qualification, per-criterion gate results.
export type CriterionKind = 'field' | 'checklist' | 'activity' | 'qualification' | 'call_plan' | 'certification';

export interface ExitCriteriaTable {
  id: string;
  workspace_id: string;
  pipeline_id: string;
  stage_id: string;
  position: number;
  kind: CriterionKind;
  label: string;
  /** kind field: a core deal field (amount, closeDate, accountId …) or custom.<key>. */
  field: string | null;
  /** kind activity: the activity type that must have been logged … */
  activity_type: ActivityType | null;
  /** … within this many days before the move (null: ever). */
  within_days: number | null;
  /** kind qualification: the framework whose total must reach min_score. */
  framework_id: string | null;
  min_score: number | null;
  /** kind certification: the scenario (or skill) the owner must be certified on. */
  scenario: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface DealChecklistTicksTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  criterion_id: string;
  ticked_by: string;
  ticked_at: number;
}

export interface QualificationFrameworksTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  description: string | null;
  builtin: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  version: number;
}

export interface QualificationElementsTable {
  id: string;
  workspace_id: string;
  framework_id: string;
  key: string;
  label: string;
  description: string | null;
  position: number;
  archived_at: number | null;
}

export interface DealQualificationsTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  framework_id: string;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface DealQualificationScoresTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  framework_id: string;
  element_id: string;
  /** 0–3. */
  score: number;
  evidence: string | null;
  updated_by: string | null;
  updated_at: number;
}

export interface StageMoveChecksTable {
  id: string;
  workspace_id: string;
  move_id: string;
  deal_id: string;
  stage_id: string;
  criterion_id: string;
  /** 1 when the criterion was met at the moment of the move. */
  met: number;
  at: number;
}

// 3. Measurement: quotas, expectations, forecast categories and submissions.
export type TargetScopeType = 'user' | 'team' | 'workspace';

export interface QuotasTable {
  id: string;
  workspace_id: string;
  scope_type: TargetScopeType;
  /** A user id, a team id, or the workspace id. */
  scope_id: string;
  /** FY2027, FY2027-Q1 or 2026-11. */
  period_key: string;
  amount: number;
  currency: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface ExpectationsTable {
  id: string;
  workspace_id: string;
  kpi_id: string;
  scope_type: TargetScopeType;
  scope_id: string;
  period_kind: 'week' | 'month' | 'quarter' | 'year';
  /** null: every period of the kind, judged on the current one. */
  period_key: string | null;
  target: number;
  amber_threshold: number;
  red_threshold: number;
  owner_id: string;
  note: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  version: number;
}

export interface DealForecastCategoriesTable {
  deal_id: string;
  workspace_id: string;
  category: string;
  set_by: string | null;
  set_at: number;
}

export interface ForecastSubmissionsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** user: a rep's own call; team: a manager's call for the teams they manage; workspace: the CSO's. */
  scope_type: TargetScopeType;
  scope_id: string;
  period_key: string;
  /** Monday of the week the call was made in, workspace time zone. */
  week_start: string;
  commit_amount: number;
  best_case_amount: number;
  currency: string;
  won_amount: number;
  rollup_commit: number | null;
  rollup_best_case: number | null;
  note: string | null;
  submitted_at: number;
}

export interface ForecastSubmissionDealsTable {
  id: string;
  workspace_id: string;
  submission_id: string;
  deal_id: string;
  owner_id: string;
  category: string;
  stage_id: string;
  amount: number;
  close_date: string;
}

export interface DB {
  workspaces: WorkspacesTable;
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  login_attempts: LoginAttemptsTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  process_versions: ProcessVersionsTable;
  deals: DealsTable;
  stage_moves: StageMovesTable;
  changes: ChangesTable;
  activities: ActivitiesTable;
  custom_fields: CustomFieldsTable;
  import_runs: ImportRunsTable;
  exit_criteria: ExitCriteriaTable;
  deal_checklist_ticks: DealChecklistTicksTable;
  qualification_frameworks: QualificationFrameworksTable;
  qualification_elements: QualificationElementsTable;
  deal_qualifications: DealQualificationsTable;
  deal_qualification_scores: DealQualificationScoresTable;
  stage_move_checks: StageMoveChecksTable;
  quotas: QuotasTable;
  expectations: ExpectationsTable;
  deal_forecast_categories: DealForecastCategoriesTable;
  forecast_submissions: ForecastSubmissionsTable;
  forecast_submission_deals: ForecastSubmissionDealsTable;
}
