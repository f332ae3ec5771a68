// One closed list of error codes; the HTTP layer maps each to exactly one status.

export const ERROR_STATUS = {
  /** The request's shape or a value is wrong; details.fields[] names each field and what is wrong with it. */
  invalid_input: 400,
  /** No valid session or token: sign in (or send a live Bearer token) and retry. */
  unauthenticated: 401,
  /** Signed in, but the role has no reach for this operation (a list the role cannot read, an admin-only action, a bad CSRF token). */
  forbidden: 403,
  /** No such record in the workspace, or one outside the caller's visibility: the two answer alike. */
  not_found: 404,
  /** The write collides with existing data (a duplicate name or email, a record still in use). */
  conflict: 409,
  /** The record changed since the caller read it: `version` is behind; details.currentVersion says the latest. */
  stale: 409,
  /** A stage change misses exit criteria of the stages it passes; details list them, an override reason lets it through where allowed. */
  gate_blocked: 422,
  /** Well-formed but against a business rule (a closed deal edited, a lost deal without a reason, an import file that cannot be read). */
  rule_violation: 422,
  /** The upload is larger than the limit for its kind (a recording, an import file). */
  payload_too_large: 413,
  /** Too many attempts (sign-in, invitations) or too many heavy requests/jobs at once from one caller; retry later (Retry-After says when, where known). */
  rate_limited: 429,
  /** A read ran past the statement timeout (PostgreSQL) and was cancelled; narrow it (a shorter period, a filter) or retry. */
  timeout: 503,
  /** A bug or an outage on our side; the requestId finds it in the logs. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const invalidInput = (problems: FieldProblem[], message?: string): AppError =>
  new AppError('invalid_input', message ?? problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: problems });

export const invalidField = (field: string, message: string): AppError => invalidInput([{ field, message }]);

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

export const forbidden = (message = 'You do not have permission to do this'): AppError => new AppError('forbidden', message);

export const stale = (what: string, currentVersion: number): AppError =>
  new AppError('stale', `${what} was changed by someone else; reload and try again`, { currentVersion });

export const conflict = (message: string, details?: unknown): AppError => new AppError('conflict', message, details);

/** 429 with a Retry-After header (the error handler sets it from details.retryAfterSeconds). */
export const rateLimited = (message: string, retryAfterSeconds: number): AppError => new AppError('rate_limited', message, { retryAfterSeconds });

export const ruleViolation = (message: string, details?: unknown): AppError => new AppError('rule_violation', message, details);
