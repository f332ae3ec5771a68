// Row types of the year-long rhythm: the harvest planner's assumption overrides and their changes.
// Instants are epoch milliseconds, money integer minor units, shares 0–1.

export interface HarvestOverridesTable {
  id: string;
  workspace_id: string;
  team_id: string;
  /** null: the team's win rate from history applies. */
  win_rate: number | null;
  average_deal_size: number | null;
  cycle_days: number | null;
  note: string | null;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export type HarvestField = 'win_rate' | 'average_deal_size' | 'cycle_days';

export interface HarvestOverrideChangesTable {
  id: string;
  workspace_id: string;
  team_id: string;
  field: HarvestField;
  old_value: number | null;
  new_value: number | null;
  /** The override's version this change produced. */
  version: number;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: number;
}

/** A "below the start of the year" alert raised (rhythm/discipline-alerts.jobs.ts): the claim that it is raised once. */
export interface DisciplineAlertsTable {
  workspace_id: string;
  /** The team, or the workspace id for the workspace's own index. */
  scope_id: string;
  discipline: string;
  /** The first month (YYYY-MM) of the slide below the starting level. */
  since_key: string;
  raised_at: number;
}
