// Input rules every route shares, applied before schema validation:
// - no string (value or key, in body, query or path) may hold NUL or an unpaired UTF-16 surrogate,
//   and no number beyond ±2^53 (lib/input-rules.ts says why; an import's cells meet the same rules);
// - no body nested deeper than MAX_DEPTH (a walk, a clone or a JSON column would overflow).
// Every integer of every route schema without bounds gets the 32-bit range of the engines'
// integer columns, so `version: 9007199254740993` is a 400 naming the field, not a driver error.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BAD_TEXT, BAD_TEXT_MESSAGE, isOutOfRange } from '../../lib/input-rules.js';
import { type FieldProblem, invalidInput } from '../errors.js';

const MAX_DEPTH = 32;
const INT32 = { minimum: -2_147_483_648, maximum: 2_147_483_647 };

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Top-level body fields whose text the route checks itself, piece by piece: an import's csv,
     * where a bad cell is that row's error (line and field) rather than a refusal of the whole file.
     */
    textCheckedByRoute?: readonly string[];
  }
}

/** Problems of one parsed value, each naming its field as the schema errors do (a.b.0.c). */
export function inputProblems(value: unknown, root: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const field = path || root;
    if (typeof v === 'string') {
      const bad = BAD_TEXT.exec(v);
      // Multi-line text (an import's CSV) says the line, so the bad cell can be found in the file.
      const line = bad && v.includes('\n') ? `line ${v.slice(0, bad.index).split('\n').length} ` : '';
      if (bad) problems.push({ field, message: `${line}${BAD_TEXT_MESSAGE}` });
    } else if (typeof v === 'number') {
      if (isOutOfRange(v)) problems.push({ field, message: 'is out of range' });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) {
        problems.push({ field, message: `is nested more than ${MAX_DEPTH} levels deep` });
        continue;
      }
      for (const [key, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${key}` : key;
        if (BAD_TEXT.test(key)) problems.push({ field: childPath, message: BAD_TEXT_MESSAGE });
        else stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** Integers without bounds get the engines' 32-bit range; explicit bounds stay. */
function boundIntegers(schema: unknown, seen = new Set<unknown>()): void {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  if (s.type === 'integer') {
    if (s.maximum === undefined && s.exclusiveMaximum === undefined) s.maximum = INT32.maximum;
    if (s.minimum === undefined && s.exclusiveMinimum === undefined) s.minimum = INT32.minimum;
  }
  for (const child of Object.values(s)) boundIntegers(child, seen);
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (schema) for (const part of ['body', 'querystring', 'params']) boundIntegers(schema[part]);
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const problems = [...inputProblems(request.params, 'path'), ...inputProblems(request.query, 'query')];
    let body = request.body;
    const ownText = request.routeOptions.config?.textCheckedByRoute;
    if (ownText && body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
      // Left out here only when it is a string; the route's schema still types it.
      body = Object.fromEntries(Object.entries(body).filter(([key, value]) => !(ownText.includes(key) && typeof value === 'string')));
    }
    if (body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body)) problems.push(...inputProblems(body, 'body'));
    else if (typeof body === 'string') problems.push(...inputProblems(body, 'body'));
    if (problems.length > 0) throw invalidInput(problems);
  });
}
