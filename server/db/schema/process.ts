// Row types of the sales process: pipelines, stages, versions, stage moves, exit criteria, qualification.
// Instants are epoch milliseconds, calendar dates YYYY-MM-DD text, money integer minor units, flags 0/1.
import type { Generated } from 'kysely';
import type { ActivityType } from './crm.js';

export type StageKind = 'open' | 'won' | 'lost';

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
  /**
   * 1 for a move another system made, brought in by an historical import: never checked against
   * Furrow's gate, so adherence, calibration and the process figures leave it out (decision 0180).
   */
  imported: Generated<number>;
}

/**
 * A deal's stay in a stage (crm/stage-stays.repo.ts writes it with every stage change, in the same
 * transaction): the stage history the stage KPIs read, one row per visit, closed by the next stage
 * change at that change's instant. As of T, a stay is known when entered_at <= T and open then when
 * left_at is null or after T.
 */
export interface StageStaysTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  pipeline_id: string;
  stage_id: string;
  entered_at: number;
  left_at: number | null;
  /** 1 when the stage change that began it was imported history (mirrors stage_moves.imported). */
  imported: number;
}

/** A leader's verdict on a gate override, one per stage move. */
export interface OverrideReviewsTable {
  id: string;
  workspace_id: string;
  stage_move_id: string;
  deal_id: string;
  verdict: 'accepted' | 'challenged';
  comment: string | null;
  reviewer_id: string;
  reviewed_at: number;
  version: number;
  updated_at: number;
}

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
