// Row types of the rituals of the operating rhythm and the private calendar feeds. Conventions as in
// the other schema files: instants epoch ms, flags 0/1.

export interface RitualsTable {
  id: string;
  workspace_id: string;
  team_id: string;
  owner_id: string;
  /** pipeline_review | one_on_one | forecast_call | practice_lab | adherence_review | lead_agreement_review */
  kind: string;
  title: string;
  /** RRULE without DTSTART, expanded on the wall clock of the workspace time zone. */
  rrule: string;
  /** First occurrence, local wall clock: YYYY-MM-DDTHH:mm. */
  starts_local: string;
  duration_minutes: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}

export interface RitualAttendeesTable {
  ritual_id: string;
  user_id: string;
  workspace_id: string;
}

export interface RitualOccurrencesTable {
  id: string;
  workspace_id: string;
  ritual_id: string;
  scheduled_at: number;
  /** scheduled | held | skipped (the current state; ritual_completions keeps every change). */
  status: string;
  held_at: number | null;
  notes: string | null;
  completed_by: string | null;
  completed_at: number | null;
  /** When the "starts in an hour" reminder went out (once per occurrence). */
  reminded_at: number | null;
  /** A recurrence change removed this future occurrence; it stays for the history. */
  cancelled_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface RitualCompletionsTable {
  id: string;
  workspace_id: string;
  occurrence_id: string;
  status: string;
  held_at: number | null;
  recorded_by: string | null;
  recorded_at: number;
}

export interface CalendarFeedsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** sha256 of the secret token: the table never holds a usable feed address. */
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}
