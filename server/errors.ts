// One closed list of error codes; the HTTP layer maps each to exactly one status.

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 409,
  gate_blocked: 422,
  rule_violation: 422,
  payload_too_large: 413,
  rate_limited: 429,
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

export const ruleViolation = (message: string, details?: unknown): AppError => new AppError('rule_violation', message, details);
