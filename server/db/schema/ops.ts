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
