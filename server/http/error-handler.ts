// Every failure leaves as { error: { code, message, details? } }; the status comes from the code.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type FieldProblem } from '../errors.js';
import { audit } from '../ops/audit.service.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** "/amount" → "amount", "/set/stageId" → "set.stageId"; root problems name the missing property. */
function fieldOf(issue: AjvIssue, context: string | undefined): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const extra = (issue.params?.missingProperty ?? issue.params?.additionalProperty) as string | undefined;
  const field = [path, extra].filter(Boolean).join('.');
  if (field) return field;
  return context === 'body' ? 'body' : (context ?? 'request');
}

function messageOf(issue: AjvIssue): string {
  if (issue.keyword === 'additionalProperties') return 'is not a known field';
  if (issue.keyword === 'required') return 'is required';
  if (issue.keyword === 'format' && issue.params?.format === 'date') return 'must be a date as YYYY-MM-DD';
  if (issue.keyword === 'format' && issue.params?.format === 'date-time') return 'must be an ISO 8601 date-time';
  if (issue.keyword === 'pattern' && issue.params?.pattern === '\\S') return 'must not be blank';
  return issue.message ?? 'is invalid';
}

export function validationProblems(error: FastifyError): FieldProblem[] {
  const issues = (error.validation ?? []) as AjvIssue[];
  // A union of literals (sort fields, statuses, types) fails once per literal: name them all.
  const allowed = new Map<string, string[]>();
  for (const issue of issues) {
    const values = issue.keyword === 'const' ? [issue.params?.allowedValue] : issue.keyword === 'enum' ? (issue.params?.allowedValues as unknown[]) : [];
    if (values.length === 0) continue;
    const field = fieldOf(issue, error.validationContext);
    allowed.set(field, [...(allowed.get(field) ?? []), ...values.map(String)]);
  }
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const issue of issues) {
    // Unions report one issue per branch; the first readable one per field is enough.
    const field = fieldOf(issue, error.validationContext);
    if (seen.has(field)) continue;
    seen.add(field);
    const values = allowed.get(field);
    const literal = issue.keyword === 'const' || issue.keyword === 'enum';
    out.push({ field, message: literal && values ? `must be one of ${[...new Set(values)].join(', ')}` : messageOf(issue) });
  }
  return out;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, status: number, code: string, message: string, details?: unknown): FastifyReply {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }), requestId: String(request.id) } });
}

/** A signed-in caller refused by a permission check leaves a trace; nothing else was written. */
async function auditDenied(request: FastifyRequest, message: string): Promise<void> {
  if (!request.ctx) return;
  try {
    await audit(request.ctx, 'access.denied', {
      targetType: 'route',
      targetId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
      summary: `Denied ${request.method} ${request.url.split('?')[0]}: ${message}`,
    });
  } catch (err) {
    request.log.error({ err }, 'could not write the access.denied audit entry');
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'forbidden') await auditDenied(request, error.message);
      if (error.code === 'internal') request.log.error({ err: error }, 'internal error');
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return sendError(reply, request, error.status, error.code, error.message, error.details);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const fields = validationProblems(fe);
      return sendError(reply, request, 400, 'invalid_input', fields.map((f) => `${f.field} ${f.message}`).join('; '), { fields });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code = fe.statusCode === 429 ? 'rate_limited' : fe.statusCode === 404 ? 'not_found' : fe.statusCode === 413 ? 'payload_too_large' : 'invalid_input';
      const status = code === 'invalid_input' ? 400 : ERROR_STATUS[code];
      return sendError(reply, request, status, code, fe.message, { fields: [{ field: 'body', message: fe.message }] });
    }
    // PostgreSQL cancelled the statement: the statement timeout, or the client went away (query_canceled).
    if ((error as { code?: unknown }).code === '57014') {
      request.log.warn({ err: error }, 'statement cancelled (timeout or client gone)');
      return sendError(reply, request, 503, 'timeout', 'The query took too long and was cancelled; narrow it (a shorter period, a filter) or try again');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 500, 'internal', 'Something went wrong on our side; the request id identifies it in the logs');
  });
}
