// Row types of practice: scenarios, attempts (role-play or recorded pitch) and certifications.
// Instants are epoch milliseconds, lists JSON text.

export type Difficulty = 'basic' | 'intermediate' | 'advanced';
export type AttemptKind = 'roleplay' | 'recording';

export interface PracticeScenariosTable {
  id: string;
  workspace_id: string;
  name: string;
  persona: string;
  situation: string;
  /** JSON string[] */
  objectives: string;
  /** JSON string[]: the rubric skills an attempt is scored on (coaching's skill names). */
  skills: string;
  difficulty: Difficulty;
  /** Meetings of this type remind a rep who is not ready for this scenario. */
  meeting_type: string | null;
  /** Readiness (0–100) needed to pass and be certified automatically. */
  pass_threshold: number;
  /** How long a certification on this scenario lasts. */
  validity_days: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
  version: number;
}

export interface PracticeAttemptsTable {
  id: string;
  workspace_id: string;
  scenario_id: string;
  /** The rep practising: visibility follows them. */
  user_id: string;
  kind: AttemptKind;
  /** Role-play: the partner playing the buyer, who scores. Recording: an optional named reviewer. */
  partner_id: string | null;
  /** JSON { skill, score (1–5) }[] once scored */
  scores: string | null;
  /** 0–100: the mean skill score as a share of 5. */
  score: number | null;
  feedback: string | null;
  scored_by: string | null;
  scored_at: number | null;
  /** File name inside PRACTICE_STORAGE_DIR (the attempt id; never user input). */
  recording_file: string | null;
  recording_type: string | null;
  recording_bytes: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface CertificationsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  scenario_id: string;
  method: 'manager' | 'threshold';
  granted_by: string | null;
  attempt_id: string | null;
  note: string | null;
  granted_at: number;
  expires_at: number;
  revoked_at: number | null;
}
