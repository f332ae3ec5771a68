// Row types of measurement: quotas, expectations, forecast categories and submissions.
// Instants are epoch milliseconds, calendar dates YYYY-MM-DD text, money integer minor units, flags 0/1.

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

/** The status the daily evaluation last saw (measurement/expectation-alerts.jobs.ts). */
export interface ExpectationStatusesTable {
  expectation_id: string;
  workspace_id: string;
  status: 'green' | 'amber' | 'red' | 'no_data';
  /** The period judged: a rolling expectation judged red in a new period is news again. */
  period_key: string;
  evaluated_at: number;
  /** When it last turned red (null while not red). */
  red_since: number | null;
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
