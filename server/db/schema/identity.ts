// Row types of identity: workspaces, teams, users, sessions, API tokens, invitations, login throttling.
// Instants are epoch milliseconds, calendar dates YYYY-MM-DD text, money integer minor units, flags 0/1.

import type { Generated } from 'kysely';

/** coach: an outside coach; sees only their coachees' coaching records and KPIs. */
export type Role = 'admin' | 'manager' | 'rep' | 'marketing' | 'coach';

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  fiscal_year_start_month: number;
  created_at: number;
  version: number;
  /** Bumped (by triggers) with every change to who sees whom: users' role, team, name, disabled; teams. */
  scope_version: Generated<number>;
}

export interface TeamsTable {
  id: string;
  workspace_id: string;
  name: string;
  parent_id: string | null;
  manager_id: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface UsersTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string | null;
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a leaked table does not leak sessions. */
  id: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  token_hash: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

export interface LoginCountersTable {
  key: string;
  window_start: number;
  count: number;
}

export interface LoginAttemptsTable {
  id: string;
  key: string;
  at: number;
}
