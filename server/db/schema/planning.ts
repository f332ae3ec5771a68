// Row types of planning: call plans (with their debrief) and call-plan templates.
// Instants are epoch milliseconds, calendar dates YYYY-MM-DD text, flags 0/1, lists JSON text.

export type MeetingType = 'discovery' | 'demo' | 'pricing' | 'executive';
export type CallPlanStatus = 'draft' | 'ready' | 'reviewed';

export interface CallPlanTemplatesTable {
  id: string;
  workspace_id: string;
  meeting_type: MeetingType;
  objective: string;
  /** JSON string[] */
  questions: string;
  /** JSON { objection, response }[] */
  objections: string;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface CallPlansTable {
  id: string;
  workspace_id: string;
  deal_id: string;
  activity_id: string;
  /** The rep who owns the meeting: visibility follows them. */
  owner_id: string;
  meeting_type: MeetingType;
  objective: string;
  desired_commitment: string | null;
  /** JSON { contactId, role }[] */
  attendees: string;
  /** JSON string[] */
  questions: string;
  /** JSON { objection, response }[] */
  objections: string;
  value_hypothesis: string | null;
  /** JSON { frameworkKey, elementKey }[] */
  gaps: string;
  status: CallPlanStatus;
  /** 0–100 from the rubric in plan-quality.ts, stored so lists and KPIs need not recompute. */
  quality_score: number;
  /** First time the plan was marked ready (or reviewed): coverage compares it with the meeting start. */
  ready_at: number | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  review_comment: string | null;
  debriefed_by: string | null;
  debriefed_at: number | null;
  objective_met: number | null;
  commitment_secured: number | null;
  commitment_date: string | null;
  learned: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  version: number;
}
