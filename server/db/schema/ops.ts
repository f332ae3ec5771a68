// Row types of operations: the audit log and outgoing webhooks.
// Instants are epoch milliseconds; JSON payloads are text.

export interface AuditEntriesTable {
  id: string;
  workspace_id: string;
  at: number;
  actor_id: string | null;
  /** The actor's name when the entry was written; names change, the log does not. */
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: string;
  /** JSON object with what changed (from/to, counts); never secrets. */
  details: string | null;
  ip: string | null;
  via: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  /** JSON array of event names. */
  events: string;
  /** whsec_…; signs every delivery. Shown to the admin once, never returned by the API again. */
  secret: string;
  created_by: string | null;
  created_at: number;
  revoked_at: number | null;
  version: number;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  /** Also the webhook-id header. */
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_type: string;
  /** The exact body sent (JSON), so every retry signs the same bytes. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  response_code: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}
