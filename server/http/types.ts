import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault, RouteOptions } from 'fastify';
import type { TSchema } from 'typebox';
import { ErrorBody } from '../../api/common.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppDeps {
  database: Database;
  config: Config;
  now: () => number;
  /** Where the request log goes (default stdout); tests read it to prove secrets stay out. */
  logStream?: { write(line: string): void };
  /** Told of every route as it registers (Fastify's onRoute); the route-map test checks api/routes.ts against them. */
  onRoute?: (route: RouteOptions) => void;
}

/** Success responses plus the one error shape, so OpenAPI documents every outcome. */
export function responses<R extends Record<number, TSchema>>(success: R): R & Record<400 | 401 | 403 | 404 | 409 | 422, typeof ErrorBody> {
  return { ...success, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
}
