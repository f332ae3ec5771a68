// The audit log: who did what, when, from which address. Admins only; append-only.
import { type Static, Type } from 'typebox';
import { Id, Instant, MAX_PAGE_SIZE } from './common.js';

/** The closed list of audited actions: the schema, the Settings filter and the server all read it. */
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
  'harvest.override_changed',
  'job.run_now',
  'job.retried',
] as const;

export type AuditActionName = (typeof AUDIT_ACTIONS)[number];
// A union built from a mapped array is typed as an array of literals, whose Static is never; the
// schema is the same, its type said once (as api/webhooks.ts does for event names).
export const AuditActionSchema = Type.Unsafe<AuditActionName>(
  Type.Union(
    AUDIT_ACTIONS.map((a) => Type.Literal(a)),
    { description: 'What happened' },
  ),
);

export const AuditEntry = Type.Object({
  id: Id,
  at: Instant,
  actor: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()], { description: 'Null when nobody was signed in (a failed sign-in)' }),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  via: Type.Union([Type.String(), Type.Null()], { description: 'session, token or system' }),
});
export type AuditEntry = Static<typeof AuditEntry>;

const AuditFilters = {
  actorId: Type.Optional(Id),
  action: Type.Optional(AuditActionSchema),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this instant' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this instant' })),
};

export const AuditListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    ...AuditFilters,
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuery>;

export const AuditExportQuery = Type.Object(AuditFilters, { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  retentionDays: Type.Integer({ description: 'Entries older than this many days are purged' }),
});
export type AuditPage = Static<typeof AuditPage>;
