// The closed list of audited actions. One place, so the API schema, the filter in Settings and
// the tests that prove each action is written all read the same list.

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'access.denied',
  'user.created',
  'user.role_changed',
  'user.team_changed',
  'user.disabled',
  'user.enabled',
  'team.created',
  'team.changed',
  'team.deleted',
  'process.changed',
  'quota.changed',
  'expectation.changed',
  'api_token.created',
  'api_token.revoked',
  'webhook.created',
  'webhook.revoked',
  'export.downloaded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);
