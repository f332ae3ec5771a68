// Row types of notifications (server/notifications/). Instants are epoch ms, flags 0/1.

export interface NotificationsTable {
  id: string;
  workspace_id: string;
  recipient_id: string;
  /** A kind id from the catalogue (server/notifications/kinds.ts). */
  kind: string;
  record_type: string;
  record_id: string;
  actor_id: string | null;
  /** JSON the kind's title template reads (never a record's name). */
  data: string;
  /** 0 when the recipient wants this kind by email only. */
  in_app: number;
  created_at: number;
  read_at: number | null;
  emailed_at: number | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  workspace_id: string;
  in_app: number;
  email: number;
  updated_at: number;
}
