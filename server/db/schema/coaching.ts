// Row types of coaching: the versioned skill model, explicit coaching relationships (the team tree
// supplies the default ones, see coaching/relationships.sql.ts), sessions, action items, skill
// ratings, deal reviews and coaching objectives. Conventions as in the other schema files.

export interface SkillModelVersionsTable {
  id: string;
  workspace_id: string;
  version: number;
  note: string | null;
  created_by: string | null;
  created_at: number;
}

export interface SkillsTable {
  id: string;
  workspace_id: string;
  model_version_id: string;
  /** Stable across model versions, so ratings of one skill stay comparable. */
  key: string;
  name: string;
  description: string | null;
  /** JSON: [{ level, label, description }], level 1 upwards. */
  levels: string;
  position: number;
}

export interface CoachingRelationshipsTable {
  id: string;
  workspace_id: string;
  coach_id: string;
  coachee_id: string;
  cadence_days: number;
  note: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
  version: number;
}

export interface CoachingSessionsTable {
  id: string;
  workspace_id: string;
  coach_id: string;
  coachee_id: string;
  scheduled_at: number;
  held_at: number | null;
  agenda: string | null;
  shared_notes: string | null;
  /** Only the session's coach ever reads it back. */
  private_notes: string | null;
  /** JSON array of skill keys worked on. */
  skill_keys: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface CoachingSessionDealsTable {
  session_id: string;
  deal_id: string;
  workspace_id: string;
}

export interface CoachingActionItemsTable {
  id: string;
  workspace_id: string;
  session_id: string;
  owner_id: string;
  text: string;
  due_date: string | null;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface SkillRatingsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  skill_key: string;
  /** The skill-model version the level was given under. */
  model_version: number;
  level: number;
  session_id: string | null;
  rated_by: string;
  rated_at: number;
  note: string | null;
  /** Where the level came from: a coach's rating, or a partner's score on a practice attempt. */
  source: 'coach' | 'practice';
  /** The practice attempt a "practice" rating was derived from. */
  attempt_id: string | null;
}

export interface DealReviewsTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  reviewer_id: string;
  /** The deal's owner at the review: whose coaching agenda it joins. */
  owner_id: string;
  stage_id: string | null;
  findings: string;
  coaching_notes: string | null;
  /** The note on the deal's timeline that carries the findings. */
  activity_id: string | null;
  created_at: number;
}

export interface CoachingObjectivesTable {
  id: string;
  workspace_id: string;
  coachee_id: string;
  coach_id: string;
  skill_key: string;
  kpi_id: string;
  baseline: number | null;
  target: number;
  start_date: string;
  review_date: string;
  reviewed_at: number | null;
  /** JSON of the verified effect computed at the review. */
  result: string | null;
  met: number | null;
  note: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  version: number;
}

export interface CoachingRemindersTable {
  /** kind:record:recipient:occasion — one reminder per occasion. */
  key: string;
  workspace_id: string;
  kind: string;
  record_id: string;
  recipient_id: string;
  created_at: number;
}
